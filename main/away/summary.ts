// The one card for a look back: "While you were away: 3 missed calls". Pure.
import type { SessionEvent } from '../watch/events.js';
import { callerLabel } from '../boundary/session-reading.js';

const NAMED = 3;

export function awaySummary(missed: readonly SessionEvent[]): { title: string; body: string } {
  const count = missed.length;
  const title = `While you were away: ${count} missed ${count === 1 ? 'call' : 'calls'}`;
  const names = [...new Set(missed.map((e) => (e.session ? callerLabel(e.session) : e.body)))];
  const shown = names.slice(0, NAMED).join(', ');
  const more = names.length > NAMED ? ` and ${names.length - NAMED} more` : '';
  return { title, body: `${shown}${more}. Open the missed list to call back.` };
}
