import { describe, expect, it } from 'vitest';
import {
  createPresetLoader,
  isPresetUnavailable,
  parsePresetManifest,
  type FetchLike,
} from '../../../src/state/presets';
import { encodeDensityPreview } from '../../../src/core/flow/density-preview';

function fakeFetch(files: Record<string, string>) {
  const requested: string[] = [];
  const fetchText: FetchLike = async (url) => {
    requested.push(url);
    const body = files[url];
    return { ok: body !== undefined, text: async () => body ?? 'Not found' };
  };
  return { fetchText, requested };
}

describe('presets', () => {
  it('reads file names from the usual manifest shapes', () => {
    expect([...parsePresetManifest(['moons-maf.json', 'x.txt', '../evil.json'])]).toEqual([
      'moons-maf.json',
    ]);
    expect(
      [...parsePresetManifest({ presets: [{ file: 'a-maf.json' }, 'b-iaf.json'] })].sort(),
    ).toEqual(['a-maf.json', 'b-iaf.json']);
    const written = {
      presets: [
        {
          file: '8gaussians-maf.json',
          dataset: '8gaussians',
          kind: 'maf',
          training: { steps: 6000 },
        },
      ],
    };
    expect([...parsePresetManifest(written)]).toEqual(['8gaussians-maf.json']);
    expect(parsePresetManifest(null).size).toBe(0);
    expect(parsePresetManifest(42).size).toBe(0);
  });

  it('fetches only listed presets, once each', async () => {
    const { fetchText, requested } = fakeFetch({
      './presets/index.json': JSON.stringify(['8gaussians-maf.json']),
      './presets/8gaussians-maf.json': '{"model":1}',
    });
    const loader = createPresetLoader(fetchText);
    expect(await loader.load('8gaussians', 'maf')).toBe('{"model":1}');
    expect(await loader.load('8gaussians', 'maf')).toBe('{"model":1}');
    expect(await loader.load('moons', 'maf')).toBeNull();
    expect(requested).toEqual(['./presets/index.json', './presets/8gaussians-maf.json']);
  });

  it('reads presets, previews and recorded NLLs from one manifest fetch', async () => {
    const manifest = {
      presets: [{ file: 'moons-maf.json', dataset: 'moons', kind: 'maf', training: { nll: 2.4376 } }],
    };
    const { fetchText, requested } = fakeFetch({
      './presets/index.json': JSON.stringify(manifest),
      './presets/moons-maf.json': '{"model":2}',
    });
    const loader = createPresetLoader(fetchText);
    expect(await loader.recordedNll('moons', 'maf')).toBe(2.4376);
    expect(await loader.recordedNll('moons', 'iaf')).toBeNull();
    expect(await loader.load('moons', 'maf')).toBe('{"model":2}');
    expect(await loader.loadPreview('moons', 'maf')).toBeNull();
    expect(requested).toEqual(['./presets/index.json', './presets/moons-maf.json']);
    const offline = createPresetLoader(() => Promise.reject(new TypeError('offline')));
    expect(await offline.recordedNll('moons', 'maf')).toBeNull();
  });

  it('treats a missing or broken manifest as no presets', async () => {
    const cases: Record<string, string>[] = [{}, { './presets/index.json': '{not json' }];
    for (const files of cases) {
      const { fetchText, requested } = fakeFetch(files);
      const loader = createPresetLoader(fetchText);
      expect(await loader.load('8gaussians', 'maf')).toBeNull();
      expect(requested).toEqual(['./presets/index.json']);
    }
  });

  it('reports an unanswered request (offline) as unavailable and asks again next time', async () => {
    let online = false;
    const { fetchText: served, requested } = fakeFetch({
      './presets/index.json': JSON.stringify(['moons-iaf.json']),
      './presets/moons-iaf.json': '{"preset":1}',
    });
    const loader = createPresetLoader((url) =>
      online ? served(url) : Promise.reject(new TypeError('Failed to fetch')),
    );
    await expect(loader.load('moons', 'iaf')).rejects.toMatchObject({ name: 'PresetUnavailableError' });
    expect(isPresetUnavailable(await loader.load('moons', 'iaf').catch((e: unknown) => e))).toBe(true);
    expect(await loader.loadPreview('moons', 'iaf')).toBeNull(); // a preview is optional
    online = true;
    expect(await loader.load('moons', 'iaf')).toBe('{"preset":1}');
    expect(requested).toEqual(['./presets/index.json', './presets/moons-iaf.json']);
  });

  it('loads a listed density preview, and treats an unlisted or malformed one as none', async () => {
    const grid = { x0: -1, x1: 1, y0: -1, y1: 1, nx: 2, ny: 2 };
    const doc = encodeDensityPreview(Float32Array.from([0, -1, -Infinity, -2]), grid);
    const manifest = JSON.stringify({
      presets: [
        { file: 'moons-maf.json', preview: 'moons-maf.preview.json' },
        { file: 'moons-iaf.json', preview: 'moons-iaf.preview.json' },
      ],
    });
    const { fetchText, requested } = fakeFetch({
      './presets/index.json': manifest,
      './presets/moons-maf.preview.json': JSON.stringify(doc),
      './presets/moons-iaf.preview.json': '{"format":"flowlab-density-preview/1","grid":{}}',
    });
    const loader = createPresetLoader(fetchText);
    const preview = await loader.loadPreview('moons', 'maf');
    expect(preview?.grid).toEqual(grid);
    expect(preview?.logDensity[0]).toBeCloseTo(0, 6);
    expect(preview?.logDensity[2]).toBe(-Infinity);
    expect(await loader.loadPreview('moons', 'iaf')).toBeNull();
    expect(await loader.loadPreview('8gaussians', 'maf')).toBeNull();
    // The unlisted preview is never requested.
    expect(requested).not.toContain('./presets/8gaussians-maf.preview.json');
  });
});
