// Test support for the long run: a seeded call center behind an in-process fetch that answers
// like Evo Voice (ServiceStack), with random faults, random key casing and enums sent as
// integers; and a clock whose timers fire only when the test says.
import type { Clock } from '../../main/watch/clock.js';

export interface FakeClock extends Clock {
  /** Timers set and not yet fired or cleared. */
  readonly pending: number;
  /** Moves time to the earliest timer (and `extraMs` past it) and fires it; false if none. */
  fireNext(extraMs?: number): boolean;
  advance(ms: number): void;
}

export function fakeClock(start: number): FakeClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      seq += 1;
      timers.set(seq, { at: now + Math.max(0, ms), fn });
      return seq;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    get pending() {
      return timers.size;
    },
    fireNext(extraMs = 0) {
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of timers) if (!first || entry[1].at < first[1].at) first = entry;
      if (!first) return false;
      timers.delete(first[0]);
      now = Math.max(now, first[1].at) + extraMs;
      first[1].fn();
      return true;
    },
    advance(ms) {
      now += ms;
    },
  };
}

/** How a call ends, chosen when it starts ringing. */
export type Fate = 'answered-here' | 'answered-elsewhere' | 'missed';

export interface Call {
  id: string;
  fate: Fate;
  phase: 'ringing' | 'connected' | 'held' | 'gone';
  /** Time of the next change of phase. */
  nextAt: number;
  /** The last time the center listed it (gone calls keep theirs). */
  lastListedAt: number;
}

export const AGENT = 'Alex Agent';

/** Phase → [callState, queueState], as names and as TreatEnumAsInteger numbers. */
const STATES = {
  ringing: { names: ['Ringing', 'Ringing'], numbers: [1, 2] },
  connected: { names: ['Connected', 'Connected'], numbers: [2, 3] },
  held: { names: ['Hold', 'Hold'], numbers: [3, 4] },
  gone: { names: ['Disconnected', 'Disconnected'], numbers: [0, 5] },
} as const;

export interface CenterOptions {
  random: () => number;
  now: () => number;
  /** Off for the final drain: no new calls, no faults. */
  faults: boolean;
  arrivals: boolean;
}

/**
 * Calls arrive, ring, and end by their fate; `fetch` serves them. Records what the watcher
 * could have seen: the ids listed as ringing, or as answered, in an answer that reached the
 * client whole.
 */
export function callCenter(options: CenterOptions) {
  const { random, now } = options;
  const calls = new Map<string, Call>();
  const servedRinging = new Set<string>();
  const servedAnswered = new Set<string>();
  let seq = 0;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min));

  function step(): void {
    const at = now();
    if (options.arrivals && random() < 0.06) {
      seq += 1;
      const r = random();
      const fate: Fate = r < 0.5 ? 'answered-here' : r < 0.75 ? 'answered-elsewhere' : 'missed';
      const id = `call-${seq}`;
      calls.set(id, {
        id,
        fate,
        phase: 'ringing',
        nextAt: at + between(2000, 40_000),
        lastListedAt: at,
      });
    }
    for (const call of calls.values()) {
      if (call.phase === 'gone' || at < call.nextAt) continue;
      if (call.phase === 'ringing') {
        call.phase = call.fate === 'answered-here' ? 'connected' : 'gone';
        call.nextAt = at + between(10_000, 300_000);
      } else if (call.phase === 'connected' && random() < 0.3) {
        call.phase = 'held';
        call.nextAt = at + between(5000, 200_000);
      } else if (call.phase === 'held') {
        call.phase = 'connected';
        call.nextAt = at + between(5000, 100_000);
      } else {
        call.phase = 'gone';
      }
    }
  }

  function listed(call: Call, pascal: boolean, numbers: boolean): Record<string, unknown> {
    const states = STATES[call.phase];
    const [callState, queueState] = numbers ? states.numbers : states.names;
    const session: Record<string, unknown> = {
      id: call.id,
      callState,
      queueState,
      direction: numbers ? 0 : 'Incoming',
      fromName: 'Jane Doe',
      fromAddress: '+15035550100',
      toAddress: 'Support Line',
    };
    if (call.phase === 'connected' || call.phase === 'held') {
      session.answeredByName = AGENT;
      session.answeredById = 'me';
    }
    if (call.phase === 'held') session.holdQueueName = 'Support hold';
    return pascal ? pascalKeys(session) : session;
  }

  /** What GET /sessions/{id} tells of a call that left the list. */
  function archived(call: Call): Record<string, unknown> {
    const base: Record<string, unknown> = { ...listed(call, false, false), ended: true };
    delete base.holdQueueName;
    if (call.fate === 'missed') return { ...base, wasMissed: true };
    if (call.fate === 'answered-elsewhere') {
      return { ...base, answeredByName: 'Sam Colleague', answeredById: 'u2' };
    }
    return base;
  }

  /** A fault for this request, or null; none while faults are off. */
  function fault(path: string): Response | Error | null {
    if (!options.faults) return null;
    const r = random();
    if (r < 0.02) return new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    if (r < 0.035) {
      return Response.json(
        { responseStatus: { message: 'Slow down' } },
        { status: r < 0.03 ? 429 : 503, headers: { 'Retry-After': String(between(1, 20)) } },
      );
    }
    if (r < 0.045) return new Response('<html>Bad gateway</html>', { status: 502 });
    // A 401 ends a session some time after it began (never the one just signed in: the
    // watcher rightly gives up then); at sign-in it would mean the password (tested elsewhere).
    if (r < 0.05 && !path.startsWith('/auth/') && sinceSignIn > 5) {
      return Response.json({ responseStatus: { message: 'Session expired' } }, { status: 401 });
    }
    if (r < 0.055) return new Response('<html>captive portal</html>', { status: 200 });
    return null;
  }

  let sinceSignIn = 0;
  const fetch = (async (input: URL | string, init?: RequestInit) => {
    const url = new URL(String(input));
    sinceSignIn = url.pathname === '/auth/credentials' ? 0 : sinceSignIn + 1;
    // Like undici: one abort listener for the request's life, removed when it is done.
    const signal = init?.signal ?? undefined;
    const onAbort = () => {};
    signal?.addEventListener('abort', onAbort);
    try {
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const failure = fault(url.pathname);
      if (failure instanceof Error) throw failure;
      if (failure) return failure;
      return answer(url.pathname);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }) as unknown as typeof globalThis.fetch;

  function answer(path: string): Response {
    if (path === '/auth/credentials') {
      return Response.json(
        { userName: 'alex' },
        { headers: { 'Set-Cookie': `ss-id=${Math.floor(random() * 1e12)}abcdefgh; Path=/` } },
      );
    }
    if (path === '/auth/status')
      return Response.json({ isAuthenticated: true, displayName: AGENT });
    if (path === '/sessions/my') {
      const pascal = random() < 0.3;
      const numbers = random() < 0.3;
      const sessions = [];
      for (const call of calls.values()) {
        if (call.phase === 'gone') continue;
        call.lastListedAt = now();
        if (call.phase === 'ringing') servedRinging.add(call.id);
        else servedAnswered.add(call.id);
        sessions.push(listed(call, pascal, numbers));
      }
      return Response.json(pascal ? { Sessions: sessions } : { sessions });
    }
    const id = decodeURIComponent(path.replace(/^\/sessions\//, ''));
    const call = calls.get(id);
    // Some calls are archived already: 404, and the engine judges by what it saw last.
    if (!call || random() < 0.05) {
      return Response.json({ responseStatus: { message: 'Not found' } }, { status: 404 });
    }
    return Response.json(call.phase === 'gone' ? archived(call) : listed(call, false, false));
  }

  return { calls, servedRinging, servedAnswered, step, fetch, options };
}

function pascalKeys(session: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(session).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]),
  );
}
