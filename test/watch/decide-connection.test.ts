import { describe, expect, it } from 'vitest';
import type { ConnectionEvent, WatchEvent } from '../../main/watch/events.js';
import { Watch } from './decide-script.js';

const said = (events: WatchEvent[]): [string, string][] =>
  events
    .filter((e): e is ConnectionEvent => e.event === 'connection')
    .map((e) => [e.status, e.title]);

describe('connection', () => {
  it('the first good poll says online, later ones say nothing', () => {
    const w = new Watch();
    w.poll([]);
    w.poll([]);
    expect(said(w.events)).toEqual([['online', 'Connected to Evo Voice']]);
  });

  it('a failure before any good poll is news', () => {
    const w = new Watch();
    w.fail('offline');
    expect(said(w.events)).toEqual([['offline', 'Offline — retrying']]);
  });

  it('speaks only on changes: offline, error, recovery, sign-out', () => {
    const w = new Watch();
    w.poll([]);
    w.fail('offline');
    w.fail('offline');
    w.fail('error', 'HTTP 500');
    w.fail('error', 'HTTP 502');
    w.poll([]);
    w.fail('signed-out', 'session expired');
    w.fail('signed-out', 'session expired');
    w.poll([]);
    expect(said(w.events)).toEqual([
      ['online', 'Connected to Evo Voice'],
      ['offline', 'Offline — retrying'],
      ['error', 'Evo Voice error: HTTP 500'],
      ['online', 'Connected to Evo Voice'],
      ['signed-out', 'Signed out — sign in again'],
      ['online', 'Connected to Evo Voice'],
    ]);
  });

  it('an error carries its detail', () => {
    const w = new Watch();
    const { events } = w.fail('error', 'HTTP 503 from evovoice.io');
    expect(events[0]).toMatchObject({
      event: 'connection',
      status: 'error',
      detail: 'HTTP 503 from evovoice.io',
    });
  });

  it('lookups do not change the connection', () => {
    const w = new Watch();
    w.fail('offline');
    w.lookup('s1', 'failed');
    expect(w.memory.connection).toBe('offline');
    expect(said(w.events)).toHaveLength(1);
  });
});
