/**
 * Follows backend changes the worker makes on its own (a lost WebGPU device): the status bar
 * and the notice show the new backend, and the lab redraws from the rebuilt model.
 */
import * as Comlink from 'comlink';
import type { BackendReport } from '../compute/api';
import { labCommands } from '../state/lab-commands';
import { useStatusStore } from '../state/status';
import type { ComputeClient } from './compute-client';

export function watchBackendChanges(api: ComputeClient): void {
  const onChange = (report: BackendReport) => {
    useStatusStore.getState().setCompute({ phase: 'ready', report });
    if (window.__flowlab) window.__flowlab = { ...window.__flowlab, report };
    labCommands.refresh();
  };
  void api.watchBackend(Comlink.proxy(onChange));
}
