import { describe, expect, it } from 'vitest';
import { isEvoApiError } from '../../main/evo/api.js';
import { parseServerUrl } from '../../main/evo/server-url.js';

function credentialsUrl(input: string): string {
  return new URL('auth/credentials', parseServerUrl(input)).href;
}

function refusal(input: string): Error {
  try {
    parseServerUrl(input);
  } catch (e) {
    expect(isEvoApiError(e, 'bad-server-url')).toBe(true);
    return e as Error;
  }
  throw new Error(`parseServerUrl accepted ${input}`);
}

describe('the server address setting', () => {
  it.each([
    ['https://evovoice.io', 'https://evovoice.io/auth/credentials'],
    ['https://evovoice.io/', 'https://evovoice.io/auth/credentials'],
    ['https://evovoice.io///', 'https://evovoice.io/auth/credentials'],
    ['https://evovoice.io/api', 'https://evovoice.io/api/auth/credentials'],
    ['https://evovoice.io/api/', 'https://evovoice.io/api/auth/credentials'],
    ['  https://team.evovoice.io  ', 'https://team.evovoice.io/auth/credentials'],
    ['HTTPS://EvoVoice.IO', 'https://evovoice.io/auth/credentials'],
    [
      'https://evovoice.io:8443/api?format=xml#top',
      'https://evovoice.io:8443/api/auth/credentials',
    ],
  ])('%s sends sign-in to %s', (input, expected) => {
    expect(credentialsUrl(input)).toBe(expected);
  });

  it('reads a bare host name as https', () => {
    expect(credentialsUrl('evovoice.io')).toBe('https://evovoice.io/auth/credentials');
    expect(credentialsUrl('evovoice.io/api')).toBe('https://evovoice.io/api/auth/credentials');
    expect(credentialsUrl('localhost:8080')).toBe('https://localhost:8080/auth/credentials');
  });

  it.each([
    'http://127.0.0.1:4000',
    'http://127.5.6.7',
    'http://localhost:4000/',
    'http://[::1]:4000',
  ])('allows plain http to this machine: %s', (input) => {
    expect(parseServerUrl(input).protocol).toBe('http:');
  });

  it.each([
    'http://evovoice.io',
    'http://10.0.0.5',
    'http://128.0.0.1',
    'http://localhost.evil.io',
  ])('refuses plain http to another machine: %s', (input) => {
    expect(refusal(input).message).toMatch(/https:\/\//);
  });

  it('refuses other schemes', () => {
    expect(refusal('ftp://evovoice.io').message).toMatch(/must start with https/);
    expect(refusal('file:///etc/passwd').message).toMatch(/must start with https/);
  });

  it('refuses an empty setting, saying what to enter', () => {
    expect(refusal('   ').message).toMatch(/Enter the Evo Voice server address/);
  });

  it('refuses text that is not an address without repeating it', () => {
    const error = refusal('https://evo voice.io');
    expect(error.message).toMatch(/not a server address/);
    expect(error.message).not.toContain('evo voice');
  });

  it('refuses credentials in the address and never repeats them', () => {
    const error = refusal('https://ann:hunter2@evovoice.io');
    expect(error.message).toMatch(/sign-in form/);
    expect(error.message).not.toContain('hunter2');
  });
});
