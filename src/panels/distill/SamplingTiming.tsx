import { useState } from 'react';
import type { DistillApi, DistillInfo, DistillTiming } from '../../compute/distill/protocol';
import { formatMs } from '../density/format';
import { samplingPassSentence } from './pass-text';

const TIMED_POINTS = 4096;

/** Measured time to draw n samples: teacher (MAF, D passes per layer) against student (IAF, one). */
export function SamplingTiming({ client, ready, info }: { client: DistillApi | null; ready: boolean; info: DistillInfo | null }) {
  const [timing, setTiming] = useState<DistillTiming | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const measure = () => {
    if (!client) return;
    setPending(true);
    setError(null);
    client
      .distillTiming(TIMED_POINTS)
      .then(setTiming, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setPending(false));
  };
  return (
    <section className="distill-timing" aria-label="Sampling time">
      <h3>Sampling time, measured here</h3>
      <button type="button" onClick={measure} disabled={!client || !ready || pending}>
        {pending ? 'Measuring…' : `Time ${TIMED_POINTS.toLocaleString('en')} samples`}
      </button>
      {timing && (
        <dl className="distill-timing-figures">
          <dt>Teacher (MAF, {timing.teacherPasses} passes)</dt>
          <dd data-ms="teacher">{formatMs(timing.teacherMs)}</dd>
          <dt>Student (IAF, {timing.studentPasses} passes)</dt>
          <dd data-ms="student">{formatMs(timing.studentMs)}</dd>
          <dt>Speed-up</dt>
          <dd data-speedup={timing.speedup}>
            {timing.speedup.toFixed(1)}× on {timing.backend.toUpperCase()}
          </dd>
        </dl>
      )}
      {error && <p role="alert">Timing failed: {error}</p>}
      {info && (
        <p className="muted" data-pass-sentence>
          {samplingPassSentence(info.dim, info.layers, info.studentLayers)} The cost lab shows how the gap grows with D.
        </p>
      )}
    </section>
  );
}
