/**
 * A small Vite plugin that writes dist/sw.js (the service worker, ./sw-source.ts) after a
 * production build, with the list of files to precache taken from the build's own output:
 * every file under assets/ except KaTeX's woff and ttf fonts (browsers with service workers
 * read woff2) and the WASM binaries (the worker picks the one the browser can run), plus
 * index.html, the icon and the web app manifest. Presets are not precached; the worker keeps
 * each one a visitor loads.
 *
 * Chosen over vite-plugin-pwa by measurement: it would add 271 packages and 59 MB to every
 * clean install (workbox-build and its Babel and Rollup tool chain) for what fits in these
 * two files.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { serviceWorkerSource, type ServiceWorkerFiles } from './sw-source.ts';

/** Top-level files of the shell besides assets/. */
const SHELL_ROOT_FILES = ['index.html', 'favicon.ico', 'manifest.webmanifest', 'icon.svg'];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Splits the build's files into the shell to precache and the two WASM builds. */
export function precacheFiles(files: readonly string[]): ServiceWorkerFiles {
  const assets = files.filter((file) => file.startsWith('assets/'));
  const isWasm = (file: string) => file.endsWith('.wasm');
  const simd = assets.find((file) => isWasm(file) && /wasm-simd-/.test(file));
  const plain = assets.find((file) => isWasm(file) && !/-simd-/.test(file) && !/threaded/.test(file));
  const shell = [
    ...SHELL_ROOT_FILES.filter((file) => files.includes(file)),
    ...assets.filter((file) => !isWasm(file) && !/\.(woff|ttf)$/.test(file) && !file.endsWith('.map')),
  ];
  return { shell, wasm: simd && plain ? { plain, simd } : null };
}

export function serviceWorkerPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'flowlab-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      // The worker sub-build runs this hook too; only the page's build writes the file.
      if (config.build.ssr) return;
      const outDir = resolve(config.root, config.build.outDir);
      const files = (await listFiles(outDir)).filter((file) => file !== 'sw.js');
      if (!files.includes('index.html')) return;
      const precache = precacheFiles(files);
      const hash = createHash('sha256');
      for (const file of [...precache.shell].sort()) {
        hash.update(file);
        if (!file.startsWith('assets/')) hash.update(await readFile(join(outDir, file)));
      }
      const version = hash.digest('hex').slice(0, 12);
      await writeFile(join(outDir, 'sw.js'), serviceWorkerSource(precache, version));
    },
  };
}
