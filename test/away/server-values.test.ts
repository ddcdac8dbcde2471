// The call history's ids and pages as the server sends them, however hostile: an id such as
// `__proto__` is remembered across a restart like any other (never reported again), a page of
// 200,000 items is read and the real missed call in it reported, and a history read that
// fails in a way that is not a request's waits its backoff instead of failing at every poll.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwayCheck } from '../../main/away/away-check.js';
import { AWAY_LEDGER_FILE } from '../../main/away/away-ledger.js';
import type { HistoryPage } from '../../main/evo/history-page.js';
import { createEvoClient } from '../../main/evo/client.js';
import type { Session } from '../../main/boundary/session.js';
import type { Logger } from '../../main/log.js';
import type { WatchEvent } from '../../main/watch/events.js';
import type { FollowContext } from '../../main/watch/follower.js';

const T0 = Date.parse('2026-12-04T08:00:00Z');
const missedAt = (id: string, at: number): Session => ({
  id,
  dateCreated: new Date(at).toISOString(),
  direction: 'Incoming',
  wasMissed: true,
  fromName: 'Caller',
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evo-away-values-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function poll(now: number) {
  const delivered: WatchEvent[] = [];
  const context: FollowContext = {
    now,
    events: [],
    knownIds: () => new Set(),
    call: (request) => request(new AbortController().signal),
    deliver: (e) => delivered.push(e),
  };
  return { context, delivered };
}

const ids = (events: WatchEvent[]) => events.map((e) => ('sessionId' in e ? e.sessionId : ''));

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = {
    debug: () => {},
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { log, lines };
}

const HOSTILE_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe('ids from the history as keys', () => {
  it('reports calls with the ids __proto__, constructor, toString, hasOwnProperty once, across restarts', async () => {
    const calls = HOSTILE_IDS.map((id, i) => missedAt(id, T0 + 60_000 + i * 1000));
    const api = {
      getCallHistory: async (): Promise<HistoryPage> => ({ sessions: calls, hasMore: false }),
    };
    const first = createAwayCheck({ api, stateDir: dir });
    await first.afterPoll(poll(T0).context);
    await first.stop?.();

    const second = createAwayCheck({ api, stateDir: dir });
    const away = poll(T0 + 600_000);
    await second.afterPoll(away.context);
    await second.stop?.();
    expect(ids(away.delivered)).toEqual(HOSTILE_IDS);
    const saved = JSON.parse(readFileSync(join(dir, AWAY_LEDGER_FILE), 'utf8')) as {
      reported: object;
    };
    expect(Object.keys(saved.reported).sort()).toEqual([...HOSTILE_IDS].sort());

    for (const [i, later] of [T0 + 1_200_000, T0 + 1_800_000].entries()) {
      const restarted = createAwayCheck({ api, stateDir: dir });
      const again = poll(later);
      await restarted.afterPoll(again.context);
      await restarted.stop?.();
      expect(again.delivered, `restart ${i + 1}`).toEqual([]);
    }
  });
});

describe('a huge history page', () => {
  it('reads a page of 200,000 items and reports the missed call in it', async () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({
      id: `n${i}`,
      dateCreated: new Date(T0 + 1000).toISOString(),
      direction: 'Incoming',
      wasMissed: false,
    }));
    items.push({ ...missedAt('real', T0 + 60_000), wasMissed: true } as (typeof items)[number]);
    const page = JSON.stringify({ items, hasMorePages: false });
    const fetch = (async (url: URL) => {
      if (url.pathname === '/portal/call-history') return new Response(page);
      return Response.json({ isAuthenticated: true });
    }) as unknown as typeof globalThis.fetch;
    const api = createEvoClient({ fetch });
    await api.signIn('https://evovoice.io', 'ann', 'pw-123456');
    const { log, lines } = recordingLog();
    const check = createAwayCheck({ api, log });
    await check.afterPoll(poll(T0).context);
    const away = poll(T0 + 600_000);
    await check.afterPoll(away.context);
    expect(ids(away.delivered)).toEqual(['real']);
    expect(lines.filter((l) => l.startsWith('warn'))).toEqual([]);
    // Generous: parsing 200,000 calls is seconds on a loaded machine; nothing here is timed.
  }, 120_000);

  it('a history read that fails unexpectedly backs off, logged, instead of throwing at every poll', async () => {
    let asked = 0;
    const api = {
      async getCallHistory(): Promise<HistoryPage> {
        asked += 1;
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const { log, lines } = recordingLog();
    const check = createAwayCheck({ api, log, random: () => 0 });
    await check.afterPoll(poll(T0).context);
    await check.afterPoll(poll(T0 + 120_000).context);
    for (let t = 1; t <= 4; t += 1) await check.afterPoll(poll(T0 + 120_000 + t * 3_000).context);
    expect(asked).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /^warn Could not read the call history \(bad-response\).*Trying again in \d+ s/,
      ),
    ]);
    await check.afterPoll(poll(T0 + 120_000 + 30 * 60_000).context);
    expect(asked).toBe(2);
  });
});
