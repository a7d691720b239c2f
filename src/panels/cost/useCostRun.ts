/**
 * One run of the cost lab at a time: progress as measurements arrive, cancel, cancel on
 * unmount. A page hold (slide hidden, frame out of view) cancels a running measurement (its
 * timings would be wrong in the background) and runs it again when the hold lifts. Each run
 * takes the panel controller's next run (state/panel-controller.ts): replies of a run that is
 * no longer current are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePauseWhileHeld } from '../use-page-hold';
import type { CostApi, CostMeasurement, CostRunResult } from '../../compute/cost/protocol';
import { costController } from './cost-connection';

export interface CostRunState {
  running: boolean;
  cancelling: boolean;
  rows: CostMeasurement[];
  done: number;
  total: number;
  result: CostRunResult | null;
  error: string | null;
  run(dims: number[]): void;
  cancel(): void;
}

export function useCostRun(client: CostApi | null): CostRunState {
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [rows, setRows] = useState<CostMeasurement[]>([]);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [result, setResult] = useState<CostRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastDims = useRef<number[]>([]);

  useEffect(
    () => () => {
      costController.beginRun();
      void client?.costCancel();
    },
    [client],
  );

  const run = useCallback(
    (dims: number[]) => {
      if (!client) return;
      const mine = costController.beginRun();
      lastDims.current = dims;
      setRunning(true);
      setCancelling(false);
      setRows([]);
      setResult(null);
      setError(null);
      setProgress({ done: 0, total: dims.length * 5 });
      client
        .costRun({ dims }, (p) => {
          if (!costController.isCurrent(mine)) return;
          setRows((old) => [...old, p.measurement]);
          setProgress({ done: p.done, total: p.total });
        })
        .then(
          (r) => {
            if (!costController.isCurrent(mine)) return;
            setResult(r);
            setRows(r.rows);
          },
          (e: unknown) => {
            if (costController.isCurrent(mine)) setError(e instanceof Error ? e.message : String(e));
          },
        )
        .finally(() => {
          if (!costController.isCurrent(mine)) return;
          setRunning(false);
          setCancelling(false);
        });
    },
    [client],
  );

  const cancel = useCallback(() => {
    if (!client) return;
    setCancelling(true);
    void client.costCancel();
  }, [client]);

  usePauseWhileHeld(running && !cancelling, cancel, () => run(lastDims.current));

  return { running, cancelling, rows, done: progress.done, total: progress.total, result, error, run, cancel };
}
