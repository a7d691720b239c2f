import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../../scripts/service-worker/sw-source';
import { precacheFiles } from '../../../scripts/service-worker/vite-plugin';

const BUILD = [
  'index.html',
  'favicon.ico',
  'manifest.webmanifest',
  'icon.svg',
  'embed-example.html',
  'docs/embedding.md',
  'presets/index.json',
  'presets/moons-maf.json',
  'assets/index-Ab12.js',
  'assets/index-Cd34.css',
  'assets/worker-Ef56.js',
  'assets/KaTeX_Main-Regular-x1.woff2',
  'assets/KaTeX_Main-Regular-x2.woff',
  'assets/KaTeX_Main-Regular-x3.ttf',
  'assets/tfjs-backend-wasm-Gh78.wasm',
  'assets/tfjs-backend-wasm-simd-Ij90.wasm',
];

describe('service worker precache list', () => {
  it('keeps the shell, the worker and woff2 fonts; no presets, no woff/ttf; WASM aside', () => {
    const { shell, wasm } = precacheFiles(BUILD);
    expect(shell).toEqual([
      'index.html',
      'favicon.ico',
      'manifest.webmanifest',
      'icon.svg',
      'assets/index-Ab12.js',
      'assets/index-Cd34.css',
      'assets/worker-Ef56.js',
      'assets/KaTeX_Main-Regular-x1.woff2',
    ]);
    expect(wasm).toEqual({
      plain: 'assets/tfjs-backend-wasm-Gh78.wasm',
      simd: 'assets/tfjs-backend-wasm-simd-Ij90.wasm',
    });
  });

  it('writes a worker whose lists are the ones given, as valid JavaScript', () => {
    const files = precacheFiles(BUILD);
    const source = serviceWorkerSource(files, 'v123');
    expect(source).toContain(JSON.stringify(files.shell));
    expect(source).toContain('"v123"');
    // It parses (no syntax error in the template).
    expect(() => new Function(source)).not.toThrow();
  });
});
