/**
 * Every keyboard shortcut of the page in one table. The shortcut overlay (ShortcutsDialog)
 * lists this table, and the page's key handler (useShortcuts) looks keys up in it, so the two
 * cannot disagree. Rows with `handledBy` are bound elsewhere (the panel tabs, the stepper, the
 * conv painter) and are listed so the overlay is complete. Pure: no DOM, no store.
 */

export type ShortcutAction =
  | 'tour-next'
  | 'tour-previous'
  | 'flow-maf'
  | 'flow-iaf'
  | 'train-toggle'
  | 'lab-reset'
  | 'fullscreen'
  | 'present-toggle'
  | 'help';

/** Where a shortcut applies, for the overlay's groups. */
export type ShortcutScope =
  'Anywhere' | 'Guided tour' | 'Density lab' | 'Step by step' | 'Masked convolutions';

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** The keys as the overlay shows them, e.g. "→ or Page Down". */
  label: string;
  description: string;
  scope: ShortcutScope;
  /** Set for rows this table's handler performs. */
  action?: ShortcutAction;
  /** For rows bound by a panel's own handler: which one (listed, not handled here). */
  handledBy?: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: ['?'],
    label: '?',
    description: 'Show this list of shortcuts',
    scope: 'Anywhere',
    action: 'help',
  },
  {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    label: '1 … 9',
    description: 'Go to the panel with that number',
    scope: 'Anywhere',
    handledBy: 'PanelNav',
  },
  { keys: ['m', 'M'], label: 'M', description: 'Flow: MAF', scope: 'Anywhere', action: 'flow-maf' },
  { keys: ['i', 'I'], label: 'I', description: 'Flow: IAF', scope: 'Anywhere', action: 'flow-iaf' },
  {
    keys: ['f', 'F'],
    label: 'F',
    description: 'Full screen on or off',
    scope: 'Anywhere',
    action: 'fullscreen',
  },
  {
    keys: ['p', 'P'],
    label: 'P',
    description: 'Presenter mode on or off (large type, no page chrome)',
    scope: 'Anywhere',
    action: 'present-toggle',
  },
  {
    keys: ['Escape'],
    label: 'Esc',
    description: 'Close a dialog; leave full screen',
    scope: 'Anywhere',
    handledBy: 'browser',
  },
  {
    keys: ['ArrowRight', 'PageDown'],
    label: '→ or Page Down',
    description: 'Next tour step (while the tour is open)',
    scope: 'Guided tour',
    action: 'tour-next',
  },
  {
    keys: ['ArrowLeft', 'PageUp'],
    label: '← or Page Up',
    description: 'Previous tour step (while the tour is open)',
    scope: 'Guided tour',
    action: 'tour-previous',
  },
  {
    keys: ['t', 'T'],
    label: 'T',
    description: 'Train or pause',
    scope: 'Density lab',
    action: 'train-toggle',
  },
  {
    keys: ['r', 'R'],
    label: 'R',
    description: 'Reset the model (to the preset or fresh weights)',
    scope: 'Density lab',
    action: 'lab-reset',
  },
  {
    keys: ['ArrowRight'],
    label: '→',
    description: 'Next network pass (when the tour is closed)',
    scope: 'Step by step',
    handledBy: 'use-stepper',
  },
  {
    keys: ['ArrowLeft'],
    label: '←',
    description: 'Previous network pass (when the tour is closed)',
    scope: 'Step by step',
    handledBy: 'use-stepper',
  },
  {
    keys: [' '],
    label: 'Space',
    description: 'Play or pause the passes',
    scope: 'Step by step',
    handledBy: 'use-stepper',
  },
  {
    keys: ['r', 'R'],
    label: 'R',
    description: 'Back to the first pass',
    scope: 'Step by step',
    handledBy: 'use-stepper',
  },
  {
    keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'],
    label: 'Arrow keys',
    description: 'Move the paint cursor or the inspected cell (when the picture or grid has focus)',
    scope: 'Masked convolutions',
    handledBy: 'Painter, CellGrid',
  },
  {
    keys: [' ', 'Enter'],
    label: 'Space or Enter',
    description: 'Paint at the cursor (when the picture has focus)',
    scope: 'Masked convolutions',
    handledBy: 'Painter',
  },
];

/** The overlay's groups, in order. */
export const SHORTCUT_SCOPES: readonly ShortcutScope[] = [
  'Anywhere',
  'Guided tour',
  'Density lab',
  'Step by step',
  'Masked convolutions',
];

/** What the page is doing, as far as the shortcuts care. */
export interface ShortcutContext {
  tourOpen: boolean;
  panel: string;
}

/** The parts of a KeyboardEvent the lookup reads. */
export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** What the key-ownership checks read of an event target (an element, or a test double). */
export interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
  /** An input's `type` (text, radio, range, …). */
  type?: string;
}

/** Input types that are not text entry: a key press there is not typing. */
const NON_TEXT_INPUTS = new Set([
  'radio',
  'checkbox',
  'range',
  'button',
  'submit',
  'reset',
  'color',
  'file',
  'image',
]);

/** Keys a focused radio, checkbox, slider or select uses itself (to move, toggle or open). */
const CONTROL_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  ' ',
  'Enter',
]);

/** True when the target is a text field or editable text: every key is typing there. */
export function isTypingTarget(target: KeyTarget | null | undefined): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || target.isContentEditable === true) return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

/**
 * True when a key press belongs to the focused element, so page shortcuts leave it alone:
 * every key in a text field; the navigation keys (arrows, Page Up/Down, Home, End, Space,
 * Enter) on a radio, checkbox, slider or select. Letters and digits pressed after clicking
 * such a control (the Flow switch, the data set) still reach the shortcuts.
 */
export function keyBelongsToTarget(target: KeyTarget | null | undefined, key: string): boolean {
  if (!target) return false;
  if (isTypingTarget(target)) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  return (tag === 'INPUT' || tag === 'SELECT') && CONTROL_KEYS.has(key);
}

/** True when the shortcut applies in this context (tour keys need an open tour, lab keys the lab). */
function applies(shortcut: Shortcut, context: ShortcutContext): boolean {
  if (shortcut.scope === 'Guided tour') return context.tourOpen;
  if (shortcut.scope === 'Density lab') return context.panel === 'density';
  return true;
}

/** The action this table's handler performs for a key press, or null (the key is left alone). */
export function shortcutAction(event: KeyLike, context: ShortcutContext): ShortcutAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  for (const shortcut of SHORTCUTS) {
    if (!shortcut.action || !shortcut.keys.includes(event.key)) continue;
    if (applies(shortcut, context)) return shortcut.action;
  }
  return null;
}

/** The overlay's rows for one scope. */
export const shortcutsIn = (scope: ShortcutScope): Shortcut[] =>
  SHORTCUTS.filter((s) => s.scope === scope);
