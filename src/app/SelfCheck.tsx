import { useState } from 'react';
import type { SelfCheckResult } from '../compute/api';
import { computeApi } from './compute-client';

/** Largest |backend − CPU| difference accepted for float32 arithmetic on order-1 values. */
const SELF_CHECK_TOLERANCE = 1e-4;

function verdict(result: SelfCheckResult): string {
  const diff = result.maxAbsDiff.toExponential(1);
  const leaked = result.tensorsAfter - result.tensorsBefore;
  const matches = result.maxAbsDiff <= SELF_CHECK_TOLERANCE;
  if (matches && leaked === 0) {
    return `Self-check passed: results match the CPU backend (max |Δ| ${diff}), no tensors leaked.`;
  }
  return (
    `Self-check failed: max |Δ| ${diff} (tolerance ${SELF_CHECK_TOLERANCE}), ` +
    `tensors ${result.tensorsBefore} → ${result.tensorsAfter}.`
  );
}

/** A button that compares the active backend with the CPU backend on fixed data. */
export function SelfCheck({ enabled }: { enabled: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const run = async () => {
    const api = computeApi();
    if (!api) return;
    setRunning(true);
    try {
      setText(verdict(await api.selfCheck()));
    } catch (error) {
      setText(`Self-check error: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setRunning(false);
    }
  };
  return (
    <span className="self-check">
      <button type="button" disabled={!enabled || running} onClick={run}>
        {running ? 'Checking…' : 'Run self-check'}
      </button>
      {/* aria-live, not <output>: role="status" is reserved for the backend line. */}
      <span className="self-check-result" aria-live="polite">
        {text}
      </span>
    </span>
  );
}
