// The window's requests, one handler per IPC channel. Each checks that the sender is our
// window's main frame (not an iframe, not another window) and checks its arguments before
// anything happens: the renderer is treated as untrusted input.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC } from '../boundary/contract.js';
import type {
  AppState,
  CallActionRequest,
  EvoTrayBridge,
  SignInRequest,
} from '../boundary/contract.js';
import { CALL_ACTIONS } from '../boundary/call-action-rules.js';
import { windowSettingsPatch } from '../settings/index.js';

/** The bridge as main implements it (push of state is separate). */
export type BridgeHandlers = Omit<EvoTrayBridge, 'onState'>;

export interface IpcOptions {
  isOurFrame: (frame: IpcMainInvokeEvent['senderFrame']) => boolean;
  handlers: BridgeHandlers;
}

const MAX_TEXT = 10_000;
const MAX_ID = 200;
const MAX_URL = 2048;
const MAX_PAUSE_MINUTES = 24 * 60;
/** Longer than any number or SIP address; checkDestination judges the rest. */
const MAX_DESTINATION = 300;

export function registerIpc({ isOurFrame, handlers }: IpcOptions): void {
  function handle(channel: string, run: (args: unknown[]) => Promise<unknown>): void {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isOurFrame(event.senderFrame)) {
        throw new Error('Refused: this request did not come from the Evo Voice Tray window.');
      }
      return run(args);
    });
  }

  handle(IPC.getState, async (): Promise<AppState> => handlers.getState());
  handle(IPC.signIn, ([request]) => handlers.signIn(signInRequest(request)));
  handle(IPC.signOut, () => handlers.signOut());
  handle(IPC.startDemo, () => handlers.startDemo());
  // Only the settings the window edits; their values are checked by applySettingsPatch.
  handle(IPC.updateSettings, ([patch]) => handlers.updateSettings(windowSettingsPatch(patch)));
  handle(IPC.openSession, ([id]) => handlers.openSession(text(id, 'session id', MAX_ID)));
  handle(IPC.clearMissed, () => handlers.clearMissed());
  handle(IPC.pauseAlerts, ([minutes]) => handlers.pauseAlerts(pauseMinutes(minutes)));
  handle(IPC.copyText, ([value]) => handlers.copyText(text(value, 'text to copy', MAX_TEXT)));
  handle(IPC.getAvatar, ([url]) => handlers.getAvatar(webAddress(url, 'avatar address')));
  handle(IPC.callAction, ([request]) => handlers.callAction(callActionRequest(request)));
  // The number itself is checked in main before anything opens (checkPhoneNumber).
  handle(IPC.callBack, ([value]) => handlers.callBack(text(value, 'number to call back', MAX_ID)));
  handle(IPC.testRingSound, () => handlers.testRingSound());
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new Error(`The ${what} must be text of 1 to ${max} characters.`);
  }
  return value;
}

function webAddress(value: unknown, what: string): string {
  const url = text(value, what, MAX_URL);
  if (!URL.canParse(url)) throw new Error(`The ${what} must be a web address.`);
  return url;
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`The ${what} must be an object.`);
  }
  return value as Record<string, unknown>;
}

function signInRequest(value: unknown): SignInRequest {
  const r = object(value, 'sign-in request');
  if (typeof r['remember'] !== 'boolean') throw new Error('"remember" must be true or false.');
  // Empty user name or password are the account's to explain, in the sign-in form's words.
  const field = (key: string) => {
    const v = r[key];
    if (typeof v !== 'string' || v.length > 1024) throw new Error(`"${key}" must be text.`);
    return v;
  };
  return {
    server: field('server'),
    username: field('username'),
    password: field('password'),
    remember: r['remember'],
  };
}

function pauseMinutes(value: unknown): number | 'until-resumed' | null {
  if (value === null || value === 'until-resumed') return value;
  if (Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_PAUSE_MINUTES) {
    return value as number;
  }
  throw new Error(
    `Pause for 1 to ${MAX_PAUSE_MINUTES} minutes, "until-resumed", or null to resume.`,
  );
}

function callActionRequest(value: unknown): CallActionRequest {
  const r = object(value, 'call action');
  const unknownKey = Object.keys(r).find(
    (k) => !['sessionId', 'action', 'destination'].includes(k),
  );
  if (unknownKey !== undefined)
    throw new Error(`A call action has no "${unknownKey.slice(0, 40)}".`);
  const sessionId = text(r['sessionId'], 'session id', MAX_ID);
  const action = CALL_ACTIONS.find((a) => a === r['action']);
  if (action === undefined) throw new Error(`"action" must be one of ${CALL_ACTIONS.join(', ')}.`);
  const destination = r['destination'];
  if (destination === undefined) return { sessionId, action };
  if (action !== 'transfer') throw new Error('Only a transfer has a destination.');
  if (typeof destination !== 'string' || destination.length > MAX_DESTINATION) {
    throw new Error(`The destination must be text of at most ${MAX_DESTINATION} characters.`);
  }
  return { sessionId, action, destination };
}
