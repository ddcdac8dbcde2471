// What the tray icon and its tooltip show, from the app state alone.
import type { AppState, Session } from '../boundary/contract.js';
import { agentStateWords, takesNoCalls } from '../agent-state/words.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import { sessionPhase } from '../boundary/session-reading.js';
import type { SessionPhase } from '../boundary/session-reading.js';

export type TrayIconName =
  'signed-out' | 'offline' | 'idle' | 'not-ready' | 'on-call' | 'ringing' | 'on-hold';

export interface TrayLook {
  icon: TrayIconName;
  unseenMissed: number;
}

/** With several calls, the one that needs the agent most decides the icon. */
const PRECEDENCE: readonly [SessionPhase, TrayIconName][] = [
  ['ringing', 'ringing'],
  ['held', 'on-hold'],
  ['connected', 'on-call'],
];

export function trayLook(state: AppState): TrayLook {
  return { icon: trayIcon(state), unseenMissed: unseenMissed(state) };
}

/** The asset base name in assets/icons: `ringing`, or `idle-missed` with unseen missed calls. */
export function trayIconFile(look: TrayLook): string {
  return look.unseenMissed > 0 ? `${look.icon}-missed` : look.icon;
}

/** One line: "Evo Voice · Ready · 2 calls · 1 ringing · 1 missed", in the state's language. */
export function trayTooltip(state: AppState): string {
  const t = createTranslator(state.locale);
  const parts = ['Evo Voice', ...agentWords(state), ...statusWords(state, t)];
  const missed = unseenMissed(state);
  if (missed > 0) parts.push(t('tray.tooltip.missed', { count: missed }));
  return parts.join(' · ');
}

/** The calls the tray lists: live sessions that are not over. */
export function liveCalls(state: AppState): Session[] {
  return state.sessions.filter((s) => sessionPhase(s) !== 'ended');
}

function trayIcon(state: AppState): TrayIconName {
  if (state.account.status !== 'signed-in') return 'signed-out';
  if (isOffline(state) || state.connection.status === 'too-large') return 'offline';
  const phases = countPhases(state.sessions);
  const busy = PRECEDENCE.find(([phase]) => (phases.get(phase) ?? 0) > 0)?.[1];
  // No call will ring: the idle icon says so at a glance.
  return busy ?? (takesNoCalls(state.agent) ? 'not-ready' : 'idle');
}

/**
 * The agent's state ("Ready", "Not ready — after a missed call"), while signed in, worded now
 * in the state's language (the state's own `words` were worded when it was read).
 */
export function agentWords(state: AppState): string[] {
  const { agent } = state;
  if (state.account.status !== 'signed-in' || agent === undefined) return [];
  const words = agentStateWords(agent, createTranslator(state.locale));
  return words ? [words] : [];
}

/** How many calls are in each phase: one pass, whatever the number of calls. */
function countPhases(sessions: readonly Session[]): Map<SessionPhase, number> {
  const counts = new Map<SessionPhase, number>();
  for (const s of sessions) {
    const phase = sessionPhase(s);
    counts.set(phase, (counts.get(phase) ?? 0) + 1);
  }
  return counts;
}

function statusWords(state: AppState, t: Translate): string[] {
  if (state.account.status === 'signing-in') return [t('tray.tooltip.signingIn')];
  if (state.account.status === 'signed-out') return [t('tray.tooltip.signedOut')];
  if (state.connection.status === 'too-large') return [t('tray.tooltip.tooLarge')];
  if (isOffline(state)) return [t('tray.tooltip.offline')];
  if (state.connection.status === 'idle') return [t('tray.tooltip.connecting')];
  const phases = countPhases(state.sessions);
  const live = state.sessions.length - (phases.get('ended') ?? 0);
  if (live === 0) return [t('tray.tooltip.noCalls')];
  const words = [t('tray.tooltip.calls', { count: live })];
  const ringing = phases.get('ringing') ?? 0;
  const held = phases.get('held') ?? 0;
  if (ringing > 0) words.push(t('tray.tooltip.ringing', { count: ringing }));
  if (held > 0) words.push(t('tray.tooltip.held', { count: held }));
  return words;
}

export function isOffline(state: AppState): boolean {
  return state.connection.status === 'offline' || state.connection.status === 'error';
}

function unseenMissed(state: AppState): number {
  return state.missed.filter((m) => !m.seen).length;
}
