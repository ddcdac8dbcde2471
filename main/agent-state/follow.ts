// Reads the agent's state after a poll: at the first poll after sign-in, at most once a minute
// after that, and right after a missed call (the platform may have set the agent Not ready).
import { isEvoApiError } from '../evo/api.js';
import { silentLogger, type Logger } from '../log.js';
import { sentence } from '../boundary/sentence.js';
import type { PollFollower } from '../watch/follower.js';
import type { AgentStateApi, AgentStateReading } from '../evo/app-config.js';

export const AGENT_STATE_EVERY_MS = 60_000;

export function createAgentStateReader(options: {
  api: AgentStateApi;
  onReading: (reading: AgentStateReading, at: number) => void;
  log?: Logger;
}): PollFollower {
  const log = options.log ?? silentLogger;
  let readAt = Number.NEGATIVE_INFINITY;
  let forbidden = false;
  return {
    async afterPoll(context) {
      if (forbidden) return;
      const missed = context.events.some((e) => e.event === 'missed');
      if (!missed && context.now - readAt < AGENT_STATE_EVERY_MS) return;
      readAt = context.now; // a failure waits its minute too
      try {
        const reading = await context.call((signal) => options.api.getAgentState(signal));
        options.onReading(reading, context.now);
      } catch (e) {
        if (!isEvoApiError(e) || e.kind === 'cancelled') throw e;
        if (e.kind === 'forbidden') {
          forbidden = true;
          log.info('The agent state is not open to this account (403): it is not shown.');
          return;
        }
        log.warn(`Could not read the agent state (${e.kind}): ${sentence(e.message)}`);
      }
    },
  };
}
