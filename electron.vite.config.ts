import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { compileCatalog } from './main/boundary/i18n/compile-catalog.js';

/**
 * The window's catalogs (main/boundary/i18n/messages/window/<locale>.json) parsed at build time,
 * so the window ships IntlMessageFormat without the ICU parser (aliased below), most of its weight.
 */
function windowCatalogsParsed(): Plugin {
  const CATALOG = /[\\/]i18n[\\/]messages[\\/]window[\\/]([\w-]+)\.json$/;
  return {
    name: 'evo:window-catalogs-parsed',
    // Before Vite's own JSON plugin, which makes a module of the parsed trees.
    enforce: 'pre',
    transform(source, id) {
      const locale = CATALOG.exec(id)?.[1];
      if (locale === undefined) return null;
      const messages = JSON.parse(source) as Record<string, string>;
      return { code: JSON.stringify(compileCatalog(messages, locale)), map: null };
    },
  };
}

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
    plugins: [windowCatalogsParsed()],
    resolve: {
      // Every message reaches the window parsed: the parser would be dead weight (a string
      // message would throw, and the browser suite would see it).
      alias: [
        {
          find: /^@formatjs\/icu-messageformat-parser$/,
          replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
        },
      ],
    },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; the window's budget is 40 KB gzipped.
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html'), ring: resolve('renderer/ring/index.html') },
        output: {
          // A language's chunk says so (harness/window/build-window.ts weighs them apart).
          chunkFileNames: (chunk) =>
            /messages[\\/]window[\\/]/.test(chunk.facadeModuleId ?? '')
              ? 'assets/messages-[name]-[hash].js'
              : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
