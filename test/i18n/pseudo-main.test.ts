// What main writes for the agent (the tray menu and tooltip, every card and notice), rendered in
// the pseudo-locale (en-XA: accented English), shows no plain English word of the catalog: a
// string written inline in main's code shows up here. The server's words pass as they came.
import { describe, expect, it } from 'vitest';
import type { AppState, MissedCall, Session } from '../../main/boundary/contract.js';
import { createTranslator, PSEUDO_LOCALE } from '../../main/boundary/i18n/index.js';
import type { MenuItem } from '../../main/app/tray-action.js';
import { trayMenu } from '../../main/app/tray-menu.js';
import { trayTooltip } from '../../main/app/tray-look.js';
import { connectionNotice } from '../../main/app/notify-policy.js';
import { agentStateWords, notReadyCard } from '../../main/agent-state/words.js';
import { awaySummary } from '../../main/away/summary.js';
import {
  describeAnswered,
  describeAnsweredElsewhere,
  describeConnection,
  describeEnded,
  describeHeld,
  describeMissed,
  describeRinging,
  type Description,
} from '../../main/watch/describe.js';
import type { ConnectionStatus, SessionEvent } from '../../main/watch/events.js';
import { wantedCards } from '../../main/ringing/cards.js';
import { cardOptions } from '../../main/ringing/card-options.js';
import { call, NOW, signedIn } from '../../harness/app-states.js';
import { actionFailureWords, notAllowedWords } from '../../main/call-actions/words.js';
import { actionRequest } from '../../main/call-actions/requests.js';
import { checkDestination } from '../../main/boundary/transfer-destination.js';
import { EvoApiError } from '../../main/evo/api.js';
import { CALL_ACTIONS } from '../../main/boundary/call-action-rules.js';
import { applySettingsPatch, SettingsError, settingsRefusal } from '../../main/settings/index.js';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../main/boundary/contract.js';
import {
  checkSignIn,
  demoFailed,
  notSavedNotice,
  rejectedEarlier,
  signedOutEvent,
  signedOutMeanwhile,
  signInFailure,
  unreachable,
} from '../../main/app/account-words.js';
import { type EvoErrorKind } from '../../main/evo/api.js';
import {
  errorForCancel,
  errorForNetwork,
  errorForStatus,
  errorForTimeout,
} from '../../main/evo/http-errors.js';
import {
  ACTING,
  LISTING,
  LOOKING_UP,
  READING_AGENT_STATE,
  READING_HISTORY,
  SIGNING_IN,
  SIGNING_OUT,
} from '../../main/evo/purposes.js';
import { notJson } from '../../main/evo/request.js';
import { parseServerUrl } from '../../main/evo/server-url.js';
import { failureInLanguage } from '../../main/watch/describe.js';
import { KeychainError } from '../../main/credentials/keychain.js';
import { settingsFileNotice } from '../../main/settings/index.js';
import { shortcutRefusal } from '../../main/ringing/shortcut-words.js';
import { checkPhoneNumber } from '../../main/away/phone-number.js';
import { englishIn, wordsOf } from './english-words.js';

const t = createTranslator(PSEUDO_LOCALE);

/** Every string the server sent in these examples: the only English allowed through. */
const SERVER_TEXT = [
  'Jane Doe',
  'Zed Quist',
  'Support line',
  'Blue Queue',
  'Acme West',
  'Bob Builder',
  'Ada Agent',
  'Carla Ruiz',
  'Dmitri Oh',
  'Eve Lund',
  'socket hang up',
  // What the OS says (the keychain's reason), the settings file's path, the keys typed.
  'the keyring is locked',
  '/home/ada/.config/Evo Voice Tray/settings.json',
  'Alt+Zed',
];
const ALLOWED = new Set(SERVER_TEXT.flatMap(wordsOf));

function expectPseudo(text: string): void {
  expect(englishIn(text, ALLOWED), text).toEqual([]);
  expect(text, 'rendered in the pseudo-locale').toMatch(/[áéîöû]/);
}

const named = (id: string, overrides: Partial<Session> = {}): Session =>
  call(id, { fromName: 'Jane Doe', toAddress: 'Support line', ...overrides });

const ringing = Array.from({ length: 12 }, (_, i) => named(`r${i}`));
const sessions: Session[] = [
  ...ringing,
  named('h1', { callState: 'Hold', holdReason: 'Transferring', holdQueueName: 'Blue Queue' }),
  named('h2', { callState: 'Hold', holdQueueName: 'Blue Queue', customerName: 'Acme West' }),
  named('c1', { callState: 'Connected', fromName: undefined, fromAddress: undefined }),
  named('q1', { callState: undefined, queueState: 'Queued' }),
];
const missed: MissedCall[] = [
  {
    sessionId: 'm1',
    at: new Date(NOW - 60_000).toISOString(),
    title: 'Zed Quist',
    body: 'Zed Quist',
    session: named('m1', { fromName: 'Zed Quist' }),
    seen: false,
    number: '+15035550100',
  },
  {
    sessionId: 'm2',
    at: new Date(NOW - 86_400_000 * 2).toISOString(),
    title: 'Zed Quist',
    body: 'Zed Quist',
    seen: true,
  },
];

/** A busy desk: every group, more calls than the menu lists, missed calls, a pause, an update. */
const rich: AppState = {
  ...signedIn({ sessions, missed, alertsPausedUntil: NOW + 15 * 60_000 }),
  agent: { state: 'NotReady', reason: 'MissedCall', words: '', at: NOW },
  update: { status: 'ready', version: '2.0.0' },
  locale: PSEUDO_LOCALE,
};

function menuText(items: readonly MenuItem[]): string {
  return items
    .flatMap((item) => {
      if (item.kind === 'separator') return [];
      if (item.kind === 'submenu') return [item.label, menuText(item.items)];
      return [item.label];
    })
    .join('\n');
}

const inPseudo = (state: AppState): AppState => ({ ...state, locale: PSEUDO_LOCALE });
const account = (a: Partial<AppState['account']>): AppState['account'] => ({
  ...rich.account,
  ...a,
});

/** The other faces of the tray: each connection state and each account state. */
const OTHER_STATES: [string, AppState][] = [
  ['offline, never heard', inPseudo({ ...rich, connection: { status: 'offline' } })],
  ['offline since a poll', inPseudo({ ...rich, connection: { status: 'error', lastPollAt: NOW } })],
  ['too large', inPseudo({ ...rich, connection: { status: 'too-large' } })],
  ['connecting', inPseudo({ ...rich, connection: { status: 'idle' } })],
  ['no calls, paused until resumed', { ...rich, sessions: [], alertsPausedUntil: 'until-resumed' }],
  ['no missed calls, a demo', { ...rich, missed: [], account: account({ demo: true }) }],
  ['signing in', { ...rich, account: account({ status: 'signing-in' }) }],
  ['signed out', { ...rich, account: account({ status: 'signed-out' }) }],
  [
    'an unnamed account',
    {
      ...rich,
      account: account({ user: { name: '' } }),
      settings: { ...rich.settings, username: '' },
    },
  ],
];

describe('main in the pseudo-locale', () => {
  it('the tray menu of a busy desk', () => {
    const text = menuText(trayMenu(rich, NOW, { timeZone: 'UTC' }));
    // It is the rich menu: the groups, the overflow, the missed calls, the pause, the update.
    expect(text).toContain('Jane Doe');
    expect(text).toContain('2.0.0');
    expectPseudo(text);
  });

  it.each(OTHER_STATES)('the tray menu and tooltip: %s', (_, state) => {
    expectPseudo(menuText(trayMenu(state, NOW, { timeZone: 'UTC' })));
    expectPseudo(trayTooltip(state));
  });

  it('the tooltip of a busy desk', () => {
    const tooltip = trayTooltip(rich);
    expectPseudo(tooltip.replace(/^Evo Voice/, ''));
  });

  it('the card of every event kind', () => {
    const s = named('e1', { customerName: 'Acme West' });
    const held = named('e2', { callState: 'Hold', holdReason: 'Transferring' });
    const cards: Description[] = [
      describeRinging(s, t),
      describeRinging(named('e3', { channel: 'Chat' }), t),
      describeAnswered(s, t),
      describeAnswered(named('e4', { channel: 'Fax' }), t),
      describeHeld(held, 0, t),
      describeHeld(
        named('e5', { callState: 'Hold', holdQueueName: 'Blue Queue', holdReason: 'Transferring' }),
        95_000,
        t,
      ),
      describeMissed(named('e6', { fromName: undefined, fromAddress: undefined }), t),
      describeAnsweredElsewhere(s, t),
      describeAnsweredElsewhere({ ...s, answeredByName: 'Bob Builder' }, t),
      describeEnded(s, t),
    ];
    for (const card of cards) expectPseudo(`${card.title}\n${card.body}`);
  });

  it.each<ConnectionStatus>(['online', 'offline', 'error', 'too-large', 'signed-out'])(
    'the connection card: %s',
    (status) => {
      const { title, body } = describeConnection(status, undefined, t);
      expectPseudo(`${title}\n${body}`);
    },
  );

  it('the server’s own error message goes in as it came', () => {
    const { title } = describeConnection('error', 'socket hang up', t);
    expect(title).toContain('socket hang up');
    expectPseudo(title);
  });

  it('the connection notices, the Not-ready card and the away summary', () => {
    const notices = (['failing', 'recovered'] as const).map((n) => connectionNotice(n, t));
    const names = ['Jane Doe', 'Zed Quist', 'Carla Ruiz', 'Dmitri Oh', 'Eve Lund'];
    const away = names.map((fromName, i): SessionEvent => ({
      event: 'missed',
      sessionId: `a${i}`,
      at: new Date(NOW).toISOString(),
      title: '',
      body: '',
      session: named(`a${i}`, { fromName }),
    }));
    for (const card of [
      ...notices,
      notReadyCard(t),
      awaySummary(away, t),
      awaySummary(away.slice(0, 1), t),
    ]) {
      expectPseudo(`${card.title}\n${card.body}`);
    }
  });

  it.each(['Ready', 'NotReady', 'LoggedOut', 'WrapUp', 'Outgoing', 'Other'])(
    'the agent state %s',
    (state) => {
      expectPseudo(agentStateWords({ state, reason: 'SetBySystem' }, t));
    },
  );

  it('the call cards: ringing, held, the summary, and their buttons', () => {
    const cards = [
      ...wantedCards([named('k1'), named('k2', { callState: 'Hold' })], t),
      ...wantedCards(ringing, t),
      ...wantedCards([named('k3', { toAddress: undefined, endpointName: undefined })], t),
    ];
    expect(cards.map((c) => c.kind).sort()).toEqual(['held', 'ringing', 'ringing', 'summary']);
    for (const card of cards) {
      const options = cardOptions(card, {
        platform: 'darwin',
        ringAloud: false,
        soundOn: true,
        declinable: true,
        t,
      });
      const buttons = (options.actions ?? []).map((a) => a.text).join('\n');
      expectPseudo(`${options.title}\n${options.body}\n${buttons}`);
    }
  });

  it('the refusals of call actions and transfers', () => {
    const refusals: string[] = [
      actionFailureWords('hold', new Error('boom'), t),
      actionFailureWords('hold', new EvoApiError('timeout', 'timed out'), t),
      actionFailureWords('hangUp', new EvoApiError('not-found', 'gone', { status: 404 }), t),
      ...CALL_ACTIONS.map((action) =>
        actionFailureWords(action, new EvoApiError('forbidden', 'no', { status: 403 }), t),
      ),
      ...CALL_ACTIONS.flatMap((action) => [
        notAllowedWords(action, named('n1', { callState: 'Wrapping' }), t),
        notAllowedWords(action, named('n2', { queueState: 'Queued', callState: undefined }), t),
        notAllowedWords(action, named('n3', { ended: true }), t),
      ]),
    ];
    const hold = actionRequest(named('n4', { callState: 'Connected' }), 'hold', {}, undefined, t);
    if (!hold.ok) refusals.push(hold.error);
    for (const typed of ['', 'Jane Doe']) {
      const checked = checkDestination(typed, t);
      if (!checked.ok) refusals.push(checked.error);
    }
    expect(refusals.length).toBe(3 + CALL_ACTIONS.length * 4 + 3);
    for (const refusal of refusals) expectPseudo(refusal);
  });

  it('what the account tells the agent', () => {
    const request = { server: 'https://evovoice.io', username: '', password: '', remember: false };
    const noPassword = checkSignIn(request, t);
    const noUser = checkSignIn({ ...request, password: 'pw' }, t);
    const event = signedOutEvent('socket hang up', NOW, t);
    const texts = [
      noPassword.ok ? '' : noPassword.error,
      noUser.ok ? '' : noUser.error,
      rejectedEarlier(t),
      `${event.title}\n${event.body}`,
      unreachable(new Error('socket hang up'), t).detail,
    ];
    for (const text of texts) expectPseudo(text);
  });

  it.each([
    ['empty', '  '],
    ['not an address', 'https://exa mple.com'],
    ['a password in it', 'https://ada:pw@evovoice.io'],
    ['plain http to another machine', 'http://evovoice.io'],
    ['another scheme', 'ftp://evovoice.io'],
  ])('the sign-in form’s refusal of a server address: %s', (_, server) => {
    const checked = checkSignIn({ server, username: 'ada', password: 'pw', remember: false }, t);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expectPseudo(checked.error);
    // The same refusal when the address comes as a setting.
    let refused: unknown;
    try {
      applySettingsPatch(DEFAULT_SETTINGS, { server });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(SettingsError);
    expectPseudo(settingsRefusal(refused as SettingsError, t));
  });

  it('the account’s other words: signed out meanwhile, password not saved, demo failed', () => {
    const keychain = new KeychainError('Could not save', 'the keyring is locked');
    const notice = notSavedNotice(keychain, t);
    expect(notice).toContain('the keyring is locked');
    for (const text of [signedOutMeanwhile(t).error, notice, demoFailed('socket hang up', t)]) {
      expectPseudo(text);
    }
  });

  it('the settings file notices', () => {
    const path = '/home/ada/.config/Evo Voice Tray/settings.json';
    for (const problem of [
      { kind: 'reset', kept: path } as const,
      { kind: 'in-memory', path } as const,
    ]) {
      const notice = settingsFileNotice(problem, t);
      expect(notice).toContain(path);
      expectPseudo(notice);
    }
  });

  it('the OS’s refusals of a global shortcut', () => {
    for (const text of [
      shortcutRefusal('not-understood', 'Alt+Zed', '', t),
      shortcutRefusal('taken', 'Alt+Zed', '', t),
      shortcutRefusal('taken', 'Alt+Zed', 'Alt+Zed', t),
    ]) {
      expect(text).toContain('Alt+Zed');
      expectPseudo(text);
    }
  });

  it.each<[string, unknown]>([
    ['no number', 42],
    ['only layout', ' - '],
    ['letters', 'Zed Quist'],
    ['no digits', '*#'],
    ['too long', '1'.repeat(40)],
  ])('a call back refused: %s', (_, number) => {
    const checked = checkPhoneNumber(number, t);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expectPseudo(checked.error);
  });

  it.each<[string, SettingsPatch]>([
    ['not a number', { pollIntervalMs: Number.NaN }],
    ['out of range', { pollIntervalMs: 50 }],
    ['reminder out of range', { holdReminderMs: 5 }],
    ['not whole', { holdAlertDelayMs: 1000.5 }],
    ['too long a name', { username: 'a'.repeat(500) }],
    ['a shortcut with a control character', { globalShortcut: 'Ctrl+\u0001' }],
  ])('the settings refusal the window shows: %s', (_, patch) => {
    let refused: unknown;
    try {
      applySettingsPatch(DEFAULT_SETTINGS, patch);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(SettingsError);
    expectPseudo(settingsRefusal(refused as SettingsError, t));
  });

  it('server text that looks like a message (braces, #) is shown as it came, never parsed', () => {
    const name = "{count, plural, other {#}} O'Neil";
    const es = createTranslator('es');
    const s = named('x1', { fromName: name, fromAddress: undefined, toAddress: '{line}' });
    expect(describeRinging(s, es)).toEqual({
      title: 'Llamada entrante',
      body: `${name} → {line}`,
    });
    expect(wantedCards([s], es)[0]?.title).toBe(`${name} está llamando`);
  });
});

/** The API client's failures, made as the client makes them, for every kind of failure. */
const HOST = 'team.evovoice.io';
const answered = (status: number, statusText = '', headers: Record<string, string> = {}) => ({
  status,
  statusText,
  headers: new Headers(headers),
});
const said = (message: string) => ({ responseStatus: { message } });
const refusedUrl = (): EvoApiError => {
  try {
    parseServerUrl('ftp://team.evovoice.io');
  } catch (e) {
    return e as EvoApiError;
  }
  throw new Error('the address was accepted');
};
const FAILURES: Record<EvoErrorKind, EvoApiError[]> = {
  'rejected-credentials': [
    errorForStatus(
      answered(401, 'Unauthorized'),
      said('Invalid UserName or Password'),
      SIGNING_IN,
      NOW,
    ),
    errorForStatus(answered(401), undefined, SIGNING_IN, NOW),
    errorForStatus(answered(403, 'Forbidden'), undefined, SIGNING_IN, NOW),
    errorForStatus(answered(400), said('Account locked.'), SIGNING_IN, NOW),
    errorForStatus(answered(401), undefined, LISTING, NOW),
    errorForStatus(answered(401), said('Session expired'), LISTING, NOW),
    ...(
      [
        'not-signed-in',
        'session-not-kept',
        'sign-in-cancelled',
        'saved-password-rejected',
        'expired-no-password',
      ] as const
    ).map((reason) => new EvoApiError('rejected-credentials', 'English', { reason })),
  ],
  forbidden: [
    errorForStatus(answered(403, 'Forbidden'), undefined, LISTING, NOW),
    errorForStatus(answered(403), said('Account locked.'), ACTING, NOW),
  ],
  'not-found': [
    ...[
      SIGNING_IN,
      LISTING,
      LOOKING_UP,
      READING_HISTORY,
      READING_AGENT_STATE,
      SIGNING_OUT,
      ACTING,
    ].map((purpose) => errorForStatus(answered(404, 'Not Found'), undefined, purpose, NOW)),
  ],
  'rate-limited': [
    errorForStatus(answered(429, 'Too Many Requests'), undefined, LISTING, NOW),
    errorForStatus(answered(503, '', { 'retry-after': '5' }), undefined, LISTING, NOW),
    new EvoApiError('rate-limited', 'English', {
      retryAfterMs: 30 * 60_000,
      reason: 'too-many-sign-ins',
    }),
  ],
  server: [
    errorForStatus(
      answered(500, 'Internal Server Error'),
      said('The database is unavailable.'),
      LISTING,
      NOW,
    ),
    errorForStatus(answered(502), undefined, LISTING, NOW),
  ],
  network: [
    ...[
      'ECONNREFUSED',
      'ENOTFOUND',
      'EAI_AGAIN',
      'ECONNRESET',
      'UND_ERR_SOCKET',
      'ETIMEDOUT',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'UND_ERR_HEADERS_OVERFLOW',
      'UND_ERR_BODY_TIMEOUT',
      'CERT_HAS_EXPIRED',
      'EWEIRD',
    ].map((code) => errorForNetwork(new TypeError('fetch failed', { cause: { code } }), HOST)),
    errorForNetwork(new TypeError('fetch failed'), HOST),
  ],
  timeout: [errorForTimeout(HOST, 10_000)],
  'bad-response': [
    errorForStatus(answered(302, 'Found'), undefined, LISTING, NOW),
    errorForStatus(answered(400), said('Invalid UserName or Password'), ACTING, NOW),
    errorForStatus(answered(418), undefined, LISTING, NOW),
    notJson(),
    new EvoApiError('bad-response', 'English', { bodyLimitBytes: 64 * 1024 * 1024 }),
  ],
  'bad-server-url': [refusedUrl()],
  cancelled: [errorForCancel(HOST)],
};
/** What came from the server or the machine: its host, status words, messages, fault codes. */
const FAILURE_VALUES = new Set(
  [
    HOST,
    'Unauthorized Forbidden Not Found Too Many Requests Internal Server Error Found',
    'Invalid UserName or Password. Account locked. Session expired.',
    'The database is unavailable. EWEIRD',
    // Paths on the server, named as they are.
    '/sessions/my /portal/call-history /app/config',
  ].flatMap(wordsOf),
);

/** `onlyServerWords`: a call action refused with a message (400/409) says just the server's. */
function expectFailurePseudo(text: string, onlyServerWords = false): void {
  expect(englishIn(text, new Set([...ALLOWED, ...FAILURE_VALUES])), text).toEqual([]);
  if (!onlyServerWords) expect(text, 'rendered in the pseudo-locale').toMatch(/[áéîöû]/);
}

describe('the API client’s failures in the pseudo-locale', () => {
  it.each(Object.entries(FAILURES))(
    '%s: the sign-in form, the connection, a call action',
    (_, errors) => {
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expectFailurePseudo(signInFailure(error, t));
        expectFailurePseudo(unreachable(error, t).detail);
        for (const status of ['error', 'offline', 'too-large', 'signed-out'] as const) {
          const event = failureInLanguage(
            {
              event: 'connection',
              status,
              at: new Date(NOW).toISOString(),
              title: '',
              body: '',
              detail: error.message,
            },
            error,
            t,
          );
          expectFailurePseudo(`${event.detail ?? ''}\n${event.title}\n${event.body}`);
          // The tray's status line and tooltip show the detail the app state keeps.
          if (status === 'signed-out') continue;
          const state = inPseudo({ ...rich, connection: { status, detail: event.detail ?? '' } });
          expectFailurePseudo(trayTooltip(state));
          expectFailurePseudo(menuText(trayMenu(state, NOW, { timeZone: 'UTC' })));
        }
        const serverSaid = error.details.serverMessage !== undefined;
        const conflict = error.status === 400 || error.status === 409;
        expectFailurePseudo(actionFailureWords('hold', error, t), serverSaid && conflict);
      }
    },
  );

  it('the server’s own message and the host go in as they came', () => {
    const [rejected] = FAILURES['rejected-credentials'];
    const [refused] = FAILURES.network;
    if (rejected === undefined || refused === undefined) throw new Error('no examples');
    expect(signInFailure(rejected, t)).toContain('Invalid UserName or Password');
    expect(unreachable(refused, t).detail).toContain(HOST);
  });
});
