import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the built dist/ works from any static folder (course sites, iframes, file shares).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
