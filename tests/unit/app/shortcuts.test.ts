import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SHORTCUTS,
  SHORTCUT_SCOPES,
  isTypingTarget,
  keyBelongsToTarget,
  shortcutAction,
  shortcutsIn,
  type ShortcutAction,
  type ShortcutContext,
} from '../../../src/app/shortcuts';
import { resolveTheme } from '../../../src/app/theme';

const press = (
  key: string,
  modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});
const LAB_TOUR: ShortcutContext = { tourOpen: true, panel: 'density' };
const STEPS_NO_TOUR: ShortcutContext = { tourOpen: false, panel: 'steps' };

describe('shortcut table', () => {
  it('has one row per action, and every row of the overlay in a listed scope', () => {
    const actions = SHORTCUTS.flatMap((s) => (s.action ? [s.action] : []));
    expect(new Set(actions).size).toBe(actions.length);
    for (const s of SHORTCUTS) {
      expect(SHORTCUT_SCOPES).toContain(s.scope);
      expect(Boolean(s.action) !== Boolean(s.handledBy), s.label).toBe(true);
    }
    const listed = SHORTCUT_SCOPES.flatMap((scope) => shortcutsIn(scope));
    expect(listed.length).toBe(SHORTCUTS.length);
  });

  it('performs each action for each of its keys where it applies', () => {
    for (const s of SHORTCUTS) {
      if (!s.action) continue;
      for (const key of s.keys) {
        expect(shortcutAction(press(key), LAB_TOUR), `${key}`).toBe(s.action);
      }
    }
  });

  it('leaves tour keys to the stepper while the tour is closed, and lab keys to other panels', () => {
    expect(shortcutAction(press('ArrowRight'), STEPS_NO_TOUR)).toBeNull();
    expect(shortcutAction(press('ArrowLeft'), STEPS_NO_TOUR)).toBeNull();
    expect(shortcutAction(press('r'), STEPS_NO_TOUR)).toBeNull();
    expect(shortcutAction(press('t'), STEPS_NO_TOUR)).toBeNull();
    expect(shortcutAction(press('ArrowRight'), { tourOpen: true, panel: 'steps' })).toBe(
      'tour-next' satisfies ShortcutAction,
    );
    expect(shortcutAction(press('m'), STEPS_NO_TOUR)).toBe('flow-maf');
  });

  it('ignores keys with a modifier (browser shortcuts) and keys it does not know', () => {
    expect(shortcutAction(press('r', { ctrlKey: true }), LAB_TOUR)).toBeNull();
    expect(shortcutAction(press('f', { metaKey: true }), LAB_TOUR)).toBeNull();
    expect(shortcutAction(press('ArrowRight', { altKey: true }), LAB_TOUR)).toBeNull();
    expect(shortcutAction(press('x'), LAB_TOUR)).toBeNull();
    expect(shortcutAction(press('1'), LAB_TOUR)).toBeNull(); // PanelNav binds the digits
  });

  it('lets only text fields swallow every key', () => {
    for (const target of [
      { tagName: 'INPUT' },
      { tagName: 'input', type: 'number' },
      { tagName: 'textarea' },
      { tagName: 'DIV', isContentEditable: true },
    ])
      expect(isTypingTarget(target)).toBe(true);
    for (const target of [
      { tagName: 'INPUT', type: 'radio' },
      { tagName: 'INPUT', type: 'checkbox' },
      { tagName: 'INPUT', type: 'range' },
      { tagName: 'SELECT' },
      { tagName: 'BUTTON' },
    ])
      expect(isTypingTarget(target)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('leaves letters and digits to the shortcuts after a radio or select, arrows to the control', () => {
    const radio = { tagName: 'INPUT', type: 'radio' };
    const select = { tagName: 'SELECT' };
    for (const key of ['2', 'm', 'M', 'i', 't', '?'])
      for (const target of [radio, select]) expect(keyBelongsToTarget(target, key)).toBe(false);
    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'Enter', 'PageDown'])
      for (const target of [radio, select]) expect(keyBelongsToTarget(target, key)).toBe(true);
    expect(keyBelongsToTarget({ tagName: 'INPUT', type: 'text' }, 'm')).toBe(true);
    // A button keeps nothing: → moves the tour after pressing its Next button.
    expect(keyBelongsToTarget({ tagName: 'BUTTON' }, 'ArrowRight')).toBe(false);
  });
});

describe('docs/teaching.md', () => {
  it('lists every shortcut of the table', () => {
    const docs = readFileSync(new URL('../../../docs/teaching.md', import.meta.url), 'utf8');
    const table = docs.slice(
      docs.indexOf('## Keyboard shortcuts'),
      docs.indexOf('## Presenter mode'),
    );
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const s of SHORTCUTS)
      expect(table, s.label).toMatch(new RegExp(`^\\| ${escape(s.label)} +\\|`, 'm'));
  });
});

describe('theme choice', () => {
  it('follows the system only for auto', () => {
    expect(resolveTheme('auto', true)).toBe('dark');
    expect(resolveTheme('auto', false)).toBe('light');
    for (const choice of ['light', 'dark', 'projector'] as const) {
      expect(resolveTheme(choice, true)).toBe(choice);
      expect(resolveTheme(choice, false)).toBe(choice);
    }
  });
});
