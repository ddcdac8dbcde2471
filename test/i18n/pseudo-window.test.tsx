// @vitest-environment happy-dom
// Every view of the window rendered in the pseudo-locale (en-XA: accented English) shows no plain
// English word of the catalog: a string written inline in the window's code shows up here.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState, Session } from '../../main/boundary/contract.js';
import { PSEUDO_LOCALE } from '../../main/boundary/i18n/index.js';
import { ENGLISH, serverWords, wordsOf } from './english-words.js';
import { call, fullSession, NOW, signedIn, signedOut } from '../../harness/app-states.js';
import {
  click,
  commit,
  mountApp,
  navigate,
  settle,
  typeInto,
  type Mounted,
} from '../renderer/mount.js';
import { stubBridge } from '../renderer/stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'alt'];

/**
 * What the agent reads and hears: text, and the labelling attributes. Times are left out: they
 * are Intl's words in the locale ("5 seconds ago"), not ours.
 */
function shownText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const time of copy.querySelectorAll('time')) time.remove();
  const attributes = [...copy.querySelectorAll('*')].flatMap((el) =>
    ATTRIBUTES.map((name) => el.getAttribute(name) ?? ''),
  );
  return [copy.textContent ?? '', ...attributes].join('\n');
}

function expectNoEnglish(m: Mounted, state: AppState): void {
  const allowed = serverWords(state);
  const text = shownText(m.root);
  const english = wordsOf(text).filter((w) => ENGLISH.has(w) && !allowed.has(w));
  expect(english, text).toEqual([]);
  // It did render something in the pseudo-locale.
  expect(text).toMatch(/[áéîöû]/);
}

const pseudo = (state: AppState): AppState => ({ ...state, locale: PSEUDO_LOCALE });

const ringing: Session = call('r1', { fromName: 'Jane Doe', toAddress: '+15035550111' });
const liveCalls: Session[] = [
  ringing,
  call('h1', {
    callState: 'Hold',
    holdReason: 'Transferring',
    holdQueueName: 'Blue',
    customerName: 'Acme',
  }),
  call('c1', { callState: 'Connected', fromName: undefined, fromAddress: undefined }),
  call('q1', { callState: undefined, queueState: 'Queued' }),
  call('o1', { callState: 'Wrapping' }),
];

describe('the window in the pseudo-locale', () => {
  it('the calls, with every group, the tabs and the status line', async () => {
    const state = pseudo(
      signedIn({
        sessions: liveCalls,
        missed: [
          { sessionId: 'm1', at: new Date(NOW).toISOString(), title: 'Jo', body: '', seen: false },
        ],
        alertsPausedUntil: 'until-resumed',
        account: { status: 'signed-in', user: { name: 'Ada' }, keychain: 'available' },
      }),
    );
    app = await mountApp(stubBridge(state), '#/calls');
    expectNoEnglish(app, state);
  });

  it('no calls, and alerts paused until a time', async () => {
    const state = pseudo(signedIn({ alertsPausedUntil: NOW + 3_600_000 * 24 * 365 * 10 }));
    app = await mountApp(stubBridge(state), '#/calls');
    expectNoEnglish(app, state);
  });

  it('the missed calls, with call back and copy', async () => {
    const state = pseudo(
      signedIn({
        missed: [
          {
            sessionId: 'm1',
            at: new Date(NOW - 60_000).toISOString(),
            title: 'Jane Doe',
            body: '+15035550100',
            seen: false,
            whileAway: true,
            number: '+15035550100',
          },
        ],
      }),
    );
    app = await mountApp(stubBridge(state), '#/missed');
    expectNoEnglish(app, state);
    await click(app.find('button.copy'));
    expectNoEnglish(app, state);
  });

  it('the settings, with every section, a pause and an unavailable keychain', async () => {
    const state = pseudo(
      signedIn({
        alertsPausedUntil: 'until-resumed',
        account: {
          status: 'signed-in',
          demo: true,
          keychain: 'unavailable',
          user: { name: 'Ada' },
        },
      }),
    );
    app = await mountApp(stubBridge(state), '#/settings');
    expectNoEnglish(app, state);
    // A typo in a seconds field is answered in the language too.
    const field = app.find('#hold-delay') as HTMLInputElement;
    field.value = 'soon';
    await commit(field);
    expect(app.find('#hold-delay-error').textContent).not.toBe('');
    expectNoEnglish(app, state);
  });

  it('a full call, its details and its actions', async () => {
    const session = { ...fullSession(), callState: 'Connected', queueState: undefined };
    const state = pseudo(
      signedIn({
        sessions: [session],
        ringing: [{ sessionId: session.id, at: new Date(NOW).toISOString(), latencyMs: 1234 }],
      }),
    );
    app = await mountApp(stubBridge(state), `#/sessions/${session.id}`);
    expectNoEnglish(app, state);
    // Hang up asks once more.
    const buttons = app.findAll('.call-actions button');
    await click(buttons[buttons.length - 1] as HTMLElement);
    expect(app.findAll('.confirm')).toHaveLength(1);
    expectNoEnglish(app, state);
  });

  it('a ringing call, and an ended one', async () => {
    const state = pseudo(signedIn({ sessions: [ringing], recentlyEnded: [call('e1')] }));
    app = await mountApp(stubBridge(state), '#/sessions/r1');
    expectNoEnglish(app, state);
    await navigate('#/sessions/e1');
    expectNoEnglish(app, state);
    await navigate('#/sessions/gone');
    expectNoEnglish(app, state);
  });

  it('the transfer form, its recent destinations and its refusal', async () => {
    const held = call('h1', { callState: 'Hold' });
    const base = signedIn({ sessions: [held] });
    const state = pseudo({
      ...base,
      settings: { ...base.settings, recentDestinations: ['2040', 'sip:desk@pbx.example.com'] },
    });
    app = await mountApp(stubBridge(state), '#/sessions/h1/transfer');
    expect(app.findAll('.transfer-form')).toHaveLength(1);
    expectNoEnglish(app, state);
    const input = app.find('#transfer-destination') as HTMLInputElement;
    await typeInto(input, 'not a number');
    await click(app.find('.transfer-form button[type="submit"]'));
    expect(app.findAll('#transfer-problem')).toHaveLength(1);
    // What the agent typed is theirs, shown as typed.
    expectNoEnglish(app, { ...state, missed: [{ ...missedOf('not a number') }] });
  });

  it('the incoming-call window, one call and several', async () => {
    const one = pseudo(signedIn({ sessions: [ringing] }));
    app = await mountApp(stubBridge(one), '#/incoming');
    expectNoEnglish(app, one);
    app.unmount();
    const two = pseudo(signedIn({ sessions: [ringing, call('r2')] }));
    app = await mountApp(stubBridge(two), '#/incoming');
    expectNoEnglish(app, two);
  });

  it('sign in, with another server chosen and left empty', async () => {
    const state = pseudo(signedOut({ keychain: 'unavailable' }));
    app = await mountApp(stubBridge(state), '#/calls');
    expectNoEnglish(app, state);
    const server = app.find('#server') as HTMLSelectElement;
    server.value = 'custom';
    await commit(server);
    await typeInto(app.find('#username'), 'ada');
    await typeInto(app.find('#password'), 'pw');
    await click(app.find('form button[type="submit"]'));
    expect(app.findAll('#custom-server-error')).toHaveLength(1);
    expectNoEnglish(app, state);
  });
});

function missedOf(text: string): AppState['missed'][number] {
  return { sessionId: 'x', at: '', title: text, body: '', seen: true };
}

describe('the window follows AppState.locale', () => {
  it('switches language at once when main says so', async () => {
    const bridge = stubBridge(signedIn({ sessions: [ringing] }));
    app = await mountApp(bridge, '#/calls');
    expect(app.find('nav').textContent).toContain('Calls');
    bridge.push({ ...bridge.state, locale: 'es' });
    await settle();
    expect(app.find('nav').textContent).toContain('Llamadas');
    expect(app.find('.call-group h2').textContent).toContain('Sonando');
    expect(document.documentElement.lang).toBe('es');
    bridge.push({ ...bridge.state, locale: 'de' });
    await settle();
    expect(app.find('nav').textContent).toContain('Anrufe');
  });

  it('offers the system language and the five, each in its own name, and saves the choice', async () => {
    const bridge = stubBridge({ ...signedIn(), locale: 'fr' });
    app = await mountApp(bridge, '#/settings');
    const select = app.find('#language') as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Langue du système'],
      ['en', 'English'],
      ['es', 'Español'],
      ['pt-BR', 'Português (Brasil)'],
      ['fr', 'Français'],
      ['de', 'Deutsch'],
    ]);
    select.value = 'pt-BR';
    await commit(select);
    expect(bridge.updateSettings).toHaveBeenCalledWith({ language: 'pt-BR' });
  });
});
