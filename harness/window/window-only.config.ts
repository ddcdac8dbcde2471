// Builds only the window and its preload, with the project's own settings, into the suite's own
// folder: the suite does not depend on the main process building, and a full `electron-vite
// build` running at the same time (it empties out/) cannot pull the window from under it.
import { resolve } from 'node:path';
import config from '../../electron.vite.config.js';

export const WINDOW_BUILD = resolve('test-artifacts/window');

export default {
  preload: {
    ...config.preload,
    build: { ...config.preload?.build, outDir: resolve(WINDOW_BUILD, 'preload') },
  },
  renderer: {
    ...config.renderer,
    build: { ...config.renderer?.build, outDir: resolve(WINDOW_BUILD, 'renderer') },
  },
};
