// Builds only the window (out/renderer) and its preload (out/preload) with the project's own
// settings, so the browser suite does not depend on the main process building.
import config from '../../electron.vite.config.js';

export default { preload: config.preload, renderer: config.renderer };
