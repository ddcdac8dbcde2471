// The preload script (sandboxed, CommonJS): `window.evoTray` and nothing else. The page never
// sees ipcRenderer, only these calls, each a single invoke on its own channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC } from '../main/boundary/contract.js';
import type {
  BridgeCall,
  BridgeCalls,
  EvoTrayBridge,
  WindowState,
} from '../main/boundary/contract.js';
import { remoteErrorMessage } from './bridge-errors.js';

/** One bridge call as one invoke; a rejection carries only main's own message (bridge-errors.ts). */
function call<K extends BridgeCall>(name: K): BridgeCalls[K] {
  const invoke = (...args: unknown[]) =>
    ipcRenderer.invoke(IPC[name], ...args).catch((error: unknown) => {
      throw new Error(remoteErrorMessage(error));
    });
  return invoke as BridgeCalls[K];
}

const bridge: EvoTrayBridge = {
  getState: call('getState'),
  getCall: call('getCall'),
  onState(listener) {
    const forward = (_event: IpcRendererEvent, state: WindowState) => listener(state);
    ipcRenderer.on(IPC.state, forward);
    return () => {
      ipcRenderer.removeListener(IPC.state, forward);
    };
  },
  signIn: call('signIn'),
  signOut: call('signOut'),
  startDemo: call('startDemo'),
  updateSettings: call('updateSettings'),
  openSession: call('openSession'),
  clearMissed: call('clearMissed'),
  pauseAlerts: call('pauseAlerts'),
  copyText: call('copyText'),
  getAvatar: call('getAvatar'),
  callAction: call('callAction'),
  callBack: call('callBack'),
  testRingSound: call('testRingSound'),
  listRingDevices: call('listRingDevices'),
  openScreenPop: call('openScreenPop'),
  testScreenPop: call('testScreenPop'),
};

contextBridge.exposeInMainWorld('evoTray', bridge);
