// Builds only the window (out/renderer) with the project's own renderer settings, so the browser
// suite does not depend on the main process building.
import config from '../../electron.vite.config.js';

export default { renderer: config.renderer };
