// The one module whose types cross the IPC boundary: main, preload and renderer import it.
// Types only (plus channel names), so the renderer bundle pulls in no main-process code.
import type { Session } from './session.js';
import type { ScreenPopTestRequest, ScreenPopTestResult } from './screen-pop.js';
import type { AlertsPausedUntil, Settings, SettingsPatch } from './settings.js';

export type { Session, SessionMember, SessionLogEntry, CustomerBreadcrumb } from './session.js';
export type { ScreenPopTestRequest, ScreenPopTestResult } from './screen-pop.js';
// The settings' shapes and defaults live beside this file; they cross IPC as part of AppState.
export * from './settings.js';

/** An audio output the ring can play on (`listRingDevices()`), as the OS names it. */
export interface RingDevice {
  /** A media device id; '' is the system default. */
  deviceId: string;
  label: string;
}

export interface AccountState {
  status: 'signed-out' | 'signing-in' | 'signed-in';
  server?: string;
  /** `id` is the Evo Voice user id: which calls are this agent's to act on. */
  user?: { name: string; email?: string; avatarUrl?: string; id?: string };
  demo?: boolean;
  /** Why the last sign-in failed, in words the agent can act on. */
  error?: string;
  /** Something the agent should know while signed in (e.g. the password could not be saved). */
  notice?: string;
  keychain: 'available' | 'unavailable';
}

export interface ConnectionState {
  /** 'too-large': Evo Voice answered with a list too large to watch (see watch/failure.ts). */
  status: 'idle' | 'online' | 'offline' | 'error' | 'too-large';
  /** Epoch ms of the last successful poll. */
  lastPollAt?: number;
  detail?: string;
}

/** A call the agent missed, newest first in AppState.missed. */
export interface MissedCall {
  sessionId: string;
  at: string;
  title: string;
  body: string;
  session?: Session;
  seen: boolean;
  /** Reported from the call history after the app was not watching. */
  whileAway?: boolean;
  /** The caller's number, already checked dialable (digits, +, *, #), for Call back. */
  number?: string;
}

/** The agent's state in the call centre, as `GET /app/config` last said. */
export interface AgentStateView {
  /** AgentStates: Unknown, Ready, NotReady, LoggedOut, WrapUp, Outgoing, Other (or newer). */
  state: string;
  /** AgentStateReasons: Unknown, SetByUser, MissedCall, SetBySystem (or newer). */
  reason: string;
  /** In the agent's words: "Ready", "Not ready — after a missed call"; empty when unknown. */
  words: string;
  /** When it was read (epoch ms). */
  at: number;
  /**
   * Who this agent is on a call (`identity`, `endpointId`): with the user id, which calls are
   * theirs to act on (call-actions/rules). Absent until read.
   */
  identity?: string;
  endpointId?: string;
}

export type CallBackResult = { ok: true } | { ok: false; error: string };

/** A ringing alert the app raised for a call it still shows (live or recently ended). */
export interface RingingAlert {
  sessionId: string;
  /** ISO-8601 time of the alert. */
  at: string;
  /** Best estimate of the ms from the platform starting to ring the call to this alert. */
  latencyMs: number;
}

export interface AppState {
  account: AccountState;
  connection: ConnectionState;
  /** Live sessions, as the last poll answered them. */
  sessions: Session[];
  /** Sessions that ended since the window may still show them (details of an ended call). */
  recentlyEnded: Session[];
  missed: MissedCall[];
  /** The last ringing alert of each call shown, newest first: how soon it came. */
  ringing: RingingAlert[];
  settings: Settings;
  alertsPausedUntil?: AlertsPausedUntil;
  /** Absent until read, and for accounts that may not read it. */
  agent?: AgentStateView;
  /** A new version on its way or ready to install (main/updates). */
  update?: UpdateState;
  /** What IT's policy decides (main/policy); absent without a policy. */
  policy?: PolicyView;
  /** The chosen ring device id that was not found: the ring played on the default instead. */
  ringDeviceMissing?: string;
  /** The language in use (e.g. 'es'): the setting, else the system's; the window renders in it. */
  locale: string;
}

export type CallGroupName = 'ringing' | 'held' | 'connected' | 'queued' | 'other';

/**
 * One live call as the calls list, the incoming-call window and the screen reader's announcement
 * show it (boundary/call-row.ts makes it). Empty fields are left out: each byte is paid 5,000
 * times a push.
 */
export interface CallSummary {
  id: string;
  group: CallGroupName;
  /** "Jane Doe (+15035550100)", or "Unknown caller" in the agent's language. */
  caller: string;
  /** The line, the customer and (held) the hold queue, as one text. */
  meta?: string;
  /** The group 'other' only: the API's own state word, shown rather than hidden. */
  state?: string;
  /** Held while being transferred. */
  transferring?: true;
  /** When the call began (epoch ms; absent when the API's date is missing or unreadable). */
  since?: number;
  /** Ringing only: the line called, for the incoming-call window. */
  line?: string;
  /** Ringing only: the agent dialled out (the incoming-call window leaves it out). */
  outgoing?: true;
  /**
   * Changes whenever main's copy of the call changes (a log line, a member, a state): open
   * details fetch the call again on a new `rev`, and only then.
   */
  rev: number;
}

/**
 * What main pushes to the window (and `getState` answers): AppState with each live call as the
 * lists show it, and no full session anywhere (boundary/window-state.ts makes it). A call's
 * details come from `getCall` when they open.
 */
export interface WindowState extends Omit<AppState, 'sessions' | 'recentlyEnded' | 'missed'> {
  /** The live calls, in the poll's order. */
  calls: CallSummary[];
  missed: WindowMissedCall[];
}

/** A missed call as the missed list shows it (its session, if any, comes from `getCall`). */
export type WindowMissedCall = Omit<MissedCall, 'session'>;

/** `getCall(sessionId)`: the full session, live first, then recently ended, then missed. */
export interface FoundCall {
  session: Session;
  /** Not in the live list any more, or the API marks it ended. */
  ended: boolean;
}

export interface PolicyView {
  /** The enforced settings' keys, dotted for nested ones (`alerts.ringing`): shown locked. */
  enforced: string[];
  /** Present (false) when IT forbids keeping the password: "Remember me" is shown locked. */
  allowRememberPassword?: false;
}

/** `openScreenPop(sessionId)`: `error` is in the agent's words, ready to show. */
export type ScreenPopResult = { ok: true } | { ok: false; error: string };

/** `ready`: downloaded, installed by "Restart to update" or at the next quit. */
export type UpdateState =
  | { status: 'idle' }
  | { status: 'downloading'; version: string }
  | { status: 'ready'; version: string };

export interface SignInRequest {
  server: string;
  username: string;
  password: string;
  remember: boolean;
}

export type SignInResult = { ok: true } | { ok: false; error: string };

/** What the agent can do with a call (main/boundary/call-action-rules.ts decides which, by state). */
export type CallAction = 'decline' | 'hold' | 'resume' | 'transfer' | 'hangUp';

export interface CallActionRequest {
  sessionId: string;
  action: CallAction;
  /** Transfer only: a number, an extension or a SIP address. */
  destination?: string;
}

/** `error` is in the agent's words, ready to show. */
export type CallActionResult = { ok: true } | { ok: false; error: string };

/** `window.evoTray`: the renderer's only door to the app. */
export interface EvoTrayBridge {
  getState(): Promise<WindowState>;
  onState(listener: (state: WindowState) => void): () => void;
  /** A call's full details (log, members, every field), or null when main no longer has it. */
  getCall(sessionId: string): Promise<FoundCall | null>;
  signIn(request: SignInRequest): Promise<SignInResult>;
  signOut(): Promise<void>;
  startDemo(): Promise<SignInResult>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  openSession(id: string): Promise<void>;
  clearMissed(): Promise<void>;
  /** minutes, 'until-resumed', or null to resume alerts now. */
  pauseAlerts(minutes: number | 'until-resumed' | null): Promise<void>;
  copyText(text: string): Promise<void>;
  /**
   * A member's avatar as a `data:` URL, fetched by main (https, or http on loopback; images
   * only; size-capped), or null. The window itself makes no network request.
   */
  getAvatar(url: string): Promise<string | null>;
  /**
   * Decline, hold, resume, transfer or hang up a call, once: main refuses what the call's
   * current state does not allow, and a second identical request while one is in flight
   * shares it (one request to Evo Voice).
   */
  callAction(request: CallActionRequest): Promise<CallActionResult>;
  /**
   * Opens `tel:<number>` with the OS's phone handler, after main checks it is a phone number
   * (digits, +, *, #; spaces, dashes, dots and brackets are dropped). Anything else is refused.
   */
  callBack(number: string): Promise<CallBackResult>;
  /** Settings' Test button: rings the chosen sound at the chosen volume for a few seconds. */
  testRingSound(): Promise<void>;
  /** The audio outputs the ring can play on, for Settings' picker (the default first). */
  listRingDevices(): Promise<RingDevice[]>;
  /** The call's screen pop (CRM page) in the system browser, if its address may open. */
  openScreenPop(sessionId: string): Promise<ScreenPopResult>;
  /** Settings' Test button: the template filled with a sample call, opened when asked. */
  testScreenPop(request: ScreenPopTestRequest): Promise<ScreenPopTestResult>;
}

/** The bridge's request-and-answer calls: one IPC channel and one main-side handler each. */
export type BridgeCalls = Omit<EvoTrayBridge, 'onState'>;
export type BridgeCall = keyof BridgeCalls;

/**
 * IPC channel names, one per bridge call; `state` is the push from main to the window. A bridge
 * call without a channel (or a channel without a call) does not compile.
 */
export const IPC = {
  getState: 'evo:get-state',
  state: 'evo:state',
  getCall: 'evo:get-call',
  signIn: 'evo:sign-in',
  signOut: 'evo:sign-out',
  startDemo: 'evo:start-demo',
  updateSettings: 'evo:update-settings',
  openSession: 'evo:open-session',
  clearMissed: 'evo:clear-missed',
  pauseAlerts: 'evo:pause-alerts',
  copyText: 'evo:copy-text',
  getAvatar: 'evo:get-avatar',
  callAction: 'evo:call-action',
  callBack: 'evo:call-back',
  testRingSound: 'evo:test-ring-sound',
  listRingDevices: 'evo:list-ring-devices',
  openScreenPop: 'evo:open-screen-pop',
  testScreenPop: 'evo:test-screen-pop',
} as const satisfies Record<BridgeCall | 'state', `evo:${string}`>;
