/**
 * Backend choice: which tfjs backend the worker computes on, and why. This is the start-up
 * order; after the first frame the page measures the usable backends and the worker moves to
 * the fastest (backend-measure.ts, backend-timing.ts).
 *
 * The preferred order is WebGPU → WebGL → WASM → CPU. A GPU backend running on a software
 * renderer (SwiftShader, llvmpipe, a WebGPU fallback adapter, …) is slower than WASM (for the
 * default MAF step: software WebGPU ≈ 1 s, software WebGL ≈ 100 ms, WASM ≈ 29 ms), so WASM
 * moves ahead of it; it can still be forced with `?backend=`. A
 * backend named in the address (`?backend=webgpu|webgl|wasm|cpu`) is used if it works; an
 * unknown or unusable one falls back to the automatic choice with a notice the page shows.
 *
 * An automatic choice measured on an earlier visit on this device (backend-measure.ts) comes
 * first when it still starts.
 *
 * This module is pure: it touches no browser API and no tfjs. Everything it needs to know
 * about the machine comes through a `BackendProbe` (the real one is `backend-probe.ts`, which
 * runs in the worker; unit tests pass fakes).
 */

export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** What the probe found out about one backend without initialising it. */
export type Inspection =
  | { usable: false; reason: string }
  | {
      usable: true;
      /** Adapter or renderer description shown next to the backend name, if known. */
      detail?: string;
      /** Name of the software renderer behind WebGL or WebGPU (e.g. "SwiftShader"), if it is one. */
      softwareRenderer?: string;
    };

/** Access to the machine. `activate` makes the backend current and runs a tiny operation. */
export interface BackendProbe {
  inspect(name: BackendName): Promise<Inspection>;
  /** Resolves null on success, or the reason the backend could not be used. */
  activate(name: BackendName): Promise<string | null>;
}

export interface SkippedBackend {
  backend: BackendName;
  /** Display name, e.g. "WebGPU". */
  label: string;
  reason: string;
}

/** The result of the choice, shown in the status bar. */
export interface BackendReport {
  active: BackendName;
  /** Display name of the active backend: WebGPU, WebGL, WASM or CPU. */
  label: string;
  /** Adapter or renderer of the active backend, when known. */
  detail: string | null;
  /** The raw `?backend=` value, or null when the choice was automatic. */
  requested: string | null;
  /** Backends preferred over the active one and why each was not used, in preferred order. */
  skipped: SkippedBackend[];
  /** Why the requested backend was not used; null when nothing was requested or it worked. */
  notice: string | null;
  /** What the measured choice found ("WebGPU 6.1 ms/step, WASM 17.9 ms/step → WebGPU"), when there was one (backend-measure.ts). */
  measurement?: string | null;
}

export type BackendRequest =
  | { kind: 'auto' }
  | { kind: 'named'; backend: BackendName; raw: string }
  | { kind: 'unknown'; raw: string };

/** Reads the `?backend=` value: empty or "auto" means automatic; names are case-insensitive. */
export function parseBackendRequest(raw: string | null | undefined): BackendRequest {
  const value = (raw ?? '').trim();
  if (value === '' || value.toLowerCase() === 'auto') return { kind: 'auto' };
  const name = BACKEND_NAMES.find((n) => n === value.toLowerCase());
  return name ? { kind: 'named', backend: name, raw: value } : { kind: 'unknown', raw: value };
}

const SOFTWARE_RENDERERS: ReadonlyArray<[RegExp, string]> = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe/i, 'softpipe'],
  [/basic render driver/i, 'Microsoft Basic Render Driver'],
  [/software/i, 'Software'],
];

/**
 * Name of the software rasteriser in an unmasked WebGL renderer string
 * (WEBGL_debug_renderer_info), or null for a hardware GPU or an unknown string.
 * e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)".
 */
export function softwareRendererName(renderer: string | null | undefined): string | null {
  if (!renderer) return null;
  for (const [pattern, name] of SOFTWARE_RENDERERS) if (pattern.test(renderer)) return name;
  return null;
}

/**
 * Preferred order after inspection: hardware GPU backends, then WASM, then software-rendered
 * GPU backends (slower than WASM), then CPU.
 */
function preferredOrder(webglIsSoftware: boolean, webgpuIsSoftware = false): BackendName[] {
  const hardware = (['webgpu', 'webgl'] as const).filter((n) => !(n === 'webgpu' ? webgpuIsSoftware : webglIsSoftware));
  const software = (['webgpu', 'webgl'] as const).filter((n) => (n === 'webgpu' ? webgpuIsSoftware : webglIsSoftware));
  return [...hardware, 'wasm', ...software, 'cpu'];
}

/** Picks, activates and reports the backend. Never throws unless the CPU backend fails too. */
export async function chooseBackend(
  rawRequest: string | null | undefined,
  probe: BackendProbe,
  remembered: { backend: BackendName; text: string } | null = null,
): Promise<BackendReport> {
  const request = parseBackendRequest(rawRequest);
  const requested = request.kind === 'auto' ? null : request.raw;
  const reasons = new Map<BackendName, string>();
  const inspections = new Map<BackendName, Inspection>();
  const inspect = async (name: BackendName): Promise<Inspection> => {
    const known = inspections.get(name);
    if (known) return known;
    const found = await probe.inspect(name);
    inspections.set(name, found);
    return found;
  };
  /** Inspects and activates; records the reason and returns false when it fails. */
  const tryBackend = async (name: BackendName): Promise<boolean> => {
    const inspection = await inspect(name);
    const failure = inspection.usable ? await probe.activate(name) : inspection.reason;
    if (failure === null) return true;
    reasons.set(name, failure);
    return false;
  };
  const report = (active: BackendName, notice: string | null): BackendReport => {
    const inspection = inspections.get(active);
    return {
      active,
      label: BACKEND_LABELS[active],
      detail: (inspection?.usable && inspection.detail) || null,
      requested,
      skipped: BACKEND_NAMES.filter((n) => n !== active && reasons.has(n)).map((n) => ({
        backend: n,
        label: BACKEND_LABELS[n],
        reason: reasons.get(n) ?? '',
      })),
      notice,
    };
  };

  const firstWorking = async (names: BackendName[]): Promise<BackendName | null> => {
    for (const name of names) if (!reasons.has(name) && (await tryBackend(name))) return name;
    return null;
  };

  if (request.kind === 'named' && (await firstWorking([request.backend]))) {
    return report(request.backend, null);
  }
  // An automatic choice measured on this device before (backend-measure.ts) is used as it stands.
  if (request.kind === 'auto' && remembered && (await firstWorking([remembered.backend]))) {
    return { ...report(remembered.backend, null), measurement: `${remembered.text} (measured on an earlier visit)` };
  }
  // WebGL is only inspected once a hardware WebGPU is out: creating a probe context costs time.
  const webgpu = await inspect('webgpu');
  const gpuSoftware = webgpu.usable ? webgpu.softwareRenderer : undefined;
  let active = gpuSoftware === undefined ? await firstWorking(['webgpu']) : null;
  if (active === null) {
    const webgl = await inspect('webgl');
    const glSoftware = webgl.usable ? webgl.softwareRenderer : undefined;
    const order = preferredOrder(glSoftware !== undefined, gpuSoftware !== undefined);
    active = await firstWorking(order.filter((n) => n !== 'webgpu' || gpuSoftware !== undefined));
    const slower = (name: BackendName, renderer: string | undefined) => {
      if (renderer === undefined || reasons.has(name) || order.indexOf(active!) >= order.indexOf(name)) return;
      reasons.set(name, `software renderer (${renderer}) is slower than WASM`);
    };
    if (active !== null) {
      slower('webgpu', gpuSoftware);
      slower('webgl', glSoftware);
    }
  }
  if (active !== null) return report(active, fallbackNotice(request, active, reasons));
  throw new Error(`No tfjs backend could start (CPU: ${reasons.get('cpu') ?? 'unknown error'})`);
}

/** At most 24 characters of text from outside (a notice never repeats a long value whole). */
const excerpt = (raw: string) => (Array.from(raw).length > 24 ? `${Array.from(raw).slice(0, 24).join('')}…` : raw);

/** The notice shown when `?backend=` named something unusable; null for automatic choices. */
function fallbackNotice(
  request: BackendRequest,
  active: BackendName,
  reasons: ReadonlyMap<BackendName, string>,
): string | null {
  const using = `Using ${BACKEND_LABELS[active]} instead.`;
  if (request.kind === 'unknown') {
    return (
      `Unknown backend "${excerpt(request.raw)}" in the address; ` +
      `expected one of ${BACKEND_NAMES.join(', ')}. ${using}`
    );
  }
  if (request.kind === 'named' && request.backend !== active) {
    const why = reasons.get(request.backend) ?? 'unavailable';
    return `Requested backend ${BACKEND_LABELS[request.backend]} is not available (${why}). ${using}`;
  }
  return null;
}
