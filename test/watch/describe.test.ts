import { describe, expect, it } from 'vitest';
import {
  describeAnswered,
  describeAnsweredElsewhere,
  describeConnection,
  describeEnded,
  describeHeld,
  describeMissed,
  describeRinging,
  formatDuration,
} from '../../main/watch/describe.js';
import { sentence } from '../../main/boundary/sentence.js';
import { call } from './decide-script.js';

const jane = call('s1');

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [5_000, '0:05'],
    [120_000, '2:00'],
    [754_000, '12:34'],
    [3_600_000, '1:00:00'],
    [3_725_000, '1:02:05'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('ringing', () => {
  it('names caller, line and customer', () => {
    expect(describeRinging(jane)).toEqual({
      title: 'Incoming call',
      body: 'Jane Doe (+15035550100) → Support Line · Acme Health',
    });
  });
  it('leaves out what is unknown', () => {
    expect(describeRinging({ id: 'x' })).toEqual({
      title: 'Incoming call',
      body: 'Unknown caller',
    });
    expect(describeRinging({ id: 'x', fromName: 'Jane Doe', endpointName: 'Main' }).body).toBe(
      'Jane Doe → Main',
    );
  });
  it('says chat or fax for those channels', () => {
    expect(describeRinging({ ...jane, channel: 'Chat' }).title).toBe('Incoming chat');
    expect(describeRinging({ ...jane, channel: 'Fax' }).title).toBe('Incoming fax');
  });
});

describe('held', () => {
  it('says how long and where', () => {
    expect(describeHeld({ ...jane, holdQueueName: 'Sales Hold' }, 120_000)).toEqual({
      title: 'On hold 2:00',
      body: 'Jane Doe (+15035550100) — Sales Hold',
    });
  });
  it('a hold that just started has no duration', () => {
    expect(describeHeld(jane, 0).title).toBe('On hold');
  });
  it('a transfer says transfer', () => {
    expect(
      describeHeld({ ...jane, holdQueueName: 'Sales Hold', holdReason: 'Transferring' }, 60_000)
        .body,
    ).toBe('Jane Doe (+15035550100) — Transfer waiting in Sales Hold');
    expect(describeHeld({ ...jane, holdReason: 'Transferring' }, 0).body).toBe(
      'Jane Doe (+15035550100) — Transfer waiting',
    );
  });
});

describe('outcomes', () => {
  it('missed names caller and line', () => {
    expect(describeMissed(jane)).toEqual({
      title: 'Missed call',
      body: 'Jane Doe (+15035550100) → Support Line',
    });
    expect(describeMissed({ ...jane, channel: 'Chat' }).title).toBe('Missed chat');
  });
  it('answered elsewhere names who answered', () => {
    expect(describeAnsweredElsewhere({ ...jane, answeredByName: 'Bob Ortiz' }).title).toBe(
      'Answered by Bob Ortiz',
    );
    expect(describeAnsweredElsewhere(jane).title).toBe('Answered elsewhere');
  });
  it('answered and ended are short', () => {
    expect(describeAnswered(jane)).toEqual({
      title: 'Call answered',
      body: 'Jane Doe (+15035550100)',
    });
    expect(describeEnded({ ...jane, channel: 'Chat' }).title).toBe('Chat ended');
  });
});

describe('connection', () => {
  it('says each status in words', () => {
    expect(describeConnection('online').title).toBe('Connected to Evo Voice');
    expect(describeConnection('offline').title).toBe('Offline — retrying');
    expect(describeConnection('error', 'HTTP 500').title).toBe('Evo Voice error: HTTP 500');
    expect(describeConnection('error', '').title).toBe('Evo Voice error: unknown error');
    expect(describeConnection('signed-out').title).toBe('Signed out — sign in again');
  });
});

describe('sentence', () => {
  it('ends a message with a full stop so another sentence can follow', () => {
    expect(sentence('Cannot reach evovoice.io: connection refused')).toBe(
      'Cannot reach evovoice.io: connection refused.',
    );
  });

  it('leaves a message that already ends a sentence as it is', () => {
    expect(sentence('Try again in a moment. ')).toBe('Try again in a moment.');
    expect(sentence('Is it down?')).toBe('Is it down?');
    expect(sentence('Retrying…')).toBe('Retrying…');
  });
});
