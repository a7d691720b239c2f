import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { copyDocsPlugin } from './scripts/copy-docs-plugin.ts';
import { serviceWorkerPlugin } from './scripts/service-worker/vite-plugin.ts';

// Relative base: the built dist/ works from any static folder (course sites, iframes, file shares).
export default defineConfig({
  base: './',
  // The service worker (dist/sw.js) is generated from the build's output after each build.
  // docs/embedding.md is copied to dist/docs/ (index.html's start-up message links to it).
  plugins: [react(), copyDocsPlugin(), serviceWorkerPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  // `npm run preview` / `npm start`: dist/ as a static host would serve it. The CORS header lets
  // a sandboxed (opaque-origin) frame load the app's own scripts, worker, WASM and presets.
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Access-Control-Allow-Origin': '*' } },
});
