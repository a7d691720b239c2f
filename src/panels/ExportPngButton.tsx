import { useState, type RefObject } from 'react';
import { panelToPng } from '../viz/panel-snapshot';
import { snapshotFileName } from '../viz/snapshot-layout';
import { downloadBlob } from './download';

/** "Save PNG": the panel's plots, figures and captions as one image file. */
export function ExportPngButton({ target, title }: { target: RefObject<HTMLElement | null>; title: string }) {
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const panel = target.current;
    if (!panel) return;
    try {
      setError(null);
      downloadBlob(await panelToPng(panel), snapshotFileName(title));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <>
      <button type="button" onClick={() => void save()} title="Download this panel as a PNG image">
        Save PNG
      </button>
      {error && (
        <span role="alert" className="export-error">
          PNG export failed: {error}
        </span>
      )}
    </>
  );
}
