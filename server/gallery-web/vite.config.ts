// The client gallery page is its own small Vite app (not part of electron-vite): the server
// serves out/gallery-web at /g/, so every asset URL starts with /g/assets/.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/g/',
  plugins: [react()],
  // Nothing from public/ and no env files: the page gets everything from the API.
  publicDir: false,
  envDir: false,
  build: {
    outDir: path.resolve(here, '../../out/gallery-web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // Every asset is a file under /g/assets/: a data: URL would need a looser CSP.
    assetsInlineLimit: 0,
  },
});
