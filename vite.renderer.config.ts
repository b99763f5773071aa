import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer/', import.meta.url));

// Build of the views. It lives beside package.json, not in renderer/, because it is Node build
// tooling and renderer/ holds only view code. Relative asset paths (`base: './'`) let the same
// bundle load from the Electron custom scheme and from the browser shell's HTTP server.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: { strictPort: false },
});
