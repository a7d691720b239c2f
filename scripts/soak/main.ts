/**
 * `npm run soak`: the full soak of issue #11 — 20,000 training steps in the built app with
 * toggles of flow, data set, panel and backend (WASM ↔ CPU) between segments. Prints every
 * sample and the verdicts; writes bench/soak.json. Build first (`npx vite build`).
 *   SOAK_STEPS=2000 npm run soak   # a shorter run
 *   FLOWLAB_DIST=/tmp/build npm run soak   # another build than dist/
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../chromium';
import { startStaticServer } from '../serve-dist';
import { runSoak } from './soak-run';

const server = await startStaticServer({ root: process.env.FLOWLAB_DIST ?? 'dist', port: 0 });
const browser = await launchChromium({ webgpu: false });
try {
  const report = await runSoak(browser, {
    baseUrl: server.url,
    totalSteps: Number(process.env.SOAK_STEPS ?? 20_000),
    segmentSteps: 600,
    cpuSegmentSteps: 30,
    backends: ['wasm', 'cpu'],
    log: (line) => console.log(line),
  });
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/soak.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${report.steps} steps, ${report.toggles} toggles in ${report.seconds.toFixed(0)} s`);
  console.log(`tensor mismatches: ${report.tensorMismatches.length ? report.tensorMismatches.join('; ') : 'none'}`);
  console.log(
    `heap after warm-up ${report.heapAfterWarmupMiB.toFixed(1)} MiB, at end ${report.heapEndMiB.toFixed(1)} MiB (${(100 * report.heapGrowth).toFixed(1)} %)`,
  );
  console.log(`problems: ${report.problems.length ? report.problems.join('; ') : 'none'}`);
  process.exitCode = report.tensorMismatches.length || report.problems.length || report.heapGrowth > 0.1 ? 1 : 0;
} finally {
  await browser.close();
  await server.close();
}
