import { useRef, useState } from 'react';
import { PointsCsvError, formatPointsCsv, parsePointsCsv } from '../../core/points-csv';
import { labCommands } from '../../state/lab-commands';
import { MAX_DRAWN_POINTS, labStore, useLabStore } from '../../state/lab-store';
import { downloadText, readUserFile } from '../download';
import { DRAWN_VIEW } from '../../core/datasets';
import { checkPointsInView } from '../../core/validation';
import { plural } from '../../core/plural';

type Message = { kind: 'error' | 'info'; text: string } | null;

/** Name for a saved file: "flow-lab-moons-maf-step1200.json". */
function baseName(): string {
  const { params } = labStore.getState();
  const step = labStore.getState().frame?.step ?? 0;
  return `flow-lab-${params.dataset}-${params.flow}-step${step}`;
}

/** A button that opens a file picker (the input itself stays hidden). */
function LoadButton({ label, accept, onFile }: { label: string; accept: string; onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/**
 * Save and load: the model as a model file (docs/model-format.md), data and model samples as
 * CSV, and points from a CSV to fit ("Draw your own" data). Bad files are refused with a
 * message naming the problem; the lab keeps what it had.
 */
export function FilesMenu() {
  const frame = useLabStore((s) => s.frame);
  const phase = useLabStore((s) => s.run.phase);
  const busy = useLabStore((s) => s.run.busy);
  const [message, setMessage] = useState<Message>(null);
  const hasModel = frame !== null && phase !== 'configuring';

  const saveModel = async () => {
    const text = await labCommands.exportModel();
    if (text) downloadText(text, `${baseName()}.json`, 'application/json');
  };
  const saveCsv = (what: 'data' | 'samples') => {
    const current = labStore.getState().frame;
    if (!current) return;
    const values = what === 'data' ? current.dataSamples : current.modelSamples;
    downloadText(formatPointsCsv(values, 2, 'x'), `${baseName()}-${what}.csv`, 'text/csv');
  };
  const loadModel = async (file: File) => {
    const read = await readUserFile(file);
    if ('error' in read) return setMessage({ kind: 'error', text: `Model not loaded: ${read.error}.` });
    const problem = await labCommands.importModel(read.text);
    setMessage(
      problem
        ? { kind: 'error', text: `Model not loaded: ${file.name}: ${problem}` }
        : { kind: 'info', text: `Loaded the model from ${file.name}.` },
    );
  };
  const loadPoints = async (file: File) => {
    const read = await readUserFile(file);
    if ('error' in read) return setMessage({ kind: 'error', text: `Points not loaded: ${read.error}.` });
    try {
      const points = parsePointsCsv(read.text, 2, file.name);
      // Points far outside the drawing view are rescaled by a power of ten (with a notice) or refused.
      const verdict = checkPointsInView(points.data, DRAWN_VIEW);
      if (verdict.kind === 'refuse') return setMessage({ kind: 'error', text: `Points not loaded: ${file.name}: ${verdict.reason}` });
      const data = verdict.kind === 'rescale' ? points.data.map((v) => v * verdict.factor) : points.data;
      const kept = Math.min(points.n, MAX_DRAWN_POINTS);
      const state = labStore.getState();
      state.clearDrawnPoints();
      state.addDrawnPoints(data.subarray(0, 2 * kept));
      state.commitDrawing();
      state.setParam('dataset', 'drawn');
      setMessage({
        kind: 'info',
        text:
          `Loaded ${plural(kept, 'point')} from ${file.name}${kept < points.n ? ` (the first ${kept} of ${points.n})` : ''}.` +
          (verdict.kind === 'rescale' ? ` ${verdict.notice}` : ''),
      });
    } catch (error) {
      const text = error instanceof PointsCsvError ? error.message : String(error);
      setMessage({ kind: 'error', text: `Points not loaded: ${text}` });
    }
  };

  return (
    <fieldset className="files-menu">
      <legend>Files</legend>
      <button type="button" disabled={!hasModel || busy} onClick={() => void saveModel()}>
        Save model (JSON)
      </button>
      <LoadButton label="Load model…" accept=".json,application/json" onFile={(f) => void loadModel(f)} />
      <button type="button" disabled={!frame} onClick={() => saveCsv('data')}>
        Data (CSV)
      </button>
      <button type="button" disabled={!frame} onClick={() => saveCsv('samples')}>
        Model samples (CSV)
      </button>
      <LoadButton label="Load points (CSV)…" accept=".csv,text/csv,text/plain" onFile={(f) => void loadPoints(f)} />
      {message && (
        <p className={message.kind === 'error' ? 'files-message is-error' : 'files-message'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
