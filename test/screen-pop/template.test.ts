import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import { screenPopAddress } from '../../main/screen-pop/address.js';
import { PLACEHOLDERS, checkTemplate, fillTemplate } from '../../main/screen-pop/template.js';
import { sampleSession } from '../../main/screen-pop/when.js';

const call: Session = {
  id: 'sess/1',
  fromAddress: '+1 (503) 555-0100',
  fromPhoneNumber: '+15035550111',
  callbackNumber: '+15035550122',
  fromName: 'Jane & John Doe',
  toAddress: '+15035550199',
  endpointName: 'Support line',
  customerName: 'Acme?Co',
  customerId: 'cust#1',
  accountId: 'acc 1',
  callSid: 'CA123',
  holdQueueName: 'Billing hold',
  ringQueueId: 'rq-1',
  direction: 'Incoming',
};

describe('checkTemplate', () => {
  it('lists the placeholders a template uses, each once', () => {
    expect(checkTemplate('https://crm.example.com/?q={from}&n={fromName}&again={from}')).toEqual({
      ok: true,
      placeholders: ['from', 'fromName'],
    });
    expect(checkTemplate('https://crm.example.com/')).toEqual({ ok: true, placeholders: [] });
  });

  it('knows every placeholder of the issue', () => {
    const all = PLACEHOLDERS.map((p) => `{${p}}`).join('/');
    expect(checkTemplate(`https://crm.example.com/${all}`)).toMatchObject({ ok: true });
    expect(PLACEHOLDERS).toHaveLength(12);
  });

  it('names an unknown placeholder in the agent’s words', () => {
    const check = checkTemplate('https://crm.example.com/?q={caller}');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toMatch(/uses \{caller\}, which is not a placeholder/);
    expect(!check.ok && check.error).toContain('{fromDigits}');
  });

  it.each(['https://crm.example.com/{from', 'https://crm.example.com/from}', '{{from}}'])(
    'refuses a brace outside a placeholder: %s',
    (template) => {
      expect(checkTemplate(template)).toMatchObject({ ok: false });
    },
  );
});

describe('fillTemplate', () => {
  it('puts each value URL-encoded where its placeholder is', () => {
    expect(
      fillTemplate(
        'https://crm.example.com/c/{customerId}?from={from}&d={fromDigits}&n={fromName}' +
          '&to={to}&line={line}&cn={customerName}&a={accountId}&s={sessionId}&sid={callSid}' +
          '&q={queue}&dir={direction}',
        call,
      ),
    ).toBe(
      'https://crm.example.com/c/cust%231?from=%2B1%20(503)%20555-0100&d=%2B15035550100' +
        '&n=Jane%20%26%20John%20Doe&to=%2B15035550199&line=Support%20line&cn=Acme%3FCo' +
        '&a=acc%201&s=sess%2F1&sid=CA123&q=Billing%20hold&dir=Incoming',
    );
  });

  it('takes the caller from fromAddress, else fromPhoneNumber, else callbackNumber', () => {
    const t = '{from}|{fromDigits}';
    expect(fillTemplate(t, { ...call, fromAddress: undefined })).toBe(
      '%2B15035550111|%2B15035550111',
    );
    expect(fillTemplate(t, { id: 'x', callbackNumber: '503.555.0122' })).toBe(
      '503.555.0122|5035550122',
    );
    expect(fillTemplate(t, { id: 'x' })).toBe('|');
  });

  it('takes the ring queue when the call is not held', () => {
    expect(fillTemplate('{queue}', { ...call, holdQueueName: undefined })).toBe('rq-1');
  });

  it('fills nothing for an invalid template', () => {
    expect(fillTemplate('https://x.example/{nope}', call)).toBeNull();
  });

  it('never lets a value change the address’s host or path', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, customer) => {
        const url = fillTemplate('https://crm.example.com/find/{fromName}?c={customerName}', {
          id: 'x',
          fromName: name,
          customerName: customer,
        });
        const parsed = new URL(url ?? '');
        expect(parsed.origin).toBe('https://crm.example.com');
        expect(parsed.pathname.split('/')).toHaveLength(3);
        expect([...parsed.searchParams.keys()]).toEqual(['c']);
      }),
    );
  });
});

describe('screenPopAddress (a call, or the Test button’s sample)', () => {
  it('fills the sample call for the Test button and shows the URL that would open', () => {
    expect(screenPopAddress('https://crm.example.com/?p={fromDigits}', sampleSession)).toEqual({
      ok: true,
      url: 'https://crm.example.com/?p=%2B15035550100',
    });
  });

  it('says why nothing opens: no address, an unknown placeholder, a refused target', () => {
    expect(screenPopAddress('', call)).toMatchObject({ ok: false, error: /No screen pop/ });
    expect(screenPopAddress('https://x.example/{nope}', call)).toMatchObject({
      ok: false,
      error: /\{nope\}/,
    });
    expect(screenPopAddress('http://crm.example.com/{from}', call)).toMatchObject({
      ok: false,
      error: /https:\/\//,
    });
    expect(
      screenPopAddress('https://crm.example.com/{from}', call, ['https://other.example']),
    ).toMatchObject({
      ok: false,
      error: /does not allow screen pops to https:\/\/crm.example.com/,
    });
  });
});
