// The log's second line of defence: whatever a caller passes, no password, token or cookie
// reaches the log file. electron-log itself is replaced by a recorder (it needs Electron).
import { describe, expect, it, vi } from 'vitest';

const written = vi.hoisted(() => [] as [string, string][]);
const fake = vi.hoisted(() => ({
  hooks: [] as ((m: { data: unknown[] }) => { data: unknown[] })[],
  file: {
    level: 'silly',
    writeOptions: undefined as unknown,
    getFile: () => ({ path: '/nonexistent/main.log' }),
  },
}));
vi.mock('electron-log/main', () => {
  const at = (level: string) => (message: string) => void written.push([level, message]);
  return {
    default: {
      hooks: fake.hooks,
      transports: { file: fake.file },
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
    },
  };
});

const { electronLogger, scrubSecrets } = await import('../../main/electron/log.js');

describe('scrubSecrets', () => {
  it.each([
    ['{"password":"hunter2","userName":"ada"}', '{"password":[redacted],"userName":"ada"}'],
    ['{"Password": "two words"}', '{"Password": [redacted]}'],
    ['{"password":"with \\"quotes\\" inside"}', '{"password":[redacted]}'],
    [
      'userName=ada&password=hunter2&rememberMe=true',
      'userName=ada&password=[redacted]&rememberMe=true',
    ],
    ['password: hunter2', 'password: [redacted]'],
    [
      '{"bearerToken":"eyJabc.def","refreshToken":"r-123"}',
      '{"bearerToken":[redacted],"refreshToken":[redacted]}',
    ],
    ['{"sessionId":"Xy12Ab"}', '{"sessionId":[redacted]}'],
    [
      'sent ss-id=AbC123; ss-pid=DeF456; ss-opt=perm',
      'sent ss-id=[redacted]; ss-pid=[redacted]; ss-opt=perm',
    ],
    ['Cookie: X-UAId=1; ss-id=abc', 'Cookie: [redacted]'],
    ['set-cookie: ss-tok=zzz; path=/; httponly', 'set-cookie: [redacted]'],
    ['Authorization: Bearer eyJhbGciOi.payload.sig==', 'Authorization: Bearer [redacted]'],
  ])('%s', (input, expected) => {
    expect(scrubSecrets(input)).toBe(expected);
  });

  it('leaves an ordinary message alone', () => {
    const message = 'Poll failed (network): Cannot reach evovoice.io: connection refused';
    expect(scrubSecrets(message)).toBe(message);
  });

  it('scrubs several secrets in one message, across lines', () => {
    const message = 'POST /auth/credentials\npassword=pa55&x=1\nCookie: ss-id=abc\nok';
    const scrubbed = scrubSecrets(message);
    expect(scrubbed).not.toMatch(/pa55|abc/);
    expect(scrubbed.split('\n')).toEqual([
      'POST /auth/credentials',
      'password=[redacted]&x=1',
      'Cookie: [redacted]',
      'ok',
    ]);
  });
});

describe('electronLogger', () => {
  it('scrubs every level before it reaches electron-log', () => {
    const log = electronLogger();
    log.debug('password=a1');
    log.info('password=b2');
    log.warn('password=c3');
    log.error('password=d4');
    expect(written).toEqual([
      ['debug', 'password=[redacted]'],
      ['info', 'password=[redacted]'],
      ['warn', 'password=[redacted]'],
      ['error', 'password=[redacted]'],
    ]);
  });
});

describe('electron-log itself', () => {
  it('scrubs, by a hook, what others hand electron-log: strings and errors', () => {
    electronLogger();
    electronLogger();
    expect(fake.hooks).toHaveLength(1);
    const [hook] = fake.hooks;
    if (!hook) throw new Error('no hook');
    const error = new Error('echo {"password":"p4ss word"}');
    const out = hook({ data: ['Cookie: ss-id=abcdef123', error, 42] }).data;
    expect(out[0]).toBe('Cookie: [redacted]');
    expect((out[1] as Error).message).toBe('echo {"password":[redacted]}');
    expect((out[1] as Error).stack).not.toContain('p4ss');
    expect(out[2]).toBe(42);
  });

  it('creates the log file readable by the agent only', () => {
    electronLogger();
    expect(fake.file.writeOptions).toMatchObject({ mode: 0o600, flag: 'a' });
  });
});
