import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import type { Settings } from '../../main/boundary/contract.js';
import {
  applyPatch,
  effectiveSettings,
  enforcedKeys,
  mayRememberPassword,
} from '../../main/policy/apply.js';
import type { Policy } from '../../main/policy/document.js';
import { applySettingsPatch } from '../../main/settings/index.js';

const policy: Policy = {
  defaults: {
    server: 'https://team.evovoice.io',
    ringVolume: 0.5,
    alerts: { held: false },
    screenPop: { url: 'https://crm.example.com/?q={from}' },
  },
  enforced: {
    checkForUpdates: false,
    alerts: { ringing: true },
    screenPop: { when: 'answered' },
  },
};

describe('effectiveSettings', () => {
  it('applies a default where the agent has not chosen, and keeps their choice elsewhere', () => {
    const stored: Settings = { ...DEFAULT_SETTINGS, ringVolume: 0.2 };
    const settings = effectiveSettings(stored, policy);
    expect(settings.server).toBe('https://team.evovoice.io');
    expect(settings.ringVolume).toBe(0.2);
    expect(settings.alerts.held).toBe(false);
    expect(settings.screenPop.url).toBe('https://crm.example.com/?q={from}');
  });

  it('always applies what is enforced, over the agent’s choice', () => {
    const stored: Settings = {
      ...DEFAULT_SETTINGS,
      checkForUpdates: true,
      alerts: { ...DEFAULT_SETTINGS.alerts, ringing: false },
      screenPop: { url: 'https://mine.example.com', when: 'ringing' },
    };
    const settings = effectiveSettings(stored, policy);
    expect(settings.checkForUpdates).toBe(false);
    expect(settings.alerts.ringing).toBe(true);
    expect(settings.screenPop).toEqual({ url: 'https://mine.example.com', when: 'answered' });
    expect(stored.alerts.ringing).toBe(false);
  });

  it('is the stored settings without a policy', () => {
    const stored: Settings = { ...DEFAULT_SETTINGS, sound: false };
    expect(effectiveSettings(stored, undefined)).toBe(stored);
  });
});

describe('enforcedKeys', () => {
  it('lists the enforced keys, dotted for a field of alerts or screenPop', () => {
    expect(enforcedKeys(policy)).toEqual(['checkForUpdates', 'alerts.ringing', 'screenPop.when']);
    expect(enforcedKeys(undefined)).toEqual([]);
  });
});

describe('applyPatch', () => {
  it('takes out what is enforced and keeps the rest of the patch', () => {
    expect(
      applyPatch(
        {
          checkForUpdates: true,
          sound: false,
          alerts: { ringing: false, missed: false },
          screenPop: { when: 'ringing' },
        },
        policy,
      ),
    ).toEqual({ sound: false, alerts: { missed: false } });
  });

  it('so updateSettings never changes an enforced key and resolves with the enforced value', () => {
    const stored = DEFAULT_SETTINGS;
    const patch = { checkForUpdates: true, ringVolume: 0.1 };
    const next = effectiveSettings(applySettingsPatch(stored, applyPatch(patch, policy)), policy);
    expect(next.checkForUpdates).toBe(false);
    expect(next.ringVolume).toBe(0.1);
  });

  it('leaves a patch it cannot read for the settings validation to refuse', () => {
    expect(applyPatch('nonsense', policy)).toBe('nonsense');
    const sneaky = applyPatch(JSON.parse('{"__proto__": {"sound": false}}') as unknown, policy);
    expect(Object.keys(sneaky as object)).toEqual(['__proto__']);
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, sneaky)).toThrow(/Unknown setting/);
  });
});

describe('mayRememberPassword', () => {
  it('is false only when the policy says false', () => {
    expect(mayRememberPassword(undefined)).toBe(true);
    expect(mayRememberPassword(policy)).toBe(true);
    expect(mayRememberPassword({ ...policy, allowRememberPassword: false })).toBe(false);
  });
});
