/**
 * A counter that changes whenever `<html>`'s theme attributes change (`data-theme`,
 * `data-present`, set by app/theme.ts), so canvases redraw with the new plot style.
 */
import { useSyncExternalStore } from 'react';

let version = 0;

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(() => {
    version++;
    onChange();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'data-present'] });
  return () => observer.disconnect();
}

/** Re-renders the caller after a theme or presenter-mode change; returns a changing number. */
export function useThemeVersion(): number {
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );
}
