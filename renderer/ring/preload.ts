// The ring page's preload: main's commands in; out, only the page's answers about devices.
import { contextBridge, ipcRenderer } from 'electron';
import {
  RING_CHANNEL,
  RING_EVENT_CHANNEL,
  isRingCommand,
  type RingBridge,
} from '../../main/boundary/ring-channel.js';

const bridge: RingBridge = {
  onCommand(handler) {
    ipcRenderer.on(RING_CHANNEL, (_event, command: unknown) => {
      if (isRingCommand(command)) handler(command);
    });
  },
  report(event) {
    ipcRenderer.send(RING_EVENT_CHANNEL, event);
  },
};

contextBridge.exposeInMainWorld('evoRing', bridge);
