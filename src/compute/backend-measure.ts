/**
 * Backend choice by measurement (issue 17): the page times a few training steps of the default
 * model on each usable backend (in a second, short-lived worker, after the first frame), takes
 * the fastest, remembers it per device (browser + GPU) and says what it measured. `?backend=`
 * still forces one. This module is pure (no browser API, no tfjs): the chooser and the text.
 */
import { BACKEND_LABELS, BACKEND_NAMES, type BackendName } from './backend';

/** One backend's measurement: median ms per training step, or why there is none. */
export interface BackendTiming {
  backend: BackendName;
  msPerStep: number | null;
  /** Why msPerStep is null (did not start, over the time budget, …). */
  note?: string;
}

/** The backend with the smallest finite, positive ms/step; null when none was measured. */
export function fastestBackend(timings: readonly BackendTiming[]): BackendName | null {
  let best: BackendTiming | null = null;
  for (const t of timings) {
    if (t.msPerStep === null || !Number.isFinite(t.msPerStep) || t.msPerStep <= 0) continue;
    if (!best || t.msPerStep < best.msPerStep!) best = t;
  }
  return best?.backend ?? null;
}

/**
 * The backend to use: the one `?backend=` names (a raw value as in the address; the page then
 * keeps what the worker started), otherwise the fastest measured, otherwise the current one.
 */
export function chooseByMeasurement(requested: string | null, timings: readonly BackendTiming[], current: BackendName): BackendName {
  const named = BACKEND_NAMES.find((n) => n === (requested ?? '').trim().toLowerCase());
  if (named) return current;
  return fastestBackend(timings) ?? current;
}

const msText = (ms: number) => `${ms < 100 ? ms.toFixed(1) : ms.toFixed(0)} ms/step`;

/** "WebGPU 6.1 ms/step, WASM 17.9 ms/step → WebGPU" (unmeasured backends say why). */
export function measurementText(timings: readonly BackendTiming[], chosen: BackendName): string {
  const parts = timings.map((t) => `${BACKEND_LABELS[t.backend]} ${t.msPerStep === null ? (t.note ?? 'not measured') : msText(t.msPerStep)}`);
  return `${parts.join(', ')} → ${BACKEND_LABELS[chosen]}`;
}

/** What the page remembers per device (localStorage, JSON). */
export interface RememberedChoice {
  backend: BackendName;
  /** The measurement text shown when it was measured. */
  text: string;
}

/** The storage key for one browser and GPU. */
export function backendStorageKey(browser: string, gpu: string): string {
  return `flowlab.backend.v1:${browser}|${gpu}`;
}

/** A stored value read back; null when absent or malformed. */
export function parseRemembered(raw: string | null): RememberedChoice | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<RememberedChoice>;
    const backend = BACKEND_NAMES.find((n) => n === value.backend);
    return backend && typeof value.text === 'string' ? { backend, text: value.text.slice(0, 200) } : null;
  } catch {
    return null;
  }
}
