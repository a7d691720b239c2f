/**
 * Losing the GPU. A WebGPU device can be lost at any time (driver reset, GPU process crash,
 * `device.destroy()`); every tensor on it is gone. The worker then moves tfjs to the next
 * backend of the automatic order and tells its sessions, which rebuild their models from the
 * last values they read back, and the page, which shows the new backend and why.
 */
import { tf } from './tf';
import type { BackendReport } from './backend';

type SessionListener = (report: BackendReport) => void | Promise<void>;
type PageListener = (report: BackendReport) => void;

const sessionListeners = new Set<SessionListener>();
let pageListener: PageListener | null = null;

/** A worker-side session rebuilds its tensors on the new backend. Returns an unsubscribe. */
export function onBackendReplaced(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** The page's callback (a comlink proxy) for backend changes; null to stop. */
export function setPageBackendListener(listener: PageListener | null): void {
  pageListener = listener;
}

interface DeviceHolder {
  device?: { lost?: Promise<{ reason?: string; message?: string }>; destroy?: () => void };
}

/** The WebGPU device of the active tfjs backend, if the active backend is WebGPU. */
function activeDevice(): DeviceHolder['device'] | undefined {
  if (tf.getBackend() !== 'webgpu') return undefined;
  return (tf.backend() as unknown as DeviceHolder).device;
}

/** Calls `onLost(reason)` once when the active WebGPU device is lost. */
export function watchActiveDevice(onLost: (reason: string) => void): void {
  const device = activeDevice();
  void device?.lost?.then((info) => onLost(info.message || info.reason || 'unknown reason'));
}

/** Destroys the active WebGPU device (for the browser test of recovery). False when not on WebGPU. */
export function destroyActiveDevice(): boolean {
  const device = activeDevice();
  if (!device?.destroy) return false;
  device.destroy();
  return true;
}

/** Rebuilds the sessions on the new backend, then tells the page. */
export async function announceReplacement(report: BackendReport): Promise<void> {
  for (const listener of sessionListeners) {
    try {
      await listener(report);
    } catch (error) {
      console.warn('a session could not move to the new backend:', error);
    }
  }
  pageListener?.(report);
}
