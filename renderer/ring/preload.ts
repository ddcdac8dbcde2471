// The ring page's preload: main's play/stop commands in, nothing out.
import { contextBridge, ipcRenderer } from 'electron';
import { RING_CHANNEL, isRingCommand, type RingBridge } from '../../main/boundary/ring-channel.js';

const bridge: RingBridge = {
  onCommand(handler) {
    ipcRenderer.on(RING_CHANNEL, (_event, command: unknown) => {
      if (isRingCommand(command)) handler(command);
    });
  },
};

contextBridge.exposeInMainWorld('evoRing', bridge);
