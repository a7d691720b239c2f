/**
 * What the built app ships, per file: raw and gzip bytes, and whether the first paint needs it
 * (the entry script, its modulepreloads and stylesheets named in dist/index.html) or it loads
 * later (lazy panels, the compute worker, KaTeX fonts). WASM binaries are listed apart.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ShippedFile {
  file: string;
  kind: 'js' | 'css' | 'wasm' | 'other';
  raw: number;
  gzip: number;
  firstPaint: boolean;
}

export interface BundleSummary {
  files: ShippedFile[];
  firstPaintJsGzip: number;
  allJsGzip: number;
  allJsCssGzip: number;
  wasmRaw: number;
  wasmGzip: number;
}

function kindOf(file: string): ShippedFile['kind'] {
  if (file.endsWith('.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  if (file.endsWith('.wasm')) return 'wasm';
  return 'other';
}

/** Asset paths ("assets/x.js") that index.html loads before anything runs. */
export function firstPaintAssets(indexHtml: string): Set<string> {
  const found = new Set<string>();
  for (const match of indexHtml.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)) found.add(match[1]!);
  return found;
}

export function measureBundle(distDir: string): BundleSummary {
  const first = firstPaintAssets(readFileSync(join(distDir, 'index.html'), 'utf8'));
  const files: ShippedFile[] = [];
  for (const name of readdirSync(join(distDir, 'assets')).sort()) {
    const path = join(distDir, 'assets', name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const kind = kindOf(name);
    if (kind === 'other') continue; // fonts are counted by the browser only when KaTeX renders
    files.push({
      file: `assets/${name}`,
      kind,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      firstPaint: first.has(`assets/${name}`),
    });
  }
  const sum = (pick: (f: ShippedFile) => boolean, key: 'raw' | 'gzip') =>
    files.filter(pick).reduce((total, f) => total + f[key], 0);
  return {
    files,
    firstPaintJsGzip: sum((f) => f.kind === 'js' && f.firstPaint, 'gzip'),
    allJsGzip: sum((f) => f.kind === 'js', 'gzip'),
    allJsCssGzip: sum((f) => f.kind === 'js' || f.kind === 'css', 'gzip'),
    wasmRaw: sum((f) => f.kind === 'wasm', 'raw'),
    wasmGzip: sum((f) => f.kind === 'wasm', 'gzip'),
  };
}
