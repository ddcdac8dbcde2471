// What `import … from 'electron'` resolves to under the fake (see electron-hooks.mjs).
const electron = globalThis.__evoFakeElectron;
if (!electron) throw new Error('The fake electron was not installed before the app was loaded.');
export const {
  app,
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  nativeImage,
  ipcMain,
  powerMonitor,
  net,
  shell,
  screen,
  clipboard,
  globalShortcut,
  session,
  protocol,
  autoUpdater,
  contextBridge,
  ipcRenderer,
} = electron;
export default electron;
