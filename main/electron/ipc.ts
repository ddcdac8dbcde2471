// The window's requests, one handler per IPC channel. Each checks that the sender is our
// window's main frame (not an iframe, not another window) and checks its arguments before
// anything happens: the renderer is treated as untrusted input.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC } from '../boundary/contract.js';
import type {
  BridgeCall,
  BridgeCalls,
  CallActionRequest,
  ScreenPopTestRequest,
  SignInRequest,
} from '../boundary/contract.js';
import { CALL_ACTIONS } from '../boundary/call-action-rules.js';
import { windowSettingsPatch } from '../settings/index.js';
import { BAD_REQUEST, errorMessage } from '../boundary/errors.js';

/** A request our window would never send (see BAD_REQUEST): refused before any handler runs. */
export class BadRequestError extends Error {
  override readonly name = BAD_REQUEST;
}

/** The bridge as main implements it (the push of state is separate). */
export type BridgeHandlers = BridgeCalls;

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

/**
 * Each bridge call's arguments, checked: what the window sent becomes the handler's typed
 * arguments or an error. A bridge call without an entry here does not compile.
 */
const ARGUMENTS: { [K in BridgeCall]: (args: unknown[]) => Parameters<BridgeCalls[K]> } = {
  getState: () => [],
  getCall: ([id]) => [text(id, 'session id', MAX_ID)],
  signIn: ([request]) => [signInRequest(request)],
  signOut: () => [],
  startDemo: () => [],
  // Only the settings the window edits; their values are checked by applySettingsPatch.
  updateSettings: ([patch]) => [windowSettingsPatch(patch)],
  openSession: ([id]) => [text(id, 'session id', MAX_ID)],
  clearMissed: () => [],
  pauseAlerts: ([minutes]) => [pauseMinutes(minutes)],
  copyText: ([value]) => [text(value, 'text to copy', MAX_TEXT)],
  getAvatar: ([url]) => [webAddress(url, 'avatar address')],
  callAction: ([request]) => [callActionRequest(request)],
  // The number itself is checked in main before anything opens (checkPhoneNumber).
  callBack: ([value]) => [text(value, 'number to call back', MAX_ID)],
  testRingSound: () => [],
  listRingDevices: () => [],
  openScreenPop: ([id]) => [text(id, 'session id', MAX_ID)],
  testScreenPop: ([request]) => [screenPopTestRequest(request)],
};

export function registerIpc({ isOurFrame, handlers }: IpcOptions): void {
  for (const name of Object.keys(ARGUMENTS) as BridgeCall[]) {
    ipcMain.handle(IPC[name], (event, ...args: unknown[]) => {
      if (!isOurFrame(event.senderFrame)) {
        throw new BadRequestError(
          'Refused: this request did not come from the Evo Voice Tray window.',
        );
      }
      const handler = handlers[name] as (...checked: unknown[]) => Promise<unknown>;
      let checked: unknown[];
      try {
        checked = ARGUMENTS[name](args);
      } catch (e) {
        // Whatever the check threw (windowSettingsPatch's SettingsError too) is a bad request.
        throw new BadRequestError(errorMessage(e));
      }
      return handler(...checked);
    });
  }
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

/** Exactly `{ url, open }`: the template (it may be empty, to say none is set) and a boolean. */
function screenPopTestRequest(value: unknown): ScreenPopTestRequest {
  const r = object(value, 'screen pop test');
  const unknownKey = Object.keys(r).find((k) => k !== 'url' && k !== 'open');
  if (unknownKey !== undefined) {
    throw new Error(`A screen pop test has no "${unknownKey.slice(0, 40)}".`);
  }
  const { url, open } = r;
  if (typeof url !== 'string' || url.length > MAX_URL) {
    throw new Error(`The screen pop address must be text of at most ${MAX_URL} characters.`);
  }
  if (typeof open !== 'boolean') throw new Error('"open" must be true or false.');
  return { url, open };
}
