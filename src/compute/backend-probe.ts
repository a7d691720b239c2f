/**
 * The real `BackendProbe`, for the compute worker (browser only).
 *
 * The WebGPU, WebGL and WASM backends are imported on demand, so the worker downloads only
 * the backend it uses. The WASM binaries are bundled assets served from our own origin:
 * the plain and the SIMD build only. The multi-threaded build needs cross-origin isolation
 * (COOP/COEP headers), which a course folder or an embedding page cannot promise, so it is
 * not shipped and tfjs is told never to pick it.
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { tf } from './tf';
import { announceReplacement, watchActiveDevice } from './device-loss';
import {
  chooseBackend,
  softwareRendererName,
  type BackendName,
  type BackendProbe,
  type BackendReport,
  type Inspection,
} from './backend';

const loadBackend: Record<BackendName, () => Promise<void>> = {
  webgpu: async () => {
    await import('@tensorflow/tfjs-backend-webgpu');
  },
  webgl: async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  },
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Registered by the import above; false keeps tfjs on the single-threaded builds.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': absolute(wasmPlainUrl),
      'tfjs-backend-wasm-simd.wasm': absolute(wasmSimdUrl),
      // setWasmPaths wants an entry for every build; this one is never fetched (flag above).
      'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmSimdUrl),
    });
  },
  cpu: async () => {}, // registered by ./tf
};

/** Asset URLs may be relative (Vite base './'); tfjs fetches them from the worker's location. */
function absolute(url: string): string {
  return new URL(url, self.location.href).href;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function inspectWebGpu(): Promise<Inspection> {
  if (!('gpu' in navigator) || !navigator.gpu) {
    return {
      usable: false,
      reason: self.isSecureContext ? 'not supported by this browser' : 'needs an HTTPS page',
    };
  }
  try {
    const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { usable: false, reason: 'no adapter' };
    const info = adapter.info;
    const detail = [info?.vendor, info?.architecture || info?.description].filter(Boolean);
    // A fallback adapter is a CPU implementation of WebGPU (e.g. SwiftShader).
    const fallback = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true ||
      (info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter === true;
    const software = softwareRendererName(detail.join(' ')) ?? (fallback ? 'fallback adapter' : null);
    return { usable: true, detail: detail.join(' ') || undefined, ...(software ? { softwareRenderer: software } : {}) };
  } catch (error) {
    return { usable: false, reason: `adapter request failed (${errorText(error)})` };
  }
}

function inspectWebGl(): Inspection {
  if (typeof OffscreenCanvas === 'undefined') {
    return { usable: false, reason: 'no OffscreenCanvas in workers' };
  }
  const canvas = new OffscreenCanvas(1, 1);
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return { usable: false, reason: 'no WebGL context' };
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    gl.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '',
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const software = softwareRendererName(renderer);
  return {
    usable: true,
    detail: renderer || undefined,
    ...(software ? { softwareRenderer: software } : {}),
  };
}

/** Makes `name` the active tfjs backend and checks that 1 + [1, 2] reads back as [2, 3]. */
async function activate(name: BackendName): Promise<string | null> {
  try {
    await loadBackend[name]();
    if (!(await tf.setBackend(name))) return 'failed to initialise';
    const sum = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.scalar(1)));
    try {
      const values = await sum.data();
      if (values[0] !== 2 || values[1] !== 3) {
        return `test operation returned [${Array.from(values).join(', ')}]`;
      }
    } finally {
      sum.dispose();
    }
    return null;
  } catch (error) {
    return `failed to initialise (${errorText(error)})`;
  }
}

const browserProbe: BackendProbe = {
  async inspect(name) {
    if (name === 'webgpu') return inspectWebGpu();
    if (name === 'webgl') return inspectWebGl();
    if (name === 'wasm' && typeof WebAssembly !== 'object') {
      return { usable: false, reason: 'WebAssembly is not supported' };
    }
    return { usable: true };
  },
  activate,
};

let chosen: Promise<BackendReport> | null = null;

/** Chooses the backend once per worker; later calls return the current report. */
export function initBackend(requestedBackend: string | null | undefined): Promise<BackendReport> {
  if (!chosen) {
    chosen = chooseBackend(requestedBackend, browserProbe);
    void chosen.then((report) => {
      if (report.active === 'webgpu') watchActiveDevice((reason) => void replaceLostDevice(reason));
    });
  }
  return chosen;
}

/** The probe, with WebGPU marked unusable for `reason`. */
function probeWithout(lost: BackendName, reason: string): BackendProbe {
  return {
    inspect: (name) => (name === lost ? Promise.resolve({ usable: false, reason }) : browserProbe.inspect(name)),
    activate: (name) => (name === lost ? Promise.resolve(reason) : browserProbe.activate(name)),
  };
}

/** The WebGPU device was lost: the automatic choice among the rest, sessions rebuilt, page told. */
async function replaceLostDevice(reason: string): Promise<void> {
  const why = `device lost (${reason})`;
  const next = await chooseBackend(null, probeWithout('webgpu', why));
  const report: BackendReport = {
    ...next,
    notice: `The WebGPU device was lost (${reason}). Flow Lab moved to ${next.label}; your settings and the trained model were kept.`,
  };
  chosen = Promise.resolve(report);
  await announceReplacement(report);
}

/** The report of the finished choice; throws if `initBackend` has not completed. */
export async function requireBackend(): Promise<BackendReport> {
  if (!chosen) throw new Error('Compute backend not initialised: call init() first.');
  return chosen;
}
