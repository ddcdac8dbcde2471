// The preload script (sandboxed, CommonJS): `window.evoTray` and nothing else. The page never
// sees ipcRenderer, only these calls, each a single invoke on its own channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC } from '../main/boundary/contract.js';
import type { AppState, EvoTrayBridge } from '../main/boundary/contract.js';
import { remoteErrorMessage } from './bridge-errors.js';

/** One invoke; a rejection carries only main's own message (see bridge-errors.ts). */
function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  return ipcRenderer.invoke(channel, ...args).catch((error: unknown) => {
    throw new Error(remoteErrorMessage(error));
  });
}

const bridge: EvoTrayBridge = {
  getState: () => invoke(IPC.getState),
  onState(listener) {
    const forward = (_event: IpcRendererEvent, state: AppState) => listener(state);
    ipcRenderer.on(IPC.state, forward);
    return () => {
      ipcRenderer.removeListener(IPC.state, forward);
    };
  },
  signIn: (request) => invoke(IPC.signIn, request),
  signOut: () => invoke(IPC.signOut),
  startDemo: () => invoke(IPC.startDemo),
  updateSettings: (patch) => invoke(IPC.updateSettings, patch),
  openSession: (id) => invoke(IPC.openSession, id),
  clearMissed: () => invoke(IPC.clearMissed),
  pauseAlerts: (minutes) => invoke(IPC.pauseAlerts, minutes),
  copyText: (text) => invoke(IPC.copyText, text),
  getAvatar: (url) => invoke(IPC.getAvatar, url),
  callAction: (request) => invoke(IPC.callAction, request),
  callBack: (number) => invoke(IPC.callBack, number),
  testRingSound: () => invoke(IPC.testRingSound),
};

contextBridge.exposeInMainWorld('evoTray', bridge);
