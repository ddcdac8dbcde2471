import { describe, expect, it } from 'vitest';
import { readPolicyDocument } from '../../main/policy/document.js';

describe('readPolicyDocument', () => {
  it('reads defaults, enforced and the policy-only keys', () => {
    const reading = readPolicyDocument({
      defaults: { server: 'https://team.evovoice.io/', alerts: { held: false } },
      enforced: {
        checkForUpdates: false,
        screenPop: { url: 'https://crm.example.com/?q={fromDigits}', when: 'answered' },
      },
      allowedScreenPopOrigins: ['https://crm.example.com/', 'http://localhost:3000'],
      allowRememberPassword: false,
    });
    expect(reading).toEqual({
      refusals: [],
      policy: {
        defaults: { server: 'https://team.evovoice.io', alerts: { held: false } },
        enforced: {
          checkForUpdates: false,
          screenPop: { url: 'https://crm.example.com/?q={fromDigits}', when: 'answered' },
        },
        allowedScreenPopOrigins: ['https://crm.example.com', 'http://localhost:3000'],
        allowRememberPassword: false,
      },
    });
  });

  it('is no policy when there is nothing', () => {
    expect(readPolicyDocument(undefined)).toEqual({ refusals: [] });
    expect(readPolicyDocument(null)).toEqual({ refusals: [] });
  });

  it('refuses each invalid key with a message and keeps the rest', () => {
    const { policy, refusals } = readPolicyDocument({
      defaults: { pollIntervalMs: 10, sound: false, theme: 'dark' },
      enforced: {
        alerts: { ringing: 'yes', missed: true, voicemail: true },
        screenPop: { when: 'often' },
        windowBounds: null,
      },
      allowRememberPassword: 'no',
      color: 'blue',
    });
    expect(policy).toEqual({
      defaults: { sound: false },
      enforced: { alerts: { missed: true } },
    });
    expect(refusals).toHaveLength(8);
    expect(refusals.join('\n')).toMatch(/defaults\.pollIntervalMs: Poll interval must be/);
    expect(refusals.join('\n')).toMatch(/defaults\.theme is not a setting a policy can set/);
    expect(refusals.join('\n')).toMatch(
      /enforced\.alerts\.ringing: Ringing call alerts must be on or off/,
    );
    expect(refusals.join('\n')).toMatch(/enforced\.alerts\.voicemail is unknown/);
    expect(refusals.join('\n')).toMatch(
      /enforced\.screenPop\.when: Open the screen pop must be one of/,
    );
    expect(refusals.join('\n')).toMatch(/enforced\.windowBounds is not a setting a policy can set/);
    expect(refusals.join('\n')).toMatch(/allowRememberPassword must be true or false/);
    expect(readPolicyDocument({ color: 'blue' }).refusals[0]).toMatch(/"color" is unknown/);
  });

  it('ignores a part that is not an object, and a document that is not one', () => {
    expect(readPolicyDocument({ enforced: '{"sound":false}', defaults: { sound: false } })).toEqual(
      {
        policy: { defaults: { sound: false }, enforced: {} },
        refusals: ['Policy enforced must be an object of settings; it is ignored.'],
      },
    );
    const notObject = readPolicyDocument([1, 2]);
    expect(notObject.policy).toBeUndefined();
    expect(notObject.refusals).toEqual([
      'The policy is not an object of keys and values; it is ignored.',
    ]);
  });

  it('drops a bad origin, and allows none when the list is not a list (fails closed)', () => {
    const some = readPolicyDocument({
      allowedScreenPopOrigins: [
        'https://crm.example.com',
        'https://crm.example.com/path',
        'http://crm.example.com',
        'ftp://files.example.com',
        'https://user@crm.example.com',
        42,
      ],
    });
    expect(some.policy?.allowedScreenPopOrigins).toEqual(['https://crm.example.com']);
    expect(some.refusals).toHaveLength(5);
    const none = readPolicyDocument({ allowedScreenPopOrigins: 'https://crm.example.com' });
    expect(none.policy?.allowedScreenPopOrigins).toEqual([]);
    expect(none.refusals[0]).toMatch(/no screen pop opens/);
  });

  it('keeps a "__proto__" key as data, refused like any unknown setting', () => {
    const { policy, refusals } = readPolicyDocument(
      JSON.parse('{"enforced": {"__proto__": {"sound": false}, "openAtLogin": true}}'),
    );
    expect(policy?.enforced).toEqual({ openAtLogin: true });
    expect(Object.getPrototypeOf(policy?.enforced)).toBe(Object.prototype);
    expect(refusals).toHaveLength(1);
  });
});
