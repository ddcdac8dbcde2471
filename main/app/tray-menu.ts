// The tray menu as plain data: the adapter turns it into an Electron Menu, and each item's
// click runs the item's action (tray-action.ts).
import type { AppState, CallAction, MissedCall, Session } from '../boundary/contract.js';
import { actionsFor, agentOf } from '../boundary/call-action-rules.js';
import { callerLabel, lineLabel, sessionPhase } from '../boundary/session-reading.js';
import type { SessionPhase } from '../boundary/session-reading.js';
import { isPaused } from '../boundary/alerts-paused.js';
import { clockText, elapsedText, timeOf } from '../boundary/times.js';
import type { TimeFormat } from '../boundary/times.js';
import { agentWords, isOffline } from './tray-look.js';
import { LongestWaiting } from './longest-waiting.js';
import type { MenuItem, MenuModel, PauseMinutes, TrayAction } from './tray-action.js';
import { updateMenuItem } from '../updates/rules.js';

export type { MenuItem, MenuModel, PauseMinutes, TrayAction } from './tray-action.js';

export const MISSED_IN_MENU = 10;

/**
 * Calls listed per group; the rest are counted ("and 9,990 more…"). A menu of thousands of
 * entries is of no use to an agent and costs the tray more than it shows.
 */
export const CALLS_IN_MENU_GROUP = 10;

/** Most urgent first; a call in any other phase is not listed. */
const GROUPS: readonly [SessionPhase, string][] = [
  ['ringing', 'Ringing'],
  ['held', 'On hold'],
  ['connected', 'Connected'],
  ['queued', 'Queued'],
];

const SEPARATOR: MenuItem = { kind: 'separator' };

export function trayMenu(state: AppState, now: number, format: TimeFormat = {}): MenuModel {
  const signedIn = state.account.status === 'signed-in';
  const menu: MenuItem[] = [];
  // The header: whether the platform sends the agent calls at all.
  for (const words of agentWords(state)) menu.push({ kind: 'label', label: words }, SEPARATOR);
  if (signedIn) menu.push(...callItems(state, now, format), SEPARATOR);
  if (signedIn || state.missed.length > 0) menu.push(missedSubmenu(state.missed, now, format));
  if (signedIn) menu.push(pauseSubmenu(state, now, format));
  if (menu.length > 0) menu.push(SEPARATOR);
  const update = updateMenuItem(state, state.update);
  if (update) menu.push(update, SEPARATOR);
  menu.push(
    { kind: 'action', action: { kind: 'open-window' }, label: 'Open window' },
    { kind: 'action', action: { kind: 'open-settings' }, label: 'Settings…' },
    SEPARATOR,
    ...accountItems(state),
    SEPARATOR,
    { kind: 'action', action: { kind: 'quit' }, label: 'Quit Evo Voice Tray' },
  );
  return menu;
}

function callItems(state: AppState, now: number, format: TimeFormat): MenuItem[] {
  // Offline, the last answer is stale: listing it would show calls that may be long gone.
  if (isOffline(state)) {
    const at = state.connection.lastPollAt;
    const since = at === undefined ? 'reconnecting…' : `last update ${clockText(at, now, format)}`;
    return [{ kind: 'label', label: `Offline · ${since}` }];
  }
  if (state.connection.status === 'too-large') {
    // The list could not be read: the last one is stale, and saying so is the whole message.
    return [
      { kind: 'label', label: 'Too many calls to watch' },
      { kind: 'label', label: 'Evo Voice’s list was too large to read; checking again.' },
    ];
  }
  if (state.connection.status === 'idle') return [{ kind: 'label', label: 'Connecting…' }];
  const agent = agentOf(state);
  const lookUp = state.settings.screenPop.url !== '';
  const groups = new Map<SessionPhase, LongestWaiting>(
    GROUPS.map(([phase]) => [phase, new LongestWaiting(CALLS_IN_MENU_GROUP)]),
  );
  for (const s of state.sessions) groups.get(sessionPhase(s))?.offer(s);
  const items = GROUPS.flatMap(([phase, title]): MenuItem[] => {
    const group = groups.get(phase);
    if (group === undefined || group.count === 0) return [];
    const listed: MenuItem[] = [
      { kind: 'label', label: title },
      ...group.first().map((s) => callItem(s, now, actionsFor(s, agent), lookUp)),
    ];
    const more = group.count - CALLS_IN_MENU_GROUP;
    if (more > 0) listed.push({ kind: 'label', label: `and ${more.toLocaleString('en')} more…` });
    return listed;
  });
  return items.length > 0 ? items : [{ kind: 'label', label: 'No calls right now' }];
}

/** The words of each action in the menu; the item itself is the confirmation. */
export const ACTION_LABELS: Readonly<Record<CallAction, string>> = {
  decline: 'Decline',
  hold: 'Hold',
  resume: 'Resume',
  transfer: 'Transfer…',
  hangUp: 'Hang up',
};

/**
 * A call the agent can act on, or look up (a screen pop address is set), is a submenu: its
 * details first, then its actions.
 */
function callItem(s: Session, now: number, actions: CallAction[], lookUp: boolean): MenuItem {
  const line = lineLabel(s);
  const started = timeOf(s.dateCreated);
  let label = line === undefined ? callerLabel(s) : `${callerLabel(s)} — ${line}`;
  if (started !== undefined) label += ` · ${elapsedText(now - started)}`;
  const open: MenuItem = { kind: 'action', action: openSession(s.id), label };
  if (actions.length === 0 && !lookUp) return open;
  const items: MenuItem[] = [{ ...open, label: 'Details…' }];
  if (lookUp) {
    const screenPop: TrayAction = { kind: 'screen-pop', sessionId: s.id };
    items.push({ kind: 'action', action: screenPop, label: 'Look up the caller' });
  }
  if (actions.length > 0) items.push(SEPARATOR);
  for (const action of actions) {
    const item: TrayAction = { kind: 'call-action', action, sessionId: s.id };
    items.push({ kind: 'action', action: item, label: ACTION_LABELS[action] });
  }
  return { kind: 'submenu', label, items };
}

function missedSubmenu(missed: MissedCall[], now: number, format: TimeFormat): MenuItem {
  const unseen = missed.filter((m) => !m.seen).length;
  const label = unseen > 0 ? `Missed calls (${unseen} new)` : 'Missed calls';
  if (missed.length === 0) {
    return { kind: 'submenu', label, items: [{ kind: 'label', label: 'No missed calls' }] };
  }
  // AppState.missed is newest first already.
  const items: MenuItem[] = missed.slice(0, MISSED_IN_MENU).map((m): MenuItem => {
    const who = m.session ? callerLabel(m.session) : m.body || m.title;
    const at = timeOf(m.at);
    const label = at === undefined ? who : `${who} · ${clockText(at, now, format)}`;
    const open: MenuItem = { kind: 'action', action: openSession(m.sessionId), label };
    if (m.number === undefined) return open;
    // With a number to dial, the entry opens on its choices: details, call back, copy.
    return {
      kind: 'submenu',
      label: m.seen ? label : `• ${label}`,
      items: [
        { ...open, label: 'Details' },
        {
          kind: 'action',
          action: { kind: 'call-back', number: m.number },
          label: `Call back ${m.number}`,
        },
        { kind: 'action', action: { kind: 'copy-number', number: m.number }, label: 'Copy number' },
      ],
    };
  });
  items.push(SEPARATOR, { kind: 'action', action: { kind: 'clear-missed' }, label: 'Clear' });
  return { kind: 'submenu', label, items };
}

function pauseSubmenu(state: AppState, now: number, format: TimeFormat): MenuItem {
  const until = state.alertsPausedUntil;
  const paused = isPaused(until, now);
  let label = 'Pause alerts';
  if (paused && until === 'until-resumed') label = 'Alerts paused until you resume';
  else if (paused && typeof until === 'number') {
    label = `Alerts paused until ${clockText(until, now, format)}`;
  }
  // A timed pause does not remember whether it was 15 or 60 minutes, so only "until I resume"
  // can show as the active choice; the submenu's label gives the end time.
  const items: MenuItem[] = [
    { kind: 'action', action: pauseFor(15), label: '15 minutes', checked: false },
    { kind: 'action', action: pauseFor(60), label: '1 hour', checked: false },
    {
      kind: 'action',
      action: pauseFor('until-resumed'),
      label: 'Until I resume',
      checked: paused && until === 'until-resumed',
    },
  ];
  if (paused)
    items.push(SEPARATOR, {
      kind: 'action',
      action: { kind: 'resume-alerts' },
      label: 'Resume alerts',
    });
  return { kind: 'submenu', label, items };
}

function accountItems(state: AppState): MenuItem[] {
  const { account } = state;
  if (account.status === 'signed-in') {
    const name = account.user?.name || state.settings.username || 'Signed in';
    return [
      { kind: 'label', label: account.demo ? `${name} (demo)` : name },
      { kind: 'action', action: { kind: 'sign-out' }, label: 'Sign out' },
    ];
  }
  if (account.status === 'signing-in') {
    // A sign-in that hangs (a server that never answers) must not lock the agent in.
    return [
      { kind: 'label', label: 'Signing in…' },
      { kind: 'action', action: { kind: 'sign-out' }, label: 'Sign out' },
    ];
  }
  return [{ kind: 'action', action: { kind: 'sign-in' }, label: 'Sign in…' }];
}

const openSession = (sessionId: string): TrayAction => ({ kind: 'open-session', sessionId });
const pauseFor = (minutes: PauseMinutes | 'until-resumed'): TrayAction => ({
  kind: 'pause-alerts',
  minutes,
});
