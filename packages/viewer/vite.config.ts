import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The browser app: Preact, built from src/app into dist/app, every asset served by the viewer itself (no CDN). */
export default defineConfig({
  root: fileURLToPath(new URL('./src/app', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('./dist/app', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
