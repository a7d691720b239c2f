/**
 * `npm run bench:engine`: the flow engine's speed in Node on every backend reachable there
 * (WASM, CPU), as a markdown table. A benchmark, not a test: it asserts nothing.
 * The whole suite, browser included: `npm run bench`.
 */
import { benchEngine, useBackend } from './bench/node-engine';

const STEPS = Number(process.env.BENCH_STEPS ?? 30);
const rows = ['| backend | flow | ms / training step | ms / 16,384-point density |', '| --- | --- | ---: | ---: |'];
for (const backend of ['wasm', 'cpu']) {
  if (!(await useBackend(backend))) {
    rows.push(`| ${backend} | — | unavailable | unavailable |`);
    continue;
  }
  for (const flow of ['maf', 'iaf'] as const) {
    const f = await benchEngine(backend, flow, backend === 'cpu' ? Math.max(5, STEPS / 3) : STEPS);
    rows.push(`| ${backend} | ${flow.toUpperCase()} | ${f.msPerStep.toFixed(1)} | ${f.msDensity16k.toFixed(1)} |`);
  }
}
console.log(`Flow Lab engine benchmark (Node ${process.version})\n`);
console.log(rows.join('\n'));
