import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// main: the Electron entry and the browser host CLI share one build; preload is CommonJS
// because sandboxed preloads cannot be ES modules; renderer is the React app.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: 'main/app/index.ts', host: 'main/host/cli.ts', ingest: 'main/cli/ingest.ts', server: 'server/cli.ts' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: 'preload/index.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: { outDir: 'out/renderer', rollupOptions: { input: 'renderer/index.html' } },
  },
});
