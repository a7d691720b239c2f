/**
 * Slow (`npm run test:slow`; the fast suite runs one toggle cycle, soak.e2e.ts). The
 * shortened soak (issue #11; the full one is `npm run soak`): training through the lab's
 * controls with toggles of flow, data set, panel and backend between segments. The worker's
 * tensor count is the same every time the lab is back in a configuration, and nothing errs.
 */
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import { runSoak } from '../../scripts/soak/soak-run';
import { CONFIG, WEBGPU, appUrl } from './harness';

describe(`soak ${CONFIG}`, () => {
  it('keeps tensors flat and the console clean across two toggle cycles', async () => {
    const browser = await launchChromium({ webgpu: WEBGPU });
    try {
      const report = await runSoak(browser, {
        baseUrl: appUrl('/'),
        totalSteps: 500,
        minToggles: 12,
        segmentSteps: 60,
        cpuSegmentSteps: 15,
        backends: ['wasm', 'cpu'],
      });
      console.log(
        `soak: ${report.steps} steps, ${report.toggles} toggles, ${report.seconds.toFixed(0)} s; tensors ${report.samples.map((s) => s.tensors).join(' ')}; heap ${report.heapAfterWarmupMiB.toFixed(1)} → ${report.heapEndMiB.toFixed(1)} MiB`,
      );
      expect(report.toggles).toBeGreaterThanOrEqual(12);
      expect(new Set(report.samples.map((s) => s.action))).toEqual(new Set(['start', 'flow', 'dataset', 'panel', 'backend']));
      // Each configuration recurs within a worker (flow and data set go there and back).
      expect(report.samples.length - new Set(report.samples.map((s) => s.configuration)).size).toBeGreaterThanOrEqual(4);
      expect(report.tensorMismatches).toEqual([]);
      expect(report.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 900_000);
});
