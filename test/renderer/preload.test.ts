import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type EvoTrayBridge } from '../../main/boundary/contract.js';

// Electron's two preload APIs, faked: what the preload exposes, and what each invoke answers.
const exposed = new Map<string, unknown>();
const invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

let bridge: EvoTrayBridge;

describe('the preload bridge', () => {
  beforeAll(async () => {
    await import('../../renderer/preload.js');
    bridge = exposed.get('evoTray') as EvoTrayBridge;
  });
  beforeEach(() => {
    invoke.mockReset();
  });

  it('asks main for an avatar on its own channel', async () => {
    invoke.mockResolvedValue('data:image/png;base64,AAAA');
    await expect(bridge.getAvatar('https://cdn.example.com/a.png')).resolves.toBe(
      'data:image/png;base64,AAAA',
    );
    expect(invoke).toHaveBeenCalledWith(IPC.getAvatar, 'https://cdn.example.com/a.png');
  });

  it("rejects with main's own words, not Electron's wrapping", async () => {
    invoke.mockImplementation(async (channel) => {
      throw new Error(
        `Error invoking remote method '${channel}': SettingsError: Check for calls every must be at least 1 second`,
      );
    });
    await expect(bridge.updateSettings({ pollIntervalMs: 10 })).rejects.toThrow(
      /^Check for calls every must be at least 1 second$/,
    );
  });
});
