/**
 * The colour theme: `?theme=` picks light, dark or projector; `auto` follows the system's
 * prefers-color-scheme. The resolved theme is written to `<html data-theme>`, where
 * themes.css redefines the colour variables; `<html data-present>` marks presenter mode.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import type { ThemeChoice } from '../state/url-schema';

export type Theme = Exclude<ThemeChoice, 'auto'>;

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme a choice shows when the system prefers dark (`systemDark`) or not. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice !== 'auto') return choice;
  return systemDark ? 'dark' : 'light';
}

function subscribeSystemDark(onChange: () => void): () => void {
  const query = globalThis.matchMedia?.(DARK_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** True while the system prefers a dark colour scheme. */
function useSystemDark(): boolean {
  return useSyncExternalStore(
    subscribeSystemDark,
    () => globalThis.matchMedia?.(DARK_QUERY).matches ?? false,
    () => false,
  );
}

/** Applies the theme and presenter mode to the document before the first paint. */
export function useDocumentTheme(choice: ThemeChoice, present: boolean): Theme {
  const theme = resolveTheme(choice, useSystemDark());
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.colorScheme = theme === 'dark' ? 'dark' : 'light';
    if (present) root.dataset.present = 'true';
    else delete root.dataset.present;
  }, [theme, present]);
  return theme;
}
