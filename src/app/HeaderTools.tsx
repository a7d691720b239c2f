/**
 * The header's lecture tools: Start tour, Presenter mode, the theme picker and the shortcut
 * list. Presenter mode hides the rest of the chrome but keeps these (smaller), so it can be
 * left again without the keyboard. On a phone (below 600 px) they fold into a Tools menu.
 */
import { useEffect, useId, useRef, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from 'react';
import { labStore, useLabStore } from '../state/lab-store';
import { THEME_CHOICES, type ThemeChoice } from '../state/url-schema';
import { usePageUi } from './page-ui';
import { closeTour, goToTourStep } from './tour/tour-nav';

const THEME_NAMES: Record<ThemeChoice, string> = {
  auto: 'System',
  light: 'Light',
  dark: 'Dark',
  projector: 'Projector',
};

const NARROW_QUERY = '(max-width: 599px)';

function subscribeNarrow(onChange: () => void): () => void {
  const query = globalThis.matchMedia?.(NARROW_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** True while the window is phone-narrow. */
function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribeNarrow,
    () => globalThis.matchMedia?.(NARROW_QUERY).matches ?? false,
    () => false,
  );
}

/** The tools, in a Tools menu on a phone. */
export function HeaderTools() {
  const narrow = useNarrow();
  if (!narrow) return <LectureTools />;
  return <ToolsMenu />;
}

/**
 * The phone's Tools menu. It lies over the page while open, so it closes like a menu: on a
 * tap outside it, on Escape, and once one of its buttons has been pressed (the theme select
 * keeps it open to try another theme).
 */
function ToolsMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const element = menu.current;
      if (element?.open && !(event.target instanceof Node && element.contains(event.target))) element.open = false;
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element;
    if (menu.current && target.closest('.header-tools button')) menu.current.open = false;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector('summary')?.focus();
  };
  return (
    <details className="header-menu" ref={menu} onClick={onClick} onKeyDown={onKeyDown}>
      <summary>Tools</summary>
      <LectureTools />
    </details>
  );
}

function LectureTools() {
  const tour = useLabStore((s) => s.params.tour);
  const present = useLabStore((s) => s.params.present);
  const theme = useLabStore((s) => s.params.theme);
  const openShortcuts = usePageUi((s) => s.setShortcutsOpen);
  const themeId = useId();
  const set = labStore.getState().setParam;
  return (
    <div className="header-tools" role="group" aria-label="Lecture tools">
      <button type="button" onClick={() => (tour > 0 ? closeTour() : goToTourStep(1))}>
        {tour > 0 ? 'End tour' : 'Start tour'}
      </button>
      <button
        type="button"
        onClick={() => set('present', !present)}
        aria-pressed={present}
        aria-keyshortcuts="P"
      >
        Presenter mode
      </button>
      <span className="theme-picker">
        <label htmlFor={themeId}>Theme</label>
        <select
          id={themeId}
          value={theme}
          onChange={(event) => set('theme', event.target.value as ThemeChoice)}
        >
          {THEME_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {THEME_NAMES[choice]}
            </option>
          ))}
        </select>
      </span>
      <button
        type="button"
        onClick={() => openShortcuts(true)}
        aria-haspopup="dialog"
        aria-keyshortcuts="Shift+Slash"
        title="Keyboard shortcuts (?)"
      >
        Shortcuts <kbd aria-hidden="true">?</kbd>
      </button>
    </div>
  );
}
