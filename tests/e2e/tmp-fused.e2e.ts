import { describe, it } from 'vitest';
import type { FlowlabHook } from '../../src/app/compute-client';
import { openApp, waitForBackend } from './harness';
type W = Window & { __flowlab?: FlowlabHook };
describe('tmp', () => {
  it('fused profile', { tags: ['webgpu'], timeout: 400_000 }, async () => {
    let t = Date.now();
    const lap = (s: string) => { const n = Date.now(); console.log(s, n - t); t = n; };
    const page = await openApp('/?backend=webgpu&panel=cost');
    page.on('worker', (w) => w.on('console', (m) => { if (m.text().startsWith('TMP')) console.log(m.text()); }));
    await waitForBackend(page, 120_000);
    lap('open+backend');
    for (const d of [2, 3, 5]) { await page.evaluate((dd) => (window as W).__flowlab!.compute.selfCheckFused(dd), d); lap('selfCheck ' + d); }
    await page.evaluate(() => (window as W).__flowlab!.compute.fusedStepFigures(0)); lap('figures');
    await page.evaluate(() => (window as W).__flowlab!.compute.fusedStepFigures(0)); lap('figures again');
    const r = await page.evaluate(async () => {
      const c = (window as W).__flowlab!.compute; const out: string[] = []; let t = performance.now();
      const lap = (s: string) => { const n = performance.now(); out.push(s + ' ' + Math.round(n - t)); t = n; };
      for (const [layers, hidden] of [[2, 32], [1, 8], [2, 32]]) {
        const params = { flow: 'maf' as const, dataset: '8gaussians', layers, hidden, learningRate: 1e-2, batchSize: 64, seed: 1 };
        await c.labConfigure(params, { presetText: null }); lap(`configure ${layers}x${hidden}`);
        const first = await c.labStep(1); lap('step1');
        const later = await c.labStep(15); lap('step15');
        out.push(`nll ${first.heldOutNll} -> ${later.heldOutNll} fused ${later.fusedStep}`);
      }
      return out;
    });
    console.log(r.join('\n'));
  });
});
