// The ledger over a long day: 20,000 remembered calls (ended ones, as a busy day leaves
// them) and a few live ones. Per poll: decide plus the writer's save, in the two cases a
// poll has — nothing changed, or one call ended (one line appended, the small file replaced).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../main/boundary/session.js';
import { silentLogger } from '../main/log.js';
import { decide, emptyMemory, type WatchMemory } from '../main/watch/decide.js';
import { DEFAULT_TIMING } from '../main/watch/events.js';
import { loadMemory } from '../main/watch/ledger.js';
import { createLedgerWriter } from '../main/watch/ledger-writer.js';
import { median, timeWithCpu } from './measure.js';
import { realisticSessions } from '../harness/realistic-calls.js';

export interface LedgerResult {
  remembered: number;
  steady: { wallMs: number; cpuMs: number };
  oneEnded: { wallMs: number; cpuMs: number };
  wholeSaveMs: number;
  loadMs: number;
}

export async function measureLedger(remembered: number, rounds: number): Promise<LedgerResult> {
  const dir = await mkdtemp(join(tmpdir(), 'evo-bench-ledger-'));
  let now = Math.floor(Date.parse('2026-11-26T09:00:00Z') / 60_000) * 60_000 + 1000;
  const poll = (memory: WatchMemory, list: Session[]) =>
    decide(memory, { kind: 'sessions', sessions: list }, now, DEFAULT_TIMING).memory;
  try {
    const live = realisticSessions(10).map((s) => ({ ...s, id: `live-${s.id}` }));
    let memory = endOfDay(remembered, live, poll);

    const clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
    const writer = createLedgerWriter(dir, clock, silentLogger);
    await writer.load();
    const whole = await timeWithCpu(() => writer.flush(memory));
    const load = await timeWithCpu(() => loadMemory(dir, now));

    const pollAndSave = async () => {
      memory = poll(memory, live);
      await writer.save(memory);
    };
    const steady: { wallMs: number; cpuMs: number }[] = [];
    const oneEnded: { wallMs: number; cpuMs: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      // Within one minute: the polls of a minute change nothing but what they show.
      now = Math.floor(now / 60_000) * 60_000 + 60_000 + 1000;
      memory = poll(memory, [...live, shortCall(live, i)]);
      await writer.save(memory);
      now += 3000;
      memory = poll(memory, live); // missing once: not gone yet
      await writer.save(memory);
      now += 3000;
      // The second answer in a row without `short-i`: it ends, one line is appended.
      oneEnded.push(await timeWithCpu(() => pollAndSave()));
      now += 3000;
      steady.push(await timeWithCpu(() => pollAndSave()));
    }
    return {
      remembered,
      steady: medianOf(steady),
      oneEnded: medianOf(oneEnded),
      wholeSaveMs: whole.wallMs,
      loadMs: load.wallMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The memory at the end of a day: `remembered` calls answered then ended, `live` ringing on. */
function endOfDay(
  remembered: number,
  live: Session[],
  poll: (memory: WatchMemory, list: Session[]) => WatchMemory,
): WatchMemory {
  const day = realisticSessions(remembered).map((s) => ({
    ...s,
    callState: 'Connected',
    queueState: 'Connected',
  }));
  let memory = poll(emptyMemory(), day);
  memory = poll(memory, []);
  memory = poll(memory, live);
  if (memory.ended.length !== remembered) throw new Error('the day did not end as planned');
  return memory;
}

/** A call of round `i` that is answered for one poll, then ends. */
function shortCall(live: Session[], i: number): Session {
  return {
    ...live[0],
    id: `short-${i}`,
    callState: 'Connected',
    queueState: 'Connected',
  } as Session;
}

function medianOf(samples: { wallMs: number; cpuMs: number }[]) {
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
  };
}
