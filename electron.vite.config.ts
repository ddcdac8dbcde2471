import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Three targets: main (ESM, Node), preload (CommonJS, for the sandbox), renderer (Preact).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        // The window's preload, and the hidden ring page's (play/stop in, nothing out).
        input: {
          preload: resolve('renderer/preload.ts'),
          ring: resolve('renderer/ring/preload.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; the window's budget is 40 KB gzipped.
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html'), ring: resolve('renderer/ring/index.html') },
      },
    },
  },
});
