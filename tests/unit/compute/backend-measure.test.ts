/**
 * The measured backend choice (backend-measure.ts, and chooseBackend's remembered choice):
 * the faster of two fake backends wins whatever the order, `?backend=` still forces one, the
 * status text names every figure and the choice, a remembered choice is used without
 * re-measuring (and falls back when it no longer starts), and stored values are validated.
 */
import { describe, expect, it } from 'vitest';
import { chooseBackend, type BackendName, type BackendProbe } from '../../../src/compute/backend';
import {
  backendStorageKey,
  chooseByMeasurement,
  fastestBackend,
  measurementText,
  parseRemembered,
  type BackendTiming,
} from '../../../src/compute/backend-measure';

const gpuFast: BackendTiming[] = [
  { backend: 'webgpu', msPerStep: 6.1 },
  { backend: 'wasm', msPerStep: 17.9 },
];

function fakeProbe(failing: BackendName[] = []) {
  const activated: BackendName[] = [];
  const probe: BackendProbe = {
    inspect: async () => ({ usable: true }),
    activate: async (name) => {
      activated.push(name);
      return failing.includes(name) ? 'failed to initialise' : null;
    },
  };
  return { probe, activated };
}

describe('measured backend choice', () => {
  it('picks the faster of two fake backends, in either order and either way round', () => {
    expect(fastestBackend(gpuFast)).toBe('webgpu');
    expect(fastestBackend([...gpuFast].reverse())).toBe('webgpu');
    const wasmFast: BackendTiming[] = [
      { backend: 'webgpu', msPerStep: 40 },
      { backend: 'wasm', msPerStep: 9 },
    ];
    expect(chooseByMeasurement(null, wasmFast, 'webgpu')).toBe('wasm');
    expect(chooseByMeasurement('auto', gpuFast, 'wasm')).toBe('webgpu');
  });

  it('ignores backends without a finite, positive figure; keeps the current one when nothing was measured', () => {
    const timings: BackendTiming[] = [
      { backend: 'webgpu', msPerStep: null, note: 'over 500 ms' },
      { backend: 'webgl', msPerStep: Number.NaN },
      { backend: 'wasm', msPerStep: 12 },
    ];
    expect(fastestBackend(timings)).toBe('wasm');
    expect(chooseByMeasurement(null, [{ backend: 'webgpu', msPerStep: null }], 'wasm')).toBe('wasm');
  });

  it('honours ?backend=: a named backend is kept whatever was measured', () => {
    expect(chooseByMeasurement('wasm', gpuFast, 'wasm')).toBe('wasm');
    expect(chooseByMeasurement('WebGL', gpuFast, 'webgl')).toBe('webgl');
  });

  it('says what it measured and what it chose', () => {
    expect(measurementText(gpuFast, 'webgpu')).toBe('WebGPU 6.1 ms/step, WASM 17.9 ms/step → WebGPU');
    expect(measurementText([{ backend: 'webgl', msPerStep: null, note: 'over 500 ms' }, { backend: 'wasm', msPerStep: 9.04 }], 'wasm')).toBe(
      'WebGL over 500 ms, WASM 9.0 ms/step → WASM',
    );
  });

  it('stores per browser and GPU, and reads back only valid choices', () => {
    expect(backendStorageKey('Chrome 139', 'ANGLE (NVIDIA)')).not.toBe(backendStorageKey('Chrome 139', 'ANGLE (Intel)'));
    expect(parseRemembered(JSON.stringify({ backend: 'webgpu', text: 'WebGPU 6.1 ms/step → WebGPU' }))).toEqual({ backend: 'webgpu', text: 'WebGPU 6.1 ms/step → WebGPU' });
    expect(parseRemembered(JSON.stringify({ backend: 'metal', text: 'x' }))).toBeNull();
    expect(parseRemembered('{not json')).toBeNull();
    expect(parseRemembered(null)).toBeNull();
  });

  it('a remembered choice starts first, without measuring, and says it was measured earlier', async () => {
    const { probe, activated } = fakeProbe();
    const report = await chooseBackend(null, probe, { backend: 'wasm', text: 'WebGPU 30 ms/step, WASM 9.0 ms/step → WASM' });
    expect(report.active).toBe('wasm');
    expect(activated).toEqual(['wasm']);
    expect(report.measurement).toContain('WASM 9.0 ms/step → WASM');
    expect(report.measurement).toContain('earlier visit');
  });

  it('?backend= beats a remembered choice; a remembered backend that no longer starts falls back to the automatic order', async () => {
    const forced = await chooseBackend('webgl', fakeProbe().probe, { backend: 'wasm', text: '…' });
    expect(forced.active).toBe('webgl');
    expect(forced.measurement ?? null).toBeNull();
    const { probe } = fakeProbe(['webgpu']);
    const fallback = await chooseBackend(null, probe, { backend: 'webgpu', text: '…' });
    expect(fallback.active).toBe('webgl');
  });
});
