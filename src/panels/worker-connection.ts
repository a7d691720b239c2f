/**
 * A panel's handle on the compute worker, one shape for every panel: a PanelController
 * (state/panel-controller.ts: attach/detach of the client, the `shown` flag, the run counter)
 * and a hook that reads its client. The app attaches the worker's client once it is ready and
 * tells each controller whether its panel is shown (App.tsx); until the client is there the
 * panel's hook returns null and the panel waits.
 */
import { useSyncExternalStore } from 'react';
import { PanelController } from '../state/panel-controller';

export interface WorkerConnection<Api> {
  /** The panel's controller (the app attaches it and sets it shown; the panel counts its runs). */
  controller: PanelController<Api>;
  /** Connects (or, with null, disconnects) the panel to a worker client. */
  attach(client: Api | null): void;
  /** React hook: the worker client, or null while the worker starts. */
  useClient(): Api | null;
}

export function createWorkerConnection<Api>(): WorkerConnection<Api> {
  const controller = new PanelController<Api>();
  const subscribe = (listener: () => void) => controller.subscribe(listener);
  const snapshot = () => controller.current;
  return {
    controller,
    attach: (client) => controller.attach(client),
    useClient: () => useSyncExternalStore(subscribe, snapshot),
  };
}
