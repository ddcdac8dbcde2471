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
import { createTranslator, type MessageId, type Translate } from '../boundary/i18n/index.js';

export type { MenuItem, MenuModel, PauseMinutes, TrayAction } from './tray-action.js';

export const MISSED_IN_MENU = 10;

/**
 * Calls listed per group; the rest are counted ("and 9,990 more…"). A menu of thousands of
 * entries is of no use to an agent and costs the tray more than it shows.
 */
export const CALLS_IN_MENU_GROUP = 10;

/** Most urgent first; a call in any other phase is not listed. */
const GROUPS: readonly [SessionPhase, MessageId][] = [
  ['ringing', 'calls.group.ringing'],
  ['held', 'calls.group.held'],
  ['connected', 'calls.group.connected'],
  ['queued', 'calls.group.queued'],
];

const SEPARATOR: MenuItem = { kind: 'separator' };

/** The menu in the state's language; times in it too unless `format` names another locale. */
export function trayMenu(state: AppState, now: number, timeFormat: TimeFormat = {}): MenuModel {
  const t = createTranslator(state.locale);
  const format = { locale: state.locale, ...timeFormat };
  const signedIn = state.account.status === 'signed-in';
  const menu: MenuItem[] = [];
  // The header: whether the platform sends the agent calls at all.
  for (const words of agentWords(state)) menu.push({ kind: 'label', label: words }, SEPARATOR);
  if (signedIn) menu.push(...callItems(state, now, format, t), SEPARATOR);
  if (signedIn || state.missed.length > 0) menu.push(missedSubmenu(state.missed, now, format, t));
  if (signedIn) menu.push(pauseSubmenu(state, now, format, t));
  if (menu.length > 0) menu.push(SEPARATOR);
  const update = updateMenuItem(state, state.update);
  if (update) menu.push(update, SEPARATOR);
  menu.push(
    { kind: 'action', action: { kind: 'open-window' }, label: t('tray.openWindow') },
    { kind: 'action', action: { kind: 'open-settings' }, label: t('tray.settings') },
    SEPARATOR,
    ...accountItems(state, t),
    SEPARATOR,
    { kind: 'action', action: { kind: 'quit' }, label: t('tray.quit') },
  );
  return menu;
}

function callItems(state: AppState, now: number, format: TimeFormat, t: Translate): MenuItem[] {
  // Offline, the last answer is stale: listing it would show calls that may be long gone.
  if (isOffline(state)) {
    const at = state.connection.lastPollAt;
    const label =
      at === undefined
        ? t('tray.offlineReconnecting')
        : t('tray.offlineSince', { time: clockText(at, now, format) });
    return [{ kind: 'label', label }];
  }
  if (state.connection.status === 'too-large') {
    // The list could not be read: the last one is stale, and saying so is the whole message.
    return [
      { kind: 'label', label: t('status.tooLarge') },
      { kind: 'label', label: t('tray.tooLargeDetail') },
    ];
  }
  if (state.connection.status === 'idle') return [{ kind: 'label', label: t('tray.connecting') }];
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
      { kind: 'label', label: t(title) },
      ...group.first().map((s) => callItem(s, now, actionsFor(s, agent), lookUp, t, format.locale)),
    ];
    const more = group.count - CALLS_IN_MENU_GROUP;
    if (more > 0) listed.push({ kind: 'label', label: t('tray.more', { count: more }) });
    return listed;
  });
  return items.length > 0 ? items : [{ kind: 'label', label: t('tray.noCalls') }];
}

/** The words of each action in the menu; the item itself is the confirmation. */
export const ACTION_LABELS: Readonly<Record<CallAction, MessageId>> = {
  decline: 'details.action.decline',
  hold: 'details.action.hold',
  resume: 'details.action.resume',
  transfer: 'details.action.transfer',
  hangUp: 'details.action.hangUp',
};

/**
 * A call the agent can act on, or look up (a screen pop address is set), is a submenu: its
 * details first, then its actions.
 */
function callItem(
  s: Session,
  now: number,
  actions: CallAction[],
  lookUp: boolean,
  t: Translate,
  locale?: string,
): MenuItem {
  const line = lineLabel(s);
  const started = timeOf(s.dateCreated);
  const caller = callerLabel(s, t('calls.unknownCaller'));
  let label = line === undefined ? caller : `${caller} — ${line}`;
  if (started !== undefined) label += ` · ${elapsedText(now - started, locale)}`;
  const open: MenuItem = { kind: 'action', action: openSession(s.id), label };
  if (actions.length === 0 && !lookUp) return open;
  const items: MenuItem[] = [{ ...open, label: t('tray.callDetails') }];
  if (lookUp) {
    const screenPop: TrayAction = { kind: 'screen-pop', sessionId: s.id };
    items.push({ kind: 'action', action: screenPop, label: t('details.lookUp') });
  }
  if (actions.length > 0) items.push(SEPARATOR);
  for (const action of actions) {
    const item: TrayAction = { kind: 'call-action', action, sessionId: s.id };
    items.push({ kind: 'action', action: item, label: t(ACTION_LABELS[action]) });
  }
  return { kind: 'submenu', label, items };
}

function missedSubmenu(
  missed: MissedCall[],
  now: number,
  format: TimeFormat,
  t: Translate,
): MenuItem {
  const unseen = missed.filter((m) => !m.seen).length;
  const label = unseen > 0 ? t('tray.missedNew', { count: unseen }) : t('missed.title');
  if (missed.length === 0) {
    return { kind: 'submenu', label, items: [{ kind: 'label', label: t('tray.noMissedCalls') }] };
  }
  // AppState.missed is newest first already.
  const items: MenuItem[] = missed.slice(0, MISSED_IN_MENU).map((m): MenuItem => {
    const who = m.session ? callerLabel(m.session, t('calls.unknownCaller')) : m.body || m.title;
    const at = timeOf(m.at);
    const label = at === undefined ? who : `${who} · ${clockText(at, now, format)}`;
    const open: MenuItem = { kind: 'action', action: openSession(m.sessionId), label };
    if (m.number === undefined) return open;
    // With a number to dial, the entry opens on its choices: details, call back, copy.
    return {
      kind: 'submenu',
      label: m.seen ? label : `• ${label}`,
      items: [
        { ...open, label: t('tray.missedDetails') },
        {
          kind: 'action',
          action: { kind: 'call-back', number: m.number },
          label: t('missed.callBackLabel', { number: m.number }),
        },
        {
          kind: 'action',
          action: { kind: 'copy-number', number: m.number },
          label: t('tray.copyNumber'),
        },
      ],
    };
  });
  items.push(SEPARATOR, {
    kind: 'action',
    action: { kind: 'clear-missed' },
    label: t('missed.clear'),
  });
  return { kind: 'submenu', label, items };
}

function pauseSubmenu(state: AppState, now: number, format: TimeFormat, t: Translate): MenuItem {
  const until = state.alertsPausedUntil;
  const paused = isPaused(until, now);
  let label = t('pause.label');
  if (paused && until === 'until-resumed') label = t('status.pausedUntilResumed');
  else if (paused && typeof until === 'number') {
    label = t('status.pausedUntil', { time: clockText(until, now, format) });
  }
  // A timed pause does not remember whether it was 15 or 60 minutes, so only "until I resume"
  // can show as the active choice; the submenu's label gives the end time.
  const items: MenuItem[] = [
    {
      kind: 'action',
      action: pauseFor(15),
      label: t('pause.minutes', { minutes: 15 }),
      checked: false,
    },
    { kind: 'action', action: pauseFor(60), label: t('pause.hours', { hours: 1 }), checked: false },
    {
      kind: 'action',
      action: pauseFor('until-resumed'),
      label: t('pause.untilIResume'),
      checked: paused && until === 'until-resumed',
    },
  ];
  if (paused)
    items.push(SEPARATOR, {
      kind: 'action',
      action: { kind: 'resume-alerts' },
      label: t('pause.resume'),
    });
  return { kind: 'submenu', label, items };
}

function accountItems(state: AppState, t: Translate): MenuItem[] {
  const { account } = state;
  const signOut: MenuItem = {
    kind: 'action',
    action: { kind: 'sign-out' },
    label: t('settings.signOut'),
  };
  if (account.status === 'signed-in') {
    const name = account.user?.name || state.settings.username || t('tray.signedIn');
    return [
      { kind: 'label', label: account.demo ? t('tray.demoAccount', { name }) : name },
      signOut,
    ];
  }
  if (account.status === 'signing-in') {
    // A sign-in that hangs (a server that never answers) must not lock the agent in.
    return [{ kind: 'label', label: t('signIn.submitting') }, signOut];
  }
  return [{ kind: 'action', action: { kind: 'sign-in' }, label: t('tray.signIn') }];
}

const openSession = (sessionId: string): TrayAction => ({ kind: 'open-session', sessionId });
const pauseFor = (minutes: PauseMinutes | 'until-resumed'): TrayAction => ({
  kind: 'pause-alerts',
  minutes,
});
