import { vi } from 'vitest';
import type {
  AppState,
  CallActionRequest,
  CallActionResult,
  CallBackResult,
  EvoTrayBridge,
  RingDevice,
  ScreenPopResult,
  ScreenPopTestRequest,
  ScreenPopTestResult,
  Settings,
  SettingsPatch,
  SignInResult,
  WindowState,
} from '../../main/boundary/contract.js';
import { createWindowStates } from '../../main/app/window-state.js';
import { findCall } from '../../main/boundary/window-state.js';

export interface StubBridge extends EvoTrayBridge {
  /** Sends a new state to the window as the app does on every change: what the window shows of it. */
  push(state: AppState): void;
  /** Main's state: what `getCall` answers from. */
  state: AppState;
  listenerCount(): number;
}

interface Options {
  signIn?: () => Promise<SignInResult>;
  updateSettings?: (patch: SettingsPatch, current: Settings) => Promise<Settings>;
  /** Main's answer for an avatar URL; by default there is none. */
  getAvatar?: (url: string) => Promise<string | null>;
  listRingDevices?: () => Promise<RingDevice[]>;
  /** Main's answer to a call action; by default it succeeds. */
  callAction?: (request: CallActionRequest) => Promise<CallActionResult>;
  /** Main's answer to "Look up the caller"; by default it opens. */
  openScreenPop?: (sessionId: string) => Promise<ScreenPopResult>;
  /** Main's answer to Settings' screen-pop Test; by default the template as the address. */
  testScreenPop?: (request: ScreenPopTestRequest) => Promise<ScreenPopTestResult>;
}

/**
 * A bridge with spies on every call; state changes only through `push`. The window gets main's
 * own WindowState of each state (main/app/window-state.ts), and `getCall` main's answer.
 */
export function stubBridge(initial: AppState, options: Options = {}): StubBridge {
  const listeners = new Set<(state: WindowState) => void>();
  const windowState = createWindowStates();
  const bridge: StubBridge = {
    state: initial,
    push(state) {
      bridge.state = state;
      for (const l of listeners) l(windowState(state));
    },
    listenerCount: () => listeners.size,
    getState: vi.fn(() => Promise.resolve(windowState(bridge.state))),
    getCall: vi.fn((id: string) => Promise.resolve(findCall(bridge.state, id) ?? null)),
    onState: vi.fn((listener: (state: WindowState) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    signIn: vi.fn(options.signIn ?? (() => Promise.resolve<SignInResult>({ ok: true }))),
    signOut: vi.fn(() => Promise.resolve()),
    startDemo: vi.fn(() => Promise.resolve<SignInResult>({ ok: true })),
    updateSettings: vi.fn((patch: SettingsPatch) => {
      const current = bridge.state.settings;
      if (options.updateSettings) return options.updateSettings(patch, current);
      return Promise.resolve({
        ...current,
        ...patch,
        alerts: { ...current.alerts, ...patch.alerts },
        screenPop: { ...current.screenPop, ...patch.screenPop },
      });
    }),
    openSession: vi.fn(() => Promise.resolve()),
    clearMissed: vi.fn(() => Promise.resolve()),
    pauseAlerts: vi.fn(() => Promise.resolve()),
    copyText: vi.fn(() => Promise.resolve()),
    getAvatar: vi.fn(options.getAvatar ?? (() => Promise.resolve(null))),
    callAction: vi.fn(
      options.callAction ?? (() => Promise.resolve<CallActionResult>({ ok: true })),
    ),
    callBack: vi.fn(() => Promise.resolve<CallBackResult>({ ok: true })),
    testRingSound: vi.fn(() => Promise.resolve()),
    listRingDevices: vi.fn(
      options.listRingDevices ?? (() => Promise.resolve([{ deviceId: '', label: '' }])),
    ),
    openScreenPop: vi.fn(
      options.openScreenPop ?? (() => Promise.resolve<ScreenPopResult>({ ok: true })),
    ),
    testScreenPop: vi.fn(
      options.testScreenPop ??
        ((request: ScreenPopTestRequest) =>
          Promise.resolve<ScreenPopTestResult>({ ok: true, url: request.url })),
    ),
  };
  return bridge;
}
