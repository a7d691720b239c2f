import { it } from 'vitest';
import { openApp } from './harness';
it('timing', async () => {
  for (const backend of ['wasm', 'cpu']) {
  const page = await openApp(`/?panel=gaussianize&backend=${backend}&dataset=moons`, { viewport: { width: 1280, height: 800 } });
  await page.waitForFunction(() => document.querySelector('[data-copula-nll]')?.getAttribute('data-copula-nll'), undefined, { timeout: 120000 });
  const result = await page.evaluate(async () => {
    const api = (window as any).__flowlab.compute;
    const rnd = (n: number) => { let s = 1; return Float32Array.from({ length: n }, () => { s = (s * 16807) % 2147483647; return (s / 2147483647) * 4 - 2; }); };
    const points = rnd(2000), heldOut = rnd(2000);
    const out: Record<string, number> = {};
    let t = performance.now();
    await api.gauss1D({ values: Float64Array.from(rnd(2000)), kind: 'kernel', bandwidthFactor: 0.4 }); out.oneD = performance.now() - t;
    await api.gaussConfigure({ key: 'timing', points, heldOut, kind: 'kernel', bandwidthFactor: 0.4, rotation: 'random', seed: 1 });
    t = performance.now(); await api.gaussIteration('timing', 1); out.firstIteration = performance.now() - t;
    t = performance.now(); await api.gaussIteration('timing', 20); out.next19 = (performance.now() - t) / 19;
    const grid = { x0: -3, x1: 3, y0: -3, y1: 3, nx: 48, ny: 48 };
    t = performance.now(); await api.gaussDensity('timing', 20, grid); out.density20 = performance.now() - t;
    t = performance.now(); await api.gaussSamples('timing', 20, 1000, 3); out.samples20 = performance.now() - t;
    t = performance.now(); await api.gaussCopula({ points, heldOut, kind: 'kernel', bandwidthFactor: 0.4, grid, sampleCount: 1000, seed: 1 }); out.copula = performance.now() - t;
    return out;
  });
  console.log(backend, JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Math.round(v)]))));
  }
}, 300000);
