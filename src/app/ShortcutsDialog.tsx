/**
 * The shortcut overlay (key ?): a modal dialog listing the shortcut table by scope. A modal
 * <dialog> keeps focus inside it (the rest of the page is inert); Escape or Close closes it and
 * focus returns to the control that had it before.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { usePageUi } from './page-ui';
import { SHORTCUT_SCOPES, shortcutsIn } from './shortcuts';

export function ShortcutsDialog() {
  const open = usePageUi((s) => s.shortcutsOpen);
  const setOpen = usePageUi((s) => s.setShortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      element.querySelector<HTMLElement>('button')?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const onClose = () => {
    setOpen(false);
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
  };

  // Tab and Shift+Tab cycle inside the dialog (a modal dialog alone would let focus leave to the browser).
  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = [
      ...event.currentTarget.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]'),
    ];
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey ? active === first : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={trapTab}
    >
      <div className="shortcuts-head">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <p className="muted">Shortcuts do nothing while you type in a field. Esc closes this list.</p>
      {SHORTCUT_SCOPES.map((scope) => (
        <section key={scope} className="shortcuts-group">
          <h3>{scope}</h3>
          <dl>
            {shortcutsIn(scope).map((s) => (
              <div key={`${s.label}-${s.description}`} className="shortcuts-row">
                <dt>
                  <kbd>{s.label}</kbd>
                </dt>
                <dd>{s.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}
