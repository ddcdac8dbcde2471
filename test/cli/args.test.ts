import { describe, expect, it } from 'vitest';
import { parseWatchArgs } from '../../main/cli/args.js';

const account = ['--server', 'https://evovoice.io', '--user', 'agent@example.com'];

describe('watch arguments', () => {
  it('takes the server, the user and the defaults', () => {
    expect(parseWatchArgs(account)).toEqual({
      kind: 'watch',
      args: {
        account: { server: 'https://evovoice.io/', username: 'agent@example.com' },
        timing: {
          pollIntervalMs: 3000,
          ringingIntervalMs: 1000,
          holdAlertDelayMs: 0,
          holdReminderMs: 120_000,
        },
        stateDir: undefined,
        requestTimeoutMs: undefined,
        demo: false,
      },
    });
  });

  it('reads every timing option and the state directory', () => {
    const parsed = parseWatchArgs([
      ...account,
      ...['--interval-ms', '100', '--hold-alert-ms', '0', '--hold-reminder-ms', '500'],
      ...['--ringing-interval-ms', '750'],
      ...['--state-dir', '/tmp/evo', '--request-timeout-ms', '2500'],
    ]);
    expect(parsed).toMatchObject({
      kind: 'watch',
      args: {
        timing: {
          pollIntervalMs: 100,
          ringingIntervalMs: 750,
          holdAlertDelayMs: 0,
          holdReminderMs: 500,
        },
        stateDir: '/tmp/evo',
        requestTimeoutMs: 2500,
      },
    });
  });

  it('polls every second in the demo unless told otherwise', () => {
    expect(parseWatchArgs(['--demo'])).toMatchObject({
      kind: 'watch',
      args: { demo: true, timing: { pollIntervalMs: 1000 } },
    });
    expect(parseWatchArgs(['--demo', '--interval-ms', '250'])).toMatchObject({
      args: { timing: { pollIntervalMs: 250 } },
    });
  });

  it('takes a bare host as https, and keeps a base path', () => {
    const server = (text: string) => {
      const parsed = parseWatchArgs(['--server', text, '--user', 'a@b.c']);
      return parsed.kind === 'watch' ? parsed.args.account?.server : parsed;
    };
    expect(server('evovoice.io')).toBe('https://evovoice.io/');
    expect(server('https://evovoice.io/api')).toBe('https://evovoice.io/api/');
    expect(server('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/');
  });

  it('asks for help', () => {
    expect(parseWatchArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], '--server is required'],
    [['--server', 'https://evovoice.io'], '--user is required'],
    [
      ['--server', 'http://example.com', '--user', 'a@b.c'],
      '--server: The server address must start with https://',
    ],
    [
      ['--server', 'ftp://evovoice.io', '--user', 'a@b.c'],
      '--server: The server address must start with https://, not ftp://',
    ],
    [['--server', 'not a url', '--user', 'a@b.c'], '--server: That is not a server address.'],
    [['--server', 'https://me:pw@evovoice.io', '--user', 'a@b.c'], 'not in the server address'],
    [['--server', ' ', '--user', 'a@b.c'], '--server: Enter the Evo Voice server address'],
    [[...account, '--interval-ms', 'soon'], '--interval-ms must be a whole number'],
    [[...account, '--interval-ms', '99'], 'from 100 to 3600000'],
    [[...account, '--interval-ms', '1.5'], '--interval-ms must be a whole number'],
    [[...account, '--ringing-interval-ms', '499'], 'from 500 to 3600000'],
    [[...account, '--interval-ms=-3'], '--interval-ms must be a whole number'],
    [[...account, '--hold-reminder-ms', '1e9'], '--hold-reminder-ms must be a whole number'],
    [[...account, '--hold-alert-ms', '86400001'], '--hold-alert-ms must be a whole number'],
    [[...account, '--state-dir', ''], '--state-dir must name a directory'],
    [[...account, '--verbose'], "Unknown option '--verbose'"],
    [[...account, 'extra'], 'extra'],
    [['--demo', '--server', 'https://evovoice.io'], 'leave out --server and --user'],
    [['--demo', '--lang', 'xx'], '--lang must be one of en, es, pt-BR, fr, de (not "xx")'],
    [['--demo', '--lang', ''], '--lang must be one of'],
  ])('rejects %j with a message the agent can act on', (argv, message) => {
    const parsed = parseWatchArgs(argv);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toContain(message);
  });

  it('takes --lang for the language of titles and bodies; English when absent', () => {
    const de = parseWatchArgs(['--demo', '--lang', 'de']);
    expect(de.kind === 'watch' && de.args.language).toBe('de');
    const pt = parseWatchArgs(['--demo', '--lang', 'pt-BR']);
    expect(pt.kind === 'watch' && pt.args.language).toBe('pt-BR');
    const none = parseWatchArgs(['--demo']);
    expect(none.kind === 'watch' && none.args.language).toBeUndefined();
  });
});
