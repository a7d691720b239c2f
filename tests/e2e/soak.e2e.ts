/**
 * One toggle cycle of the soak (the fast stand-in of soak.slow.e2e.ts, which runs two cycles
 * and 500 steps of the default model in `npm run test:slow`): training through the lab's
 * controls with each toggle of flow, data set, panel and backend once; the worker's tensor
 * count is the same every time the lab is back in a configuration, and nothing errs.
 * A 2-layer MADE of width 16 (fresh weights, no preset fits it): the lifecycle is what leaks,
 * not the model's size, and the 12-layer default made this test 20 s instead of 14. Loading a
 * model into the lab is covered for leaks by session.e2e.ts (200 interleavings with imports).
 */
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import { runSoak } from '../../scripts/soak/soak-run';
import { CONFIG, WEBGPU, appUrl } from './harness';

describe(`soak, one cycle ${CONFIG}`, () => {
  it('keeps tensors flat and the console clean across one toggle cycle', async () => {
    const browser = await launchChromium({ webgpu: WEBGPU });
    try {
      const report = await runSoak(browser, {
        baseUrl: appUrl('/'),
        totalSteps: 40,
        minToggles: 6,
        segmentSteps: 8,
        cpuSegmentSteps: 3,
        backends: ['wasm', 'cpu'],
        query: 'layers=2&hidden=16',
      });
      console.log(
        `soak (one cycle): ${report.steps} steps, ${report.toggles} toggles, ${report.seconds.toFixed(0)} s; tensors ${report.samples.map((s) => s.tensors).join(' ')}`,
      );
      expect(report.toggles).toBeGreaterThanOrEqual(6);
      expect(new Set(report.samples.map((s) => s.action))).toEqual(new Set(['start', 'flow', 'dataset', 'panel', 'backend']));
      // Flow and data set go there and back within the worker: their configurations recur.
      expect(report.samples.length - new Set(report.samples.map((s) => s.configuration)).size).toBeGreaterThanOrEqual(2);
      expect(report.tensorMismatches).toEqual([]);
      expect(report.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 600_000);
});
