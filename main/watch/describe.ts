// Titles and bodies of the events, one small function per kind. Built only from the session,
// so the tray, the notifications and the CLI all say the same thing.
import type { Session } from '../boundary/session.js';
import type { ConnectionEvent, ConnectionStatus, WatchEvent } from './events.js';
import type { EvoApiError } from '../evo/api.js';
import { failureWords } from '../evo/failure-words.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import { callerLabel, channelNoun, lineLabel } from '../boundary/session-reading.js';
import { sentence } from '../boundary/sentence.js';

const english = createTranslator('en');

export interface Description {
  title: string;
  body: string;
}

/** m:ss under an hour, h:mm:ss after; negative or broken input reads as 0:00. */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

export function describeRinging(s: Session, t: Translate = english): Description {
  const customer = s.customerName?.trim();
  const body = customer ? `${callerToLine(s, t)} · ${customer}` : callerToLine(s, t);
  return { title: t('event.ringing', { channel: channelNoun(s) }), body };
}

export function describeAnswered(s: Session, t: Translate = english): Description {
  return { title: t('event.answered', { channel: channelNoun(s) }), body: caller(s, t) };
}

export function describeHeld(s: Session, heldForMs: number, t: Translate = english): Description {
  // A hold seen the moment it starts has no duration worth showing.
  const title =
    heldForMs >= 1000 ? t('event.heldFor', { time: formatDuration(heldForMs) }) : t('event.held');
  const where = holdPlace(s, t);
  return { title, body: where ? `${caller(s, t)} — ${where}` : caller(s, t) };
}

export function describeMissed(s: Session, t: Translate = english): Description {
  return { title: t('event.missed', { channel: channelNoun(s) }), body: callerToLine(s, t) };
}

export function describeAnsweredElsewhere(s: Session, t: Translate = english): Description {
  const by = s.answeredByName?.trim();
  return {
    title: by ? t('event.answeredBy', { name: by }) : t('event.answeredElsewhere'),
    body: callerToLine(s, t),
  };
}

export function describeEnded(s: Session, t: Translate = english): Description {
  return { title: t('event.ended', { channel: channelNoun(s) }), body: caller(s, t) };
}

/** The server's `detail` (its own error message) goes in as it came. */
export function describeConnection(
  status: ConnectionStatus,
  detail?: string,
  t: Translate = english,
): Description {
  switch (status) {
    case 'online':
      return { title: t('event.online.title'), body: t('event.online.body') };
    case 'offline':
      return { title: t('status.offline'), body: t('event.offline.body') };
    case 'error':
      return {
        title: t('event.error.title', { detail: detail?.trim() || t('event.error.unknown') }),
        body: t('event.error.body'),
      };
    case 'too-large':
      return {
        title: t('status.tooLarge'),
        body: t('event.tooLarge.body', {
          detail: sentence(detail?.trim() || t('event.tooLarge.detail')),
        }),
      };
    case 'signed-out':
      return { title: t('event.signedOut.title'), body: t('event.signedOut.body') };
  }
}

/**
 * The event's title and body said again in `t`'s language, from what the event carries: the
 * engine words its events once, in English, and each reader (a card, `watch --lang`) in its own.
 * An event without its session keeps its words.
 */
export function describeEvent(event: WatchEvent, t: Translate): Description {
  if (event.event === 'connection') return describeConnection(event.status, event.detail, t);
  const s = event.session;
  if (s === undefined) return { title: event.title, body: event.body };
  switch (event.event) {
    case 'ringing':
      return describeRinging(s, t);
    case 'answered':
      return describeAnswered(s, t);
    case 'answered-elsewhere':
      return describeAnsweredElsewhere(s, t);
    case 'held':
      return describeHeld(s, event.heldForMs, t);
    case 'missed':
      return describeMissed(s, t);
    case 'ended':
      return describeEnded(s, t);
  }
}

/** The event with its title and body in `t`'s language; everything else as it was. */
export function inLanguage<E extends WatchEvent>(event: E, t: Translate): E {
  return { ...event, ...describeEvent(event, t) };
}

/**
 * A connection event caused by `failure`, with the failure itself (not the client's English
 * message) said in `t`'s language, in its detail, title and body.
 */
export function failureInLanguage(
  event: ConnectionEvent,
  failure: EvoApiError,
  t: Translate,
): ConnectionEvent {
  const detail = failureWords(failure, t);
  return { ...event, detail, ...describeConnection(event.status, detail, t) };
}

/** "Sales Hold", "Transfer waiting in Sales Hold", or nothing when the session does not say. */
function holdPlace(s: Session, t: Translate): string | undefined {
  const queue = s.holdQueueName?.trim() || undefined;
  if (s.holdReason !== 'Transferring') return queue;
  return queue ? t('event.transferWaitingIn', { queue }) : t('event.transferWaiting');
}

function caller(s: Session, t: Translate): string {
  return callerLabel(s, t('calls.unknownCaller'));
}

function callerToLine(s: Session, t: Translate): string {
  const line = lineLabel(s);
  return line ? `${caller(s, t)} → ${line}` : caller(s, t);
}
