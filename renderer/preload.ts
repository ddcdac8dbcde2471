// The preload script (sandboxed, CommonJS): `window.evoTray` and nothing else. The page never
// sees ipcRenderer, only these calls, each a single invoke on its own channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC } from '../main/contract.js';
import type { AppState, EvoTrayBridge } from '../main/contract.js';

const bridge: EvoTrayBridge = {
  getState: () => ipcRenderer.invoke(IPC.getState),
  onState(listener) {
    const forward = (_event: IpcRendererEvent, state: AppState) => listener(state);
    ipcRenderer.on(IPC.state, forward);
    return () => {
      ipcRenderer.removeListener(IPC.state, forward);
    };
  },
  signIn: (request) => ipcRenderer.invoke(IPC.signIn, request),
  signOut: () => ipcRenderer.invoke(IPC.signOut),
  startDemo: () => ipcRenderer.invoke(IPC.startDemo),
  updateSettings: (patch) => ipcRenderer.invoke(IPC.updateSettings, patch),
  openSession: (id) => ipcRenderer.invoke(IPC.openSession, id),
  clearMissed: () => ipcRenderer.invoke(IPC.clearMissed),
  pauseAlerts: (minutes) => ipcRenderer.invoke(IPC.pauseAlerts, minutes),
  copyText: (text) => ipcRenderer.invoke(IPC.copyText, text),
};

contextBridge.exposeInMainWorld('evoTray', bridge);
