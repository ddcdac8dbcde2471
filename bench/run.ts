// `npm run bench`: how fast the engine's hot path is, measured, never asserted in tests.
// A poll is: fetch /sessions/my → normalize → decide. The tray polls every 3 s, so each step
// should stay far below a millisecond budget per session even for a busy supervisor's list.
import { performance } from 'node:perf_hooks';
import { createEvoClient } from '../main/evo/client.js';
import { normalizeSessions } from '../main/evo/normalize.js';
import type { Session } from '../main/evo/session.js';
import { startSimulator } from '../main/simulator/server.js';
import { decide, emptyMemory } from '../main/watch/decide.js';
import { DEFAULT_TIMING } from '../main/watch/events.js';

const SIZES = [10, 100, 500];

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function measure(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Half the calls ringing, a quarter held, the rest connected; every poll flips a few states. */
function pollSequence(base: Session[], polls: number): Session[][] {
  const phases = ['Ringing', 'Hold', 'Connected', 'Connected'] as const;
  return Array.from({ length: polls }, (_, p) =>
    base.map((s, i) => ({ ...s, callState: phases[(i + Math.floor(p / 5)) % phases.length] })),
  );
}

async function main(): Promise<void> {
  const rows: string[][] = [['sessions', 'fetch+normalize (ms)', 'normalize (ms)', 'decide (ms)']];
  for (const size of SIZES) {
    const sim = await startSimulator();
    try {
      const user = sim.users[0];
      if (user === undefined) throw new Error('the simulator has no user');
      for (let i = 0; i < size; i++) sim.calls.arrive();
      const client = createEvoClient();
      await client.signIn(sim.url, user.username, user.password);

      const poll = await measure(30, () => client.getMySessions());
      // What the wire carries, parsed: normalize is measured apart from the network.
      const raw: unknown = JSON.parse(JSON.stringify({ sessions: sim.calls.listFor() }));
      const normalize = await measure(50, () => normalizeSessions(raw));

      const sessions = await client.getMySessions();
      const sequence = pollSequence(sessions, 200);
      let memory = emptyMemory();
      let now = Date.parse('2026-11-26T09:00:00Z');
      const decideMs = await measure(sequence.length, () => {
        const observation = sequence.shift() ?? sessions;
        now += DEFAULT_TIMING.pollIntervalMs;
        memory = decide(
          memory,
          { kind: 'sessions', sessions: observation },
          now,
          DEFAULT_TIMING,
        ).memory;
      });
      rows.push([String(size), poll.toFixed(2), normalize.toFixed(3), decideMs.toFixed(3)]);
      await client.signOut();
    } finally {
      await sim.stop();
    }
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  for (const row of rows)
    console.log(row.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  '));
  console.log('\nMedians on this machine. Budget: one poll of 500 sessions well under 50 ms.');
}

await main();
