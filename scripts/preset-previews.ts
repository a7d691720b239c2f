/**
 * `npm run presets:previews`: for every preset in public/presets/index.json, evaluates the
 * fitted model's density on the lab's idle grid (the data set's view, 128² cells) with the
 * engine (tfjs WASM in Node, as the preset trainer) and writes `<dataset>-<flow>.preview.json`
 * (core/flow/density-preview.ts) beside it, and the file name into the manifest entry. The lab
 * draws the preview before the compute worker has started. `npm run presets` ends with this.
 * Every model kind (MAF, IAF, coupling; affine or spline); `<file>.preview.json` beside `<file>.json`.
 *   PREVIEWS=8gaussians-coupling,8gaussians-maf-spline npm run presets:previews   only those.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tf } from '../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { flowFromModel } from '../src/compute/flow/build-flow';
import { evaluateInChunks, gridPoints, IDLE_GRID } from '../src/compute/lab/grid';
import { datasetSource } from '../src/core/datasets';
import { encodeDensityPreview } from '../src/core/flow/density-preview';
import { parseAnyModelText } from '../src/core/flow/model-file';

const OUT = 'public/presets';

interface ManifestEntry {
  file: string;
  dataset: string;
  kind: 'maf' | 'iaf' | 'coupling';
  preview?: string;
  [key: string]: unknown;
}

tf.env().set('PROD', true);
if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
const manifest = JSON.parse(readFileSync(`${OUT}/index.json`, 'utf8')) as {
  presets: ManifestEntry[];
};
const only = process.env.PREVIEWS?.split(',');
for (const entry of manifest.presets) {
  if (only && !only.includes(entry.file.replace(/\.json$/, ''))) {
    // Not redrawn: an existing preview stays listed.
    const kept = entry.file.replace(/\.json$/, '.preview.json');
    if (existsSync(`${OUT}/${kept}`)) entry.preview = kept;
    continue;
  }
  const flow = flowFromModel(
    parseAnyModelText(readFileSync(`${OUT}/${entry.file}`, 'utf8')),
    false,
  );
  const grid = { ...datasetSource(entry.dataset, null).view, nx: IDLE_GRID, ny: IDLE_GRID };
  const logDensity = await evaluateInChunks(gridPoints(grid), (x) => flow.logProb(x));
  flow.dispose();
  // `<dataset>-<flow>.preview.json` (density-preview.ts previewFileName) for the default presets.
  const name = entry.file.replace(/\.json$/, '.preview.json');
  writeFileSync(`${OUT}/${name}`, JSON.stringify(encodeDensityPreview(logDensity, grid)) + '\n');
  entry.preview = name;
  console.log(`${name}: ${grid.nx}×${grid.ny} cells`);
}
writeFileSync(`${OUT}/index.json`, JSON.stringify(manifest, null, 1) + '\n');
console.log(`wrote the previews and ${OUT}/index.json`);
