import { describe, expect, it } from 'vitest';
import type { HeldEvent, WatchEvent } from '../../main/watch/events.js';
import { connected, held, Watch } from './decide-script.js';

const heldEvents = (events: WatchEvent[]): HeldEvent[] =>
  events.filter((e): e is HeldEvent => e.event === 'held');

/** Polls every 3 s for `ms`, the session held throughout. */
function holdFor(w: Watch, ms: number, id = 's1'): void {
  for (let t = 0; t < ms; t += 3000) w.poll([held(id)]);
}

describe('held', () => {
  it('with no delay, a hold alerts at once, naming the hold queue', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 0, holdReminderMs: 0 });
    const { events } = w.poll([held('s1')]);
    expect(heldEvents(events)).toEqual([
      expect.objectContaining({
        sessionId: 's1',
        heldForMs: 0,
        reminder: false,
        title: 'On hold',
        body: 'Jane Doe (+15035550100) — Sales Hold',
      }),
    ]);
  });

  it('with a delay, the first alert waits until the hold has lasted that long', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 30_000, holdReminderMs: 0 });
    w.poll([held('s1')]);
    holdFor(w, 27_000);
    expect(heldEvents(w.events)).toEqual([]);
    const { events } = w.poll([held('s1')]);
    expect(heldEvents(events)).toEqual([
      expect.objectContaining({ heldForMs: 30_000, reminder: false, title: 'On hold 0:30' }),
    ]);
  });

  it('reminders repeat every holdReminderMs with how long it has been held', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 30_000, holdReminderMs: 60_000 });
    w.poll([held('s1')]);
    holdFor(w, 180_000);
    expect(heldEvents(w.events).map((e) => [e.heldForMs, e.reminder, e.title])).toEqual([
      [30_000, false, 'On hold 0:30'],
      [90_000, true, 'On hold 1:30'],
      [150_000, true, 'On hold 2:30'],
    ]);
  });

  it('holdReminderMs 0 means one alert per hold', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 0, holdReminderMs: 0 });
    holdFor(w, 600_000);
    expect(heldEvents(w.events)).toHaveLength(1);
  });

  it('after an outage, one reminder, not a burst for every missed interval', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 0, holdReminderMs: 60_000 });
    w.poll([held('s1')]);
    w.fail('offline', 'down', 100_000);
    w.fail('offline', 'down', 100_000);
    const { events } = w.poll([held('s1')], 100_000);
    expect(heldEvents(events).map((e) => [e.heldForMs, e.reminder])).toEqual([[300_000, true]]);
    // The next reminder counts from this one.
    w.poll([held('s1')], 59_000);
    expect(heldEvents(w.events)).toHaveLength(2);
    w.poll([held('s1')], 1000);
    expect(heldEvents(w.events).map((e) => e.heldForMs)).toEqual([0, 300_000, 360_000]);
  });

  it('leaving hold ends the hold; a later hold is a new one, timed from its own start', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 6000, holdReminderMs: 60_000 });
    holdFor(w, 9000);
    w.poll([connected('s1')]);
    w.poll([connected('s1')]);
    holdFor(w, 9000);
    expect(heldEvents(w.events).map((e) => [e.heldForMs, e.reminder])).toEqual([
      [6000, false],
      [6000, false],
    ]);
  });

  it('a hold for a transfer says so', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 0, holdReminderMs: 0 });
    const { events } = w.poll([held('s1', { holdReason: 'Transferring' })]);
    expect(heldEvents(events)[0]?.body).toBe(
      'Jane Doe (+15035550100) — Transfer waiting in Sales Hold',
    );
  });

  it('queue state Hold is a hold too', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 0, holdReminderMs: 0 });
    const { events } = w.poll([connected('s1', { queueState: 'Hold' })]);
    expect(heldEvents(events)).toHaveLength(1);
  });

  it('a held call missing from one answer keeps its hold time', () => {
    const w = new Watch({ pollIntervalMs: 3000, holdAlertDelayMs: 9000, holdReminderMs: 0 });
    w.poll([held('s1')]);
    w.poll([]);
    w.poll([held('s1')]);
    w.poll([held('s1')]);
    expect(heldEvents(w.events).map((e) => e.heldForMs)).toEqual([9000]);
  });
});
