import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import { seededRandom } from '../../main/simulator/people.js';
import { busyCallCenter, runScenario } from '../../main/simulator/scenario.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { ScenarioStep, Simulator } from '../../main/simulator/types.js';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await sim.stop();
});

const listed = (): Session[] => sim.calls.listFor();
const messages = (s: Session | undefined) => s?.log?.map((entry) => entry.message) ?? [];

describe('runScenario', () => {
  it('plays the steps at their times, in time order, same-time steps in the order given', async () => {
    const steps: ScenarioStep[] = [
      { atMs: 3000, do: 'resume', ref: 'a' },
      { atMs: 1000, do: 'arrive', ref: 'a', call: { fromName: 'Ann Lee' } },
      { atMs: 2000, do: 'answer', ref: 'a' },
      { atMs: 2000, do: 'hold', ref: 'a', holdQueueName: 'Sales Hold' },
      { atMs: 4000, do: 'end', ref: 'a' },
    ];
    const { done } = runScenario(sim, steps);
    expect(listed()).toEqual([]);
    vi.advanceTimersByTime(999);
    expect(listed()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(listed()[0]).toMatchObject({ fromName: 'Ann Lee', callState: 'Ringing' });
    vi.advanceTimersByTime(1000);
    expect(listed()[0]).toMatchObject({ callState: 'Hold', holdQueueName: 'Sales Hold' });
    vi.advanceTimersByTime(2000);
    await done;
    const call = listed()[0];
    expect(call?.ended).toBe(true);
    expect(messages(call).slice(-4)).toEqual([
      'Answered by Jordan Rivera',
      'Placed on hold in Sales Hold',
      'Resumed from hold by Jordan Rivera',
      'Call ended',
    ]);
  });

  it('refs name different calls; answer-elsewhere, archive and faults work as steps', async () => {
    const { done } = runScenario(sim, [
      { atMs: 0, do: 'arrive', ref: 'first' },
      { atMs: 0, do: 'arrive', ref: 'second', call: { queued: true } },
      { atMs: 500, do: 'ring', ref: 'second' },
      { atMs: 600, do: 'answer-elsewhere', ref: 'first', byName: 'Sam Okafor' },
      { atMs: 700, do: 'fault', fault: 'rate-limited', count: 1 },
      { atMs: 800, do: 'archive', ref: 'second' },
    ]);
    vi.advanceTimersByTime(0);
    expect(listed().map((s) => s.queueState)).toEqual(['Ringing', 'Queued']);
    const [first, second] = listed();
    vi.advanceTimersByTime(600);
    expect(listed().map((s) => s.id)).toEqual([second?.id]);
    expect(sim.calls.get(first?.id ?? '')?.answeredByName).toBe('Sam Okafor');
    vi.advanceTimersByTime(200);
    await done;
    expect(listed()).toEqual([]);
    vi.useRealTimers();
    expect((await fetch(`${sim.url}/sessions/my`)).status).toBe(429);
  });

  it('stop() cancels the steps not yet played', async () => {
    const running = runScenario(sim, [
      { atMs: 100, do: 'arrive', ref: 'a' },
      { atMs: 5000, do: 'answer', ref: 'a' },
    ]);
    vi.advanceTimersByTime(100);
    running.stop();
    vi.advanceTimersByTime(10_000);
    await running.done;
    expect(listed()[0]?.callState).toBe('Ringing');
  });

  it('a malformed scenario is refused before anything plays, listing every problem', () => {
    const steps = [
      { atMs: 0, do: 'answer', ref: 'ghost' },
      { atMs: -5, do: 'arrive', ref: 'a' },
      { atMs: 10, do: 'hold', ref: 'a', holdQueueName: '' },
      { atMs: 20, do: 'fault', fault: 'meteor' },
    ] as unknown as ScenarioStep[];
    let message = '';
    try {
      runScenario(sim, steps);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('"ghost" has not arrived');
    expect(message).toContain('atMs must be');
    expect(message).toContain('needs a holdQueueName');
    expect(message).toContain('unknown fault "meteor"');
    vi.advanceTimersByTime(100);
    expect(listed()).toEqual([]);
  });

  it('a step that fails at run time rejects done with the step named', async () => {
    const { done } = runScenario(sim, [
      { atMs: 0, do: 'arrive', ref: 'a' },
      { atMs: 10, do: 'resume', ref: 'a' },
      { atMs: 20, do: 'end', ref: 'a' },
    ]);
    vi.advanceTimersByTime(50);
    await expect(done).rejects.toThrow(/Step 2 \(resume "a" at 10 ms\) failed: .*not on hold/);
    expect(listed()[0]?.ended).toBe(false);
  });

  it('an empty scenario is done at once', async () => {
    await expect(runScenario(sim, []).done).resolves.toBeUndefined();
  });
});

interface Seen {
  ringing: boolean;
  held: boolean;
  missed: boolean;
  mostListed: number;
}

/** Samples the agent's list every simulated second, as a watcher polling it would. */
function watch(seconds: number): Seen {
  const seen: Seen = { ringing: false, held: false, missed: false, mostListed: 0 };
  for (let s = 0; s < seconds; s++) {
    vi.advanceTimersByTime(1000);
    const sessions = listed();
    seen.ringing ||= sessions.some((c) => c.callState === 'Ringing');
    seen.held ||= sessions.some((c) => c.callState === 'Hold');
    seen.missed ||= sessions.some((c) => c.wasMissed === true);
    seen.mostListed = Math.max(seen.mostListed, sessions.length);
  }
  return seen;
}

describe('busyCallCenter', () => {
  it('shows ringing, held and missed calls within 15 seconds', () => {
    busyCallCenter().start(sim);
    const seen = watch(15);
    expect(seen).toMatchObject({ ringing: true, held: true, missed: true });
  });

  it('whatever the seed, the opening shows all three and the list stays at 4 or fewer', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const center = busyCallCenter({ random: seededRandom(seed) }).start(sim);
        try {
          const opening = watch(15);
          expect(opening).toMatchObject({ ringing: true, held: true, missed: true });
          expect(watch(300).mostListed).toBeLessThanOrEqual(4);
        } finally {
          center.stop();
          for (const call of listed()) sim.calls.remove(call.id);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('keeps calls coming and removes ended ones after a while', () => {
    busyCallCenter().start(sim);
    const firstSeen = new Map<string, number>();
    const endedSince = new Map<string, number>();
    for (let s = 1; s <= 600; s++) {
      vi.advanceTimersByTime(1000);
      for (const call of listed()) {
        if (!firstSeen.has(call.id)) firstSeen.set(call.id, s);
        if (call.ended && !endedSince.has(call.id)) endedSince.set(call.id, s);
        expect(s - (endedSince.get(call.id) ?? s)).toBeLessThanOrEqual(8);
      }
    }
    expect(firstSeen.size).toBeGreaterThan(60);
    expect(sim.calls.listFor().length).toBeLessThanOrEqual(4);
  });

  it('also answers elsewhere, queues and transfers now and then', () => {
    const steps: string[] = [];
    busyCallCenter({
      onStep: (step, session) => steps.push(step.do, session?.queueState ?? ''),
    }).start(sim);
    watch(600);
    expect(steps).toEqual(expect.arrayContaining(['answer-elsewhere', 'transfer', 'Queued']));
  });

  it('stop() ends the stream of calls', () => {
    const center = busyCallCenter().start(sim);
    watch(3);
    center.stop();
    const before = JSON.stringify(listed());
    watch(60);
    expect(JSON.stringify(listed())).toBe(before);
  });

  it('calls go to the chosen agent; an unknown agent is refused', () => {
    busyCallCenter({ agent: 'supervisor@demo.evovoice.io' }).start(sim);
    watch(5);
    expect(listed()).toEqual([]);
    expect(sim.calls.listFor('supervisor@demo.evovoice.io').length).toBeGreaterThan(0);
    expect(() => busyCallCenter({ agent: 'nobody' }).start(sim)).toThrow(/nobody/);
  });

  it('takes an injected timer instead of the global one', () => {
    const pending: { fn: () => void; ms: number }[] = [];
    busyCallCenter().start(sim, {
      setTimeout: (fn, ms) => pending.push({ fn, ms }),
      clearTimeout: () => {},
    });
    expect(pending.map((p) => p.ms)).toEqual([500, 2000, 6000]);
    pending[0]?.fn();
    expect(pending.length).toBeGreaterThan(3);
    const arrive = pending.find((p) => p.ms === 0);
    arrive?.fn();
    expect(listed()).toHaveLength(1);
  });
});
