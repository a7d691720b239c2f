/**
 * The committed density previews (public/presets/*.preview.json, from `npm run
 * presets:previews`) against their presets: every manifest entry has one, on the data set's
 * view, and at 200 random cells it agrees with the float64 reference density of the preset
 * within the preview's 8-bit resolution (half a level of p_max, plus float32 slack).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetSource } from '../../../../src/core/datasets';
import { decodeDensityPreview } from '../../../../src/core/flow/density-preview';
import { parseAnyModelText } from '../../../../src/core/flow/model-file';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { ReferenceCouplingFlow } from '../../../../src/core/flow/coupling';
import { createRng } from '../../../../src/core/rng';

const DIR = 'public/presets';
const manifest = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8')) as {
  presets: { file: string; dataset: string; kind: 'maf' | 'iaf' | 'coupling'; preview?: string }[];
};

describe('committed preset previews', () => {
  it.each(manifest.presets.map((p) => [p.file, p] as const))(
    '%s has a preview that matches it',
    (_, entry) => {
      expect(entry.preview).toBe(entry.file.replace(/\.json$/, '.preview.json'));
      const preview = decodeDensityPreview(
        JSON.parse(readFileSync(`${DIR}/${entry.preview}`, 'utf8')),
      );
      const { view } = datasetSource(entry.dataset, null);
      const { grid } = preview;
      expect({ x0: grid.x0, x1: grid.x1, y0: grid.y0, y1: grid.y1 }).toEqual(view);
      const model = parseAnyModelText(readFileSync(`${DIR}/${entry.file}`, 'utf8'));
      expect(model.flow).toBe(entry.kind);
      const flow =
        model.flow === 'coupling'
          ? new ReferenceCouplingFlow(model.weights)
          : new ReferenceFlow(model.weights, model.flow);
      const pMax = Math.exp(Math.max(...preview.logDensity));
      const rng = createRng(11);
      for (let trial = 0; trial < 200; trial++) {
        const col = Math.floor(rng.uniform() * grid.nx);
        const row = Math.floor(rng.uniform() * grid.ny);
        const x = grid.x0 + ((col + 0.5) * (grid.x1 - grid.x0)) / grid.nx;
        const y = grid.y0 + ((row + 0.5) * (grid.y1 - grid.y0)) / grid.ny;
        const p = Math.exp(flow.logProb([x, y]));
        const shown = Math.exp(preview.logDensity[row * grid.nx + col]);
        expect(Math.abs(p - shown)).toBeLessThanOrEqual((0.5 / 255 + 1e-3) * pMax);
      }
    },
  );
});
