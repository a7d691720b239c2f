/**
 * Every committed preset is the one the lab (and the comparison view) opens on for its data
 * set, family and transform at the default architecture of that transform: the URL
 * `?dataset=…&flow=…&transform=…` without `layers` decodes to params whose architecture
 * matches the preset's (state/url-defaults.ts: affine 12 layers of 2×32, spline 2 layers of 2×64).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetModelFor } from '../../../../src/compute/lab/lab-flow';
import { toLabParams } from '../../../../src/state/lab-params';
import { presetFlowKey } from '../../../../src/state/presets';
import { decodeUrlState } from '../../../../src/state/url-codec';

interface Entry {
  file: string;
  dataset: string;
  kind: string;
  transform?: string;
}

const manifest = JSON.parse(readFileSync('public/presets/index.json', 'utf8')) as { presets: Entry[] };

describe('presets fit the lab at the default depth', () => {
  it('each preset is found by its key and matches the params of its plain URL', () => {
    expect(manifest.presets.length).toBeGreaterThan(20);
    for (const entry of manifest.presets) {
      const transform = entry.transform ?? 'affine';
      expect(entry.file, entry.file).toBe(`${entry.dataset}-${presetFlowKey(entry.kind, transform)}.json`);
      const url = `?dataset=${entry.dataset}&flow=${entry.kind}&transform=${transform}`;
      const params = toLabParams(decodeUrlState(url).state);
      const text = readFileSync(`public/presets/${entry.file}`, 'utf8');
      expect(presetModelFor(text, params), url).not.toBeNull();
      // An explicit other depth does not take the preset.
      expect(presetModelFor(text, { ...params, layers: params.layers + 1 }), `${url}&layers=+1`).toBeNull();
    }
  });
});
