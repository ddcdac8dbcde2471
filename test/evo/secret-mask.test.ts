// The secret masker: a password or a token echoed back by a server in any encoding it plausibly
// writes (URL, form, HTML, JSON, base64, `Basic user:password`) is masked, and for random
// passwords the property holds through the client's whole error path (errorForStatus's quoting).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvoClient } from '../../main/evo/client.js';
import { createMasker, MASK } from '../../main/evo/secret-mask.js';
import { encodings } from './secret-encodings.js';

// Each run signs a client in: fewer runs than the pure fuzz suites (FUZZ_RUNS=n sets it).
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI === 'true' ? 2000 : 200));

describe('createMasker', () => {
  const password = 'p a/s+s&<w>\'"é✓';
  const mask = createMasker({ password, username: 'ann@example.com' });

  it.each(Object.entries(encodings(password, 'ann@example.com')))(
    'masks the password %s',
    (_, encoded) => {
      const out = mask(`The server said: [${encoded}] was wrong`);
      expect(out).toContain(MASK);
      expect(out).not.toContain(encoded);
      expect(out.startsWith('The server said: [')).toBe(true);
    },
  );

  it('masks a token in every encoding, and leaves text without secrets alone', () => {
    const token = 'eyJhbGciOi/JIUzI1+NiJ9.payload==';
    const tokenMask = createMasker({ tokens: [token] });
    for (const encoded of Object.values(encodings(token, 'x'))) {
      if (encoded.startsWith('Basic')) continue;
      expect(tokenMask(`token ${encoded} expired`)).not.toContain(encoded);
    }
    expect(tokenMask('Account locked.')).toBe('Account locked.');
  });

  it('masks the base64 of a password after a user name it does not know', () => {
    const masked = createMasker({ password: 'correct horse battery' });
    for (const user of ['a', 'ab', 'abc']) {
      const basic = Buffer.from(`${user}:correct horse battery`).toString('base64');
      const out = masked(basic);
      expect(out).toContain(MASK);
      // Left: the user name's groups, the one it shares with the password, the last partial one.
      const userGroups = Math.ceil((user.length + 1) / 3) * 4;
      expect(out.replace(MASK, '').length).toBeLessThanOrEqual(userGroups + 4);
      expect(out.length).toBeLessThan(basic.length - 12);
    }
  });

  it('does not mask a password under four characters (it would mangle ordinary words)', () => {
    expect(createMasker({ password: 'Evo' })('Evo Voice')).toBe('Evo Voice');
  });
});

const passwordChars = fc.constantFrom(...'abcXYZ019 /+&<>"\'%=:\\é✓ü😀\t'.split(/(?:)/u));
const passwords = fc
  .array(passwordChars, { minLength: 4, maxLength: 24 })
  .map((cs) => cs.join(''))
  .filter((p) => p.trim().length >= 4 && !/\s{2,}|^\s|\s$|\t/.test(p));

describe('no encoding of the password survives an error from the client', () => {
  it('a 403 at sign-in and a 500 on a call, quoting the password in any encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        passwords,
        fc.constantFrom(...Object.keys(encodings('x', 'y'))),
        fc.constantFrom(403, 500),
        async (password, kind, status) => {
          const encoded = encodings(password, 'ann')[kind] ?? '';
          let signedIn = false;
          const fetch = (async (url: URL) => {
            if (url.pathname === '/auth/status') return Response.json({ isAuthenticated: true });
            if (status === 500 && !signedIn) return ((signedIn = true), Response.json({}));
            return Response.json(
              { responseStatus: { message: `bad credentials ${encoded}` } },
              { status, statusText: /^[\x20-\x7e]*$/.test(encoded) ? `No ${encoded}` : 'No' },
            );
          }) as unknown as typeof globalThis.fetch;
          const api = createEvoClient({ fetch });
          const signing = api.signIn('https://evovoice.io', 'ann', password);
          const error = (await (status === 403
            ? signing.catch((e: unknown) => e)
            : signing.then(() => api.getMySessions()).catch((e: unknown) => e))) as Error & {
            details: { serverMessage?: string };
          };
          const text = `${error.message}\n${error.details.serverMessage ?? ''}\n${error.stack}`;
          expect(text).toContain(MASK);
          expect(text).not.toContain(encoded);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('no encoding of a token survives the masker', () => {
  it('for random tokens, every encoding inside any text', () => {
    fc.assert(
      fc.property(
        passwords,
        fc.constantFrom(...Object.keys(encodings('x', 'y')).filter((k) => !k.startsWith('basic'))),
        fc.string(),
        fc.string(),
        (token, kind, before, after) => {
          const encoded = encodings(token, 'ann')[kind] ?? '';
          const out = createMasker({ tokens: [token] })(`${before}${encoded}${after}`);
          expect(out).not.toContain(encoded);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });
});
