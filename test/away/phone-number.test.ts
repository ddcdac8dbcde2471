import { describe, expect, it } from 'vitest';
import { callBackNumberOf, checkPhoneNumber, telLink } from '../../main/away/phone-number.js';
import { externalLinkAllowed } from '../../main/electron/window-rules.js';

describe('the call-back number check', () => {
  it.each([
    ['+15035550100', '+15035550100'],
    ['+1 (503) 555-0100', '+15035550100'],
    ['503.555.0100', '5035550100'],
    ['*72', '*72'],
    ['1234#', '1234#'],
  ])('accepts %s as %s', (raw, number) => {
    expect(checkPhoneNumber(raw)).toEqual({ ok: true, number });
  });

  it.each([
    'sip:agent@example.com',
    'javascript:alert(1)',
    '+1503;ext=2',
    '12+34',
    '++1',
    'Jane Doe',
    '1503?x=1',
    '+',
    '',
    '   ',
    '1'.repeat(33),
  ])('refuses %j with a message', (raw) => {
    const checked = checkPhoneNumber(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(/^Cannot call back: /);
  });

  it('refuses what is not text', () => {
    expect(checkPhoneNumber(42).ok).toBe(false);
    expect(checkPhoneNumber(undefined).ok).toBe(false);
  });

  it('writes tel: links with # escaped, and refuses to write one for a non-number', () => {
    expect(telLink('+1 503 555 0100')).toBe('tel:+15035550100');
    expect(telLink('12#')).toBe('tel:12%23');
    expect(() => telLink('sip:x@y')).toThrow(/Cannot call back/);
  });

  it('the window may open tel: links of checked numbers only', () => {
    const server = 'https://evovoice.io';
    expect(externalLinkAllowed('tel:+15035550100', server)).toBe(true);
    expect(externalLinkAllowed('tel:12%23', server)).toBe(true);
    expect(externalLinkAllowed('tel:+1503;phone-context=x', server)).toBe(false);
    expect(externalLinkAllowed('tel:+1 503', server)).toBe(false);
    expect(externalLinkAllowed('tel:', server)).toBe(false);
    expect(externalLinkAllowed('sms:+15035550100', server)).toBe(false);
    expect(externalLinkAllowed('https://evovoice.io/x', server)).toBe(true);
  });

  it('finds the number of a call: callback number, phone number, then a dialable from-address', () => {
    expect(
      callBackNumberOf({ id: 'a', callbackNumber: '+1 503 555 0199', fromAddress: '+15035550100' }),
    ).toBe('+15035550199');
    expect(
      callBackNumberOf({ id: 'a', fromAddress: 'sip:x@y', fromPhoneNumber: '+15035550100' }),
    ).toBe('+15035550100');
    expect(callBackNumberOf({ id: 'a', fromAddress: 'client:alice' })).toBeUndefined();
  });
});
