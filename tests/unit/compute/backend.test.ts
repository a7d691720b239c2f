import { describe, expect, it } from 'vitest';
import {
  chooseBackend,
  parseBackendRequest,
  softwareRendererName,
  type BackendName,
  type BackendProbe,
  type Inspection,
} from '../../../src/compute/backend';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

interface FakeMachine {
  inspections?: Partial<Record<BackendName, Inspection>>;
  /** Backends whose activation fails (setBackend false or the test op fails), with reasons. */
  activationFailures?: Partial<Record<BackendName, string>>;
}

/** A probe answering from a table; records what was inspected and activated. */
function fakeProbe(machine: FakeMachine) {
  const inspected: BackendName[] = [];
  const activated: BackendName[] = [];
  const probe: BackendProbe = {
    async inspect(name) {
      inspected.push(name);
      return machine.inspections?.[name] ?? { usable: true };
    },
    async activate(name) {
      activated.push(name);
      return machine.activationFailures?.[name] ?? null;
    },
  };
  return { probe, inspected, activated };
}

const noAdapter: Inspection = { usable: false, reason: 'no adapter' };
const softwareWebGl: Inspection = {
  usable: true,
  detail: SWIFTSHADER,
  softwareRenderer: 'SwiftShader',
};

describe('chooseBackend (automatic)', () => {
  it('takes WebGPU when it works, without probing slower backends', async () => {
    const { probe, inspected, activated } = fakeProbe({
      inspections: { webgpu: { usable: true, detail: 'nvidia ampere' } },
    });
    const report = await chooseBackend(null, probe);
    expect(report).toMatchObject({ active: 'webgpu', label: 'WebGPU', skipped: [], notice: null });
    expect(report.detail).toBe('nvidia ampere');
    expect(inspected).toEqual(['webgpu']);
    expect(activated).toEqual(['webgpu']);
  });

  it('puts WASM ahead of a software WebGPU adapter and says so', async () => {
    const { probe, activated } = fakeProbe({
      inspections: {
        webgpu: { usable: true, detail: 'google swiftshader', softwareRenderer: 'SwiftShader' },
        webgl: softwareWebGl,
      },
    });
    const report = await chooseBackend(null, probe);
    expect(report.active).toBe('wasm');
    expect(activated).toEqual(['wasm']);
    expect(report.skipped).toEqual([
      { backend: 'webgpu', label: 'WebGPU', reason: 'software renderer (SwiftShader) is slower than WASM' },
      { backend: 'webgl', label: 'WebGL', reason: 'software renderer (SwiftShader) is slower than WASM' },
    ]);
  });

  it('prefers hardware WebGL to a software WebGPU adapter', async () => {
    const { probe } = fakeProbe({
      inspections: {
        webgpu: { usable: true, detail: 'google swiftshader', softwareRenderer: 'SwiftShader' },
        webgl: { usable: true, detail: 'Apple M2' },
      },
    });
    const report = await chooseBackend(null, probe);
    expect(report.active).toBe('webgl');
    expect(report.skipped.map((s) => s.backend)).toEqual(['webgpu']);
  });

  it('uses a software WebGPU adapter when WASM fails, and still honours ?backend=webgpu', async () => {
    const machine = {
      inspections: { webgpu: { usable: true as const, softwareRenderer: 'SwiftShader' }, webgl: noAdapter },
      activationFailures: { wasm: 'no WebAssembly' },
    };
    expect((await chooseBackend(null, fakeProbe(machine).probe)).active).toBe('webgpu');
    const forced = await chooseBackend('webgpu', fakeProbe({ inspections: machine.inspections }).probe);
    expect(forced).toMatchObject({ active: 'webgpu', notice: null });
  });

  it('falls back to hardware WebGL and says why WebGPU was skipped', async () => {
    const { probe } = fakeProbe({
      inspections: { webgpu: noAdapter, webgl: { usable: true, detail: 'Apple M2' } },
    });
    const report = await chooseBackend(undefined, probe);
    expect(report.active).toBe('webgl');
    expect(report.skipped).toEqual([{ backend: 'webgpu', label: 'WebGPU', reason: 'no adapter' }]);
  });

  it('puts WASM ahead of software-rendered WebGL and says so', async () => {
    const { probe, activated } = fakeProbe({
      inspections: { webgpu: noAdapter, webgl: softwareWebGl },
    });
    const report = await chooseBackend('', probe);
    expect(report.active).toBe('wasm');
    expect(report.label).toBe('WASM');
    expect(report.skipped.map((s) => `${s.label}: ${s.reason}`)).toEqual([
      'WebGPU: no adapter',
      'WebGL: software renderer (SwiftShader) is slower than WASM',
    ]);
    expect(activated).toEqual(['wasm']);
  });

  it('uses software WebGL when WASM fails, before CPU', async () => {
    const { probe } = fakeProbe({
      inspections: { webgpu: noAdapter, webgl: softwareWebGl },
      activationFailures: { wasm: 'failed to initialise (fetch failed)' },
    });
    const report = await chooseBackend(null, probe);
    expect(report.active).toBe('webgl');
    expect(report.skipped.map((s) => s.backend)).toEqual(['webgpu', 'wasm']);
  });

  it('moves on when setBackend reports failure for a backend that looked usable', async () => {
    const { probe, activated } = fakeProbe({
      activationFailures: { webgpu: 'failed to initialise' },
    });
    const report = await chooseBackend(null, probe);
    expect(report.active).toBe('webgl');
    expect(report.skipped).toEqual([
      { backend: 'webgpu', label: 'WebGPU', reason: 'failed to initialise' },
    ]);
    expect(activated).toEqual(['webgpu', 'webgl']);
  });

  it('ends on CPU with every reason, in preferred order', async () => {
    const { probe } = fakeProbe({
      inspections: {
        webgpu: { usable: false, reason: 'not supported by this browser' },
        webgl: { usable: false, reason: 'no WebGL context' },
        wasm: { usable: false, reason: 'WebAssembly is not supported' },
      },
    });
    const report = await chooseBackend(null, probe);
    expect(report.active).toBe('cpu');
    expect(report.skipped.map((s) => `${s.label}: ${s.reason}`)).toEqual([
      'WebGPU: not supported by this browser',
      'WebGL: no WebGL context',
      'WASM: WebAssembly is not supported',
    ]);
  });

  it('throws when not even the CPU backend starts', async () => {
    const { probe } = fakeProbe({
      inspections: { webgpu: noAdapter, webgl: noAdapter, wasm: noAdapter },
      activationFailures: { cpu: 'broken' },
    });
    await expect(chooseBackend(null, probe)).rejects.toThrow(/CPU: broken/);
  });
});

describe('chooseBackend (requested with ?backend=)', () => {
  it('forces the requested backend, touching no other', async () => {
    const { probe, inspected, activated } = fakeProbe({});
    const report = await chooseBackend('cpu', probe);
    expect(report).toMatchObject({ active: 'cpu', requested: 'cpu', skipped: [], notice: null });
    expect(inspected).toEqual(['cpu']);
    expect(activated).toEqual(['cpu']);
  });

  it('honours a request for software WebGL (case-insensitive)', async () => {
    const { probe } = fakeProbe({ inspections: { webgpu: noAdapter, webgl: softwareWebGl } });
    const report = await chooseBackend('WebGL', probe);
    expect(report.active).toBe('webgl');
    expect(report.notice).toBeNull();
  });

  it('falls back with a notice when the requested backend is unavailable', async () => {
    const { probe, inspected } = fakeProbe({
      inspections: { webgpu: noAdapter, webgl: softwareWebGl },
    });
    const report = await chooseBackend('webgpu', probe);
    expect(report.active).toBe('wasm');
    expect(report.requested).toBe('webgpu');
    expect(report.notice).toBe(
      'Requested backend WebGPU is not available (no adapter). Using WASM instead.',
    );
    expect(inspected.filter((n) => n === 'webgpu')).toHaveLength(1);
  });

  it('falls back with a notice for an unknown name', async () => {
    const { probe } = fakeProbe({});
    const report = await chooseBackend('bogus', probe);
    expect(report.active).toBe('webgpu');
    expect(report.requested).toBe('bogus');
    expect(report.notice).toMatch(/^Unknown backend "bogus" .* Using WebGPU instead\.$/);
  });
});

describe('parseBackendRequest', () => {
  it.each([null, undefined, '', '  ', 'auto', 'AUTO'])('%j means automatic', (raw) => {
    expect(parseBackendRequest(raw)).toEqual({ kind: 'auto' });
  });

  it('accepts the four names in any case', () => {
    for (const name of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
      expect(parseBackendRequest(name.toUpperCase())).toEqual({
        kind: 'named',
        backend: name,
        raw: name.toUpperCase(),
      });
    }
  });

  it('flags anything else as unknown', () => {
    expect(parseBackendRequest('tpu')).toEqual({ kind: 'unknown', raw: 'tpu' });
  });
});

describe('softwareRendererName', () => {
  it.each([
    [SWIFTSHADER, 'SwiftShader'],
    ['Google SwiftShader', 'SwiftShader'],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', 'llvmpipe'],
    [
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11)',
      'Microsoft Basic Render Driver',
    ],
    ['Software Rasterizer', 'Software'],
  ])('%s is software (%s)', (renderer, name) => {
    expect(softwareRendererName(renderer)).toBe(name);
  });

  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple M2',
    'Mali-G78',
    'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
    '',
    null,
  ])('%j is not software', (renderer) => {
    expect(softwareRendererName(renderer)).toBeNull();
  });
});
