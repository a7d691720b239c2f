/**
 * Copies docs/embedding.md into the build (dist/docs/embedding.md), so the message that
 * index.html shows when the app cannot start links to instructions served beside the app
 * itself, on any host, offline included.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

export function copyDocsPlugin(docs: readonly string[] = ['embedding.md']): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'flowlab-copy-docs',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      await mkdir(join(outDir, 'docs'), { recursive: true });
      for (const doc of docs) await copyFile(join(config.root, 'docs', doc), join(outDir, 'docs', doc));
    },
  };
}
