import { useId, useRef, useState } from 'react';
import { useLabStore } from '../../state/lab-store';
import { embedLink, embedSnippet, pageBase, shareLink } from '../../state/share';
import { CopyField } from './CopyField';
import './share.css';

function ShareContent() {
  const params = useLabStore((s) => s.params);
  const base = pageBase(window.location.href);
  const snippet = embedSnippet(embedLink(params, base, 'density'), 'Flow Lab: density');
  return (
    <>
      <CopyField label="Link to this view" value={shareLink(params, base)} />
      <CopyField label="Embed code (iframe)" value={snippet} multiline />
      <p className="muted">
        The link reproduces the data set, flow, architecture and seed. Drawn points are not part of
        the link.
      </p>
    </>
  );
}

/** The "Share" button and its dialog: the link and a ready `<iframe>` snippet. */
export function ShareDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const show = () => {
    setOpen(true);
    const element = dialog.current;
    if (element && typeof element.showModal === 'function') element.showModal();
    else element?.setAttribute('open', '');
  };
  const close = () => {
    dialog.current?.close();
    setOpen(false);
  };
  return (
    <>
      <button type="button" onClick={show} aria-haspopup="dialog">
        Share
      </button>
      <dialog
        ref={dialog}
        className="share-dialog"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
      >
        <h2 id={titleId}>Share this view</h2>
        {open && <ShareContent />}
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
