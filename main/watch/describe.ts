// Titles and bodies of the events, one small function per kind. Built only from the session,
// so the tray, the notifications and the CLI all say the same thing.
import type { Session } from '../boundary/session.js';
import type { ConnectionStatus } from './events.js';
import { callerLabel, channelNoun, lineLabel } from '../boundary/session-reading.js';
import { sentence } from '../boundary/sentence.js';

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

export function describeRinging(s: Session): Description {
  const customer = s.customerName?.trim();
  const body = customer ? `${callerToLine(s)} · ${customer}` : callerToLine(s);
  return { title: `Incoming ${channelNoun(s)}`, body };
}

export function describeAnswered(s: Session): Description {
  return { title: `${capitalized(channelNoun(s))} answered`, body: callerLabel(s) };
}

export function describeHeld(s: Session, heldForMs: number): Description {
  // A hold seen the moment it starts has no duration worth showing.
  const title = heldForMs >= 1000 ? `On hold ${formatDuration(heldForMs)}` : 'On hold';
  const where = holdPlace(s);
  return { title, body: where ? `${callerLabel(s)} — ${where}` : callerLabel(s) };
}

export function describeMissed(s: Session): Description {
  return { title: `Missed ${channelNoun(s)}`, body: callerToLine(s) };
}

export function describeAnsweredElsewhere(s: Session): Description {
  const by = s.answeredByName?.trim();
  return { title: by ? `Answered by ${by}` : 'Answered elsewhere', body: callerToLine(s) };
}

export function describeEnded(s: Session): Description {
  return { title: `${capitalized(channelNoun(s))} ended`, body: callerLabel(s) };
}

export function describeConnection(status: ConnectionStatus, detail?: string): Description {
  switch (status) {
    case 'online':
      return { title: 'Connected to Evo Voice', body: 'Watching for calls.' };
    case 'offline':
      return {
        title: 'Offline — retrying',
        body: 'Evo Voice cannot be reached. Call alerts resume when it answers again.',
      };
    case 'error':
      return {
        title: `Evo Voice error: ${detail?.trim() || 'unknown error'}`,
        body: 'Retrying. Call alerts resume when Evo Voice answers normally.',
      };
    case 'too-large':
      return {
        title: 'Too many calls to watch',
        body: `${sentence(detail?.trim() || 'The list of calls from Evo Voice was too large to read.')} Checking again at the usual pace; alerts resume when the list is smaller.`,
      };
    case 'signed-out':
      return {
        title: 'Signed out — sign in again',
        body: 'Evo Voice ended your session. Sign in to keep getting call alerts.',
      };
  }
}

/** "Sales Hold", "Transfer waiting in Sales Hold", or nothing when the session does not say. */
function holdPlace(s: Session): string | undefined {
  const queue = s.holdQueueName?.trim() || undefined;
  if (s.holdReason !== 'Transferring') return queue;
  return queue ? `Transfer waiting in ${queue}` : 'Transfer waiting';
}

function callerToLine(s: Session): string {
  const line = lineLabel(s);
  return line ? `${callerLabel(s)} → ${line}` : callerLabel(s);
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
