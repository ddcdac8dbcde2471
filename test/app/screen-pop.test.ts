// The screen pop as the app wires it: what opens by itself (once per call, also across a
// restart with the same state folder), what is refused and said, and the by-hand calls.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../main/app/alerts.js';
import { initialAppState, withPoll } from '../../main/app/app-state.js';
import { createScreenPops } from '../../main/app/screen-pop.js';
import {
  DEFAULT_SETTINGS,
  type AppState,
  type ScreenPopSettings,
} from '../../main/boundary/contract.js';
import type { Session } from '../../main/boundary/session.js';
import { silentLogger } from '../../main/log.js';
import { POPPED_FILE } from '../../main/screen-pop/popped-file.js';

const ringing: Session = {
  id: 'call-1',
  callState: 'Ringing',
  direction: 'Incoming',
  fromAddress: '+15035550100',
};
const answered: Session = { ...ringing, callState: 'Connected', queueState: 'Connected' };
const CRM = 'https://crm.example.com/search?phone={from}';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evo-screen-pop-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function stateWith(screenPop: ScreenPopSettings, sessions: Session[]): AppState {
  const base = initialAppState({ ...DEFAULT_SETTINGS, screenPop }, 'available');
  const signedIn: AppState = {
    ...base,
    account: { status: 'signed-in', keychain: 'available', user: { name: 'Ann', id: 'u1' } },
  };
  return withPoll(signedIn, 1_000_000, sessions);
}

/** The wiring over a state the test sets, recording what opened and what the agent was told. */
function app(options: { allowedOrigins?: readonly string[]; openFails?: boolean } = {}) {
  const opened: string[] = [];
  const told: Alert[] = [];
  let state = stateWith({ url: '', when: 'manual' }, []);
  const pops = createScreenPops({
    state: () => state,
    open: async (url) => {
      if (options.openFails) throw new Error('no handler');
      opened.push(url);
    },
    allowedOrigins: () => options.allowedOrigins,
    notifier: { show: (alert) => void told.push(alert) },
    log: silentLogger,
    now: () => 1_000_000,
  });
  return {
    pops,
    opened,
    told,
    /** A new state, followed as the store's subscriber does. */
    async see(next: AppState) {
      state = next;
      await pops.follow(next);
    },
  };
}

describe('screen pops that open by themselves', () => {
  it("'ringing' opens the call's address once as it rings, not again while it rings or is answered", async () => {
    const a = app();
    await a.pops.useStateDir(dir);
    const when = { url: CRM, when: 'ringing' } as const;
    await a.see(stateWith(when, [ringing]));
    await a.see(stateWith(when, [ringing]));
    await a.see(stateWith(when, [answered]));
    expect(a.opened).toEqual(['https://crm.example.com/search?phone=%2B15035550100']);
  });

  it("'answered' opens only once the agent has the call, and once", async () => {
    const a = app();
    await a.pops.useStateDir(dir);
    const when = { url: CRM, when: 'answered' } as const;
    await a.see(stateWith(when, [ringing]));
    expect(a.opened).toEqual([]);
    await a.see(stateWith(when, [answered]));
    await a.see(stateWith(when, [answered]));
    expect(a.opened).toHaveLength(1);
  });

  it('does not open a call another agent answered', async () => {
    const a = app();
    const when = { url: CRM, when: 'answered' } as const;
    const theirs = stateWith(when, [{ ...answered, answeredById: 'u2' }]);
    await a.see({
      ...theirs,
      agent: { state: 'Ready', reason: '', words: '', at: 0, endpointId: 'ep1' },
    });
    expect(a.opened).toEqual([]);
  });

  it('two state changes at once open the call once', async () => {
    const a = app();
    await a.pops.useStateDir(dir);
    const next = stateWith({ url: CRM, when: 'ringing' }, [ringing]);
    await Promise.all([a.see(next), a.see(next)]);
    expect(a.opened).toHaveLength(1);
  });

  it('does not open again after a restart with the same state folder, which it keeps 0600', async () => {
    const first = app();
    await first.pops.useStateDir(dir);
    await first.see(stateWith({ url: CRM, when: 'ringing' }, [ringing]));
    expect(first.opened).toHaveLength(1);
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, POPPED_FILE)).mode & 0o777).toBe(0o600);
    }

    const restarted = app();
    await restarted.pops.useStateDir(dir);
    await restarted.see(stateWith({ url: CRM, when: 'ringing' }, [ringing]));
    expect(restarted.opened).toEqual([]);
    // Another call still opens.
    await restarted.see(stateWith({ url: CRM, when: 'ringing' }, [{ ...ringing, id: 'call-2' }]));
    expect(restarted.opened).toHaveLength(1);
  });

  it("opens nothing with 'manual', or while signed out", async () => {
    const a = app();
    await a.see(stateWith({ url: CRM, when: 'manual' }, [ringing]));
    const signedOut = stateWith({ url: CRM, when: 'ringing' }, [ringing]);
    await a.see({ ...signedOut, account: { status: 'signed-out', keychain: 'available' } });
    expect(a.opened).toEqual([]);
  });

  it.each([
    ['a scheme other than https', 'file:///etc/passwd?{from}', /must start with https/],
    ['http to another computer', 'http://crm.example.com/{from}', /http:\/\/ only for this/],
    ['an unknown placeholder', 'https://crm.example.com/{phone}', /\{phone\}.*not a placeholder/],
  ])('opens nothing for %s, and says why once', async (_, url, why) => {
    const a = app();
    await a.see(stateWith({ url, when: 'ringing' }, [ringing]));
    await a.see(stateWith({ url, when: 'ringing' }, [ringing]));
    expect(a.opened).toEqual([]);
    expect(a.told).toHaveLength(1);
    expect(a.told[0]).toMatchObject({ sessionId: 'call-1', body: expect.stringMatching(why) });
  });

  it('opens nothing on an origin IT does not allow, and opens one it does', async () => {
    const refused = app({ allowedOrigins: ['https://crm.ours.example'] });
    await refused.see(stateWith({ url: CRM, when: 'ringing' }, [ringing]));
    expect(refused.opened).toEqual([]);
    expect(refused.told[0]?.body).toMatch(
      /does not allow screen pops to https:\/\/crm\.example\.com/,
    );

    const allowed = app({ allowedOrigins: ['https://crm.example.com'] });
    await allowed.see(stateWith({ url: CRM, when: 'ringing' }, [ringing]));
    expect(allowed.opened).toHaveLength(1);
  });
});

describe('screen pops by hand', () => {
  it('"Look up the caller" opens a call whatever `when` says, and refuses an unknown call', async () => {
    const a = app();
    await a.see(stateWith({ url: CRM, when: 'manual' }, [answered]));
    expect(await a.pops.openFor('call-1')).toEqual({ ok: true });
    expect(await a.pops.openFor('call-1')).toEqual({ ok: true });
    expect(a.opened).toHaveLength(2);
    expect(await a.pops.openFor('nope')).toMatchObject({ ok: false });
  });

  it('says why when no address is set, the address is refused, or no browser opens it', async () => {
    const a = app();
    await a.see(stateWith({ url: '', when: 'manual' }, [answered]));
    expect(await a.pops.openFor('call-1')).toMatchObject({ ok: false, error: /No screen pop/ });
    await a.see(stateWith({ url: 'http://example.com/{from}', when: 'manual' }, [answered]));
    expect(await a.pops.openFor('call-1')).toMatchObject({ ok: false, error: /https/ });
    const failing = app({ openFails: true });
    await failing.see(stateWith({ url: CRM, when: 'manual' }, [answered]));
    expect(await failing.pops.openFor('call-1')).toMatchObject({ ok: false, error: /browser/ });
  });

  it("Settings' Test fills the typed template with the sample call, and opens it only when asked", async () => {
    const a = app();
    const shown = await a.pops.test({ url: 'https://crm.example.com/{fromName}', open: false });
    expect(shown).toEqual({ ok: true, url: 'https://crm.example.com/Jane%20Doe' });
    expect(a.opened).toEqual([]);
    expect(await a.pops.test({ url: 'https://crm.example.com/{fromName}', open: true })).toEqual(
      shown,
    );
    expect(a.opened).toEqual(['https://crm.example.com/Jane%20Doe']);
    expect(await a.pops.test({ url: 'https://x.example/{nope}', open: true })).toMatchObject({
      ok: false,
    });
    expect(a.opened).toHaveLength(1);
  });
});

describe('screen pops from the tray or a card', () => {
  it('opens the call, and tells the agent in a notification when it cannot', async () => {
    const a = app();
    await a.see(stateWith({ url: CRM, when: 'manual' }, [answered]));
    await a.pops.fromTray('call-1');
    expect(a.opened).toHaveLength(1);
    expect(a.told).toEqual([]);
    await a.see(stateWith({ url: 'https://crm.example.com/{bad}', when: 'manual' }, [answered]));
    await a.pops.fromTray('call-1');
    expect(a.opened).toHaveLength(1);
    expect(a.told).toHaveLength(1);
    expect(a.told[0]).toMatchObject({ sessionId: 'call-1', title: 'The screen pop did not open' });
  });
});
