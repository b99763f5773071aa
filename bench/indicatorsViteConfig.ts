import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import rendererConfig from '../vite.renderer.config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The renderer's build, but with the standalone indicator board page as its only entry. */
export default mergeConfig(rendererConfig, {
  build: {
    chunkSizeWarningLimit: 2_000,
    outDir: path.join(root, 'dist/indicators-standalone'),
    rollupOptions: { input: path.join(root, 'renderer/panels/indicators/standalone.html') },
  },
});
