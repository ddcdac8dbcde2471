import { describe, expect, it } from 'vitest';
import {
  errorForNetwork,
  errorForStatus,
  parseRetryAfter,
  serverMessageOf,
} from '../../main/evo/http-errors.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function withCode(code: string): Error {
  return Object.assign(new Error(`connect ${code}`), { code });
}

describe('Retry-After', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date as the time left, never negative', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it('has nothing to say when the header is missing or unreadable', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });
});

describe('network failures in plain words', () => {
  it.each([
    ['ECONNREFUSED', 'connection refused'],
    ['ENOTFOUND', 'server name not found'],
    ['ECONNRESET', 'the connection was reset'],
    ['UND_ERR_SOCKET', 'the connection was closed by the server'],
    ['ENETUNREACH', 'this computer is offline'],
    ['CERT_HAS_EXPIRED', 'its security certificate is not trusted'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'its security certificate is not trusted'],
  ])('%s reads "%s"', (code, words) => {
    const error = errorForNetwork(fetchFailed(withCode(code)), 'evovoice.io');
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`Cannot reach evovoice.io: ${words}.`);
  });

  it('finds the code inside a dual-stack AggregateError', () => {
    const both = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]);
    expect(errorForNetwork(fetchFailed(both), 'localhost:9').message).toBe(
      'Cannot reach localhost:9: connection refused.',
    );
  });

  it('still says something when there is no code', () => {
    expect(errorForNetwork(new TypeError('fetch failed'), 'evovoice.io').message).toBe(
      'Cannot reach evovoice.io: the network failed.',
    );
  });
});

describe('the server message of a ServiceStack error', () => {
  it('is read in either casing', () => {
    expect(serverMessageOf({ responseStatus: { message: 'Invalid Role' } })).toBe('Invalid Role');
    expect(serverMessageOf({ ResponseStatus: { Message: 'Invalid Role' } })).toBe('Invalid Role');
  });

  it('is absent from anything else', () => {
    expect(serverMessageOf('<html>500</html>')).toBeUndefined();
    expect(serverMessageOf({ responseStatus: { message: 5 } })).toBeUndefined();
    expect(serverMessageOf({ responseStatus: { message: '  ' } })).toBeUndefined();
  });
});

describe('error answers in one sentence', () => {
  const answer = (status: number) => ({
    status,
    statusText: 'Server Error',
    headers: new Headers(),
  });
  const purpose = { name: 'looking-up', signingIn: false, notFound: 'That call is gone.' } as const;

  it("ends the sentence once when the server's own message ends with a full stop", () => {
    const body = { responseStatus: { message: 'The database is unavailable.' } };
    const error = errorForStatus(answer(500), body, purpose, NOW);
    expect(error.message).toBe(
      'Evo Voice had a problem (500 Server Error): The database is unavailable. Try again in a moment.',
    );
    expect(error.details.serverMessage).toBe('The database is unavailable.');
  });
});
