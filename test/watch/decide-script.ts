// Drives decide() through scripted poll answers, the way the poller would, with a fake clock.
import type { Session } from '../../main/boundary/session.js';
import { decide, emptyMemory, type Decision, type WatchMemory } from '../../main/watch/decide.js';
import { DEFAULT_TIMING, type WatchEvent, type WatchTiming } from '../../main/watch/events.js';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');

/** A voice call from Jane Doe to the support line; phases below set its states. */
export function call(id: string, fields: Partial<Session> = {}): Session {
  return {
    id,
    channel: 'Voice',
    direction: 'Incoming',
    fromName: 'Jane Doe',
    fromAddress: '+15035550100',
    toAddress: 'Support Line',
    customerName: 'Acme Health',
    dialState: 'None',
    callState: 'Disconnected',
    queueState: 'None',
    ...fields,
  };
}

export const ringing = (id: string, fields: Partial<Session> = {}): Session =>
  call(id, { callState: 'Ringing', ...fields });
export const queued = (id: string, fields: Partial<Session> = {}): Session =>
  call(id, { queueState: 'Queued', ...fields });
export const connected = (id: string, fields: Partial<Session> = {}): Session =>
  call(id, { callState: 'Connected', ...fields });
export const held = (id: string, fields: Partial<Session> = {}): Session =>
  call(id, { callState: 'Hold', holdQueueName: 'Sales Hold', ...fields });
export const ended = (id: string, fields: Partial<Session> = {}): Session =>
  call(id, { ended: true, callState: 'Disconnected', ...fields });

/** "ringing s1", "held s1 reminder", "connection offline": what happened, readable in a diff. */
export function label(e: WatchEvent): string {
  if (e.event === 'connection') return `connection ${e.status}`;
  if (e.event === 'held') return `held ${e.sessionId}${e.reminder ? ' reminder' : ''}`;
  return `${e.event} ${e.sessionId}`;
}

export class Watch {
  memory: WatchMemory;
  now: number;
  readonly events: WatchEvent[] = [];
  readonly lookups: string[] = [];

  constructor(
    readonly timing: WatchTiming = DEFAULT_TIMING,
    memory: WatchMemory = emptyMemory(),
    now: number = T0,
  ) {
    this.memory = memory;
    this.now = now;
  }

  /** A successful poll `afterMs` after the previous observation. */
  poll(sessions: Session[], afterMs = 3000): Decision {
    return this.step({ kind: 'sessions', sessions }, afterMs);
  }

  fail(status: 'offline' | 'error' | 'signed-out', detail = 'network down', afterMs = 3000) {
    return this.step({ kind: 'failure', status, detail }, afterMs);
  }

  lookup(sessionId: string, result: Session | 'failed', afterMs = 200): Decision {
    return this.step({ kind: 'lookup', sessionId, result }, afterMs);
  }

  /** Labels of every event so far, leaving out the connection ones unless asked. */
  said(withConnection = false): string[] {
    return this.events.filter((e) => withConnection || e.event !== 'connection').map(label);
  }

  private step(observation: Parameters<typeof decide>[1], afterMs: number): Decision {
    this.now += afterMs;
    const decision = decide(this.memory, observation, this.now, this.timing);
    this.memory = decision.memory;
    this.events.push(...decision.events);
    this.lookups.push(...decision.lookups);
    return decision;
  }
}
