// What `require('electron')` resolves to under the fake (electron-log is CommonJS).
module.exports = globalThis.__evoFakeElectron;
