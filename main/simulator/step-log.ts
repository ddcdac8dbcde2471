// `npm run sim`'s log of the scenario: one line per step, naming the call as the tray does.
import type { Session } from '../boundary/session.js';
import { callerLabel, lineLabel } from '../boundary/session-reading.js';
import type { ScenarioStep } from './types.js';

/** Who called which line, in the words the tray uses for the same call. */
function callLabel(session: Session | undefined): string {
  if (session === undefined) return '';
  const line = lineLabel(session);
  return line === undefined ? callerLabel(session) : `${callerLabel(session)} → ${line}`;
}

/** Each step in the agent's words. */
const HAPPENED: Record<ScenarioStep['do'], string> = {
  arrive: 'ringing',
  ring: 'ringing',
  answer: 'answered',
  hold: 'held',
  transfer: 'transferring',
  resume: 'resumed',
  end: 'ended',
  miss: 'missed',
  'answer-elsewhere': 'answered elsewhere',
  remove: 'removed',
  archive: 'archived',
  'expire-sessions': 'sessions expired',
  fault: 'fault injected',
};

/** "[09:00:02] ringing            c1       Jane Doe (+15035550100) → Support Line". */
export function describeStep(step: ScenarioStep, session: Session | undefined, at: Date): string {
  const time = at.toISOString().slice(11, 19);
  const what =
    step.do === 'arrive' && session?.queueState === 'Queued' ? 'queued' : HAPPENED[step.do];
  const ref = 'ref' in step ? step.ref : '';
  const where =
    step.do === 'hold' || step.do === 'transfer'
      ? ` (in ${step.holdQueueName})`
      : step.do === 'answer-elsewhere'
        ? ` (by ${step.byName})`
        : '';
  return `[${time}] ${what.padEnd(18)} ${ref.padEnd(8)} ${callLabel(session)}${where}`;
}
