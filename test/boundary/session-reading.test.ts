import { describe, expect, it } from 'vitest';
import {
  wasAnswered,
  callerLabel,
  channelNoun,
  lineLabel,
  sessionPhase,
} from '../../main/boundary/session-reading.js';

describe('sessionPhase', () => {
  it.each([
    [{ callState: 'Ringing' }, 'ringing'],
    [{ queueState: 'Ringing' }, 'ringing'],
    [{ callState: 'Ringing', queueState: 'Queued' }, 'ringing'],
    [{ queueState: 'Queued' }, 'queued'],
    [{ callState: 'Connected', queueState: 'Queued' }, 'queued'],
    // The real server always sends callState; a queued call's is Disconnected.
    [{ callState: 'Disconnected', queueState: 'Queued' }, 'queued'],
    [{ callState: 'Hold' }, 'held'],
    [{ callState: 'Connected', queueState: 'Hold' }, 'held'],
    [{ callState: 'Connected' }, 'connected'],
    [{ queueState: 'Connected' }, 'connected'],
    [{ callState: 'Ringing', ended: true }, 'ended'],
    [{ callState: 'Hold', ended: true }, 'ended'],
    [{ callState: 'Passive' }, 'other'],
    [{ callState: 'Disconnected', queueState: 'None' }, 'other'],
    [{ callState: 'Warbling', queueState: 'Sideways' }, 'other'],
    [{}, 'other'],
  ] as const)('%j reads as %s', (states, phase) => {
    expect(sessionPhase(states)).toBe(phase);
  });
});

describe('callerLabel', () => {
  it('puts the number in parentheses after the name', () => {
    expect(callerLabel({ fromName: 'Jane Doe', fromAddress: '+15035550100' })).toBe(
      'Jane Doe (+15035550100)',
    );
  });
  it('falls back to the phone number field for the number', () => {
    expect(callerLabel({ fromName: 'Jane Doe', fromPhoneNumber: '+15035550100' })).toBe(
      'Jane Doe (+15035550100)',
    );
  });
  it('uses the name alone, or the number alone', () => {
    expect(callerLabel({ fromName: 'Jane Doe' })).toBe('Jane Doe');
    expect(callerLabel({ fromAddress: '+15035550100' })).toBe('+15035550100');
    expect(callerLabel({ fromPhoneNumber: '+15035550100' })).toBe('+15035550100');
  });
  it('does not repeat a name that is the number', () => {
    expect(callerLabel({ fromName: '+15035550100', fromAddress: '+15035550100' })).toBe(
      '+15035550100',
    );
  });
  it('says Unknown caller when nothing (or only blanks) is known', () => {
    expect(callerLabel({})).toBe('Unknown caller');
    expect(callerLabel({ fromName: '  ', fromAddress: '' })).toBe('Unknown caller');
  });
});

describe('lineLabel', () => {
  it('prefers the address called, then the endpoint name', () => {
    expect(lineLabel({ toAddress: 'Support Line', endpointName: 'Main' })).toBe('Support Line');
    expect(lineLabel({ endpointName: 'Main' })).toBe('Main');
    expect(lineLabel({})).toBeUndefined();
  });
});

describe('wasAnswered', () => {
  it('is true when someone is named as answering, or the call reached Connected', () => {
    expect(wasAnswered({ answeredByName: 'Bob Ortiz' })).toBe(true);
    expect(wasAnswered({ answeredById: 'ep-1' })).toBe(true);
    expect(wasAnswered({ callState: 'Connected' })).toBe(true);
    expect(wasAnswered({ queueState: 'Connected' })).toBe(true);
  });
  it('is false for a call that only rang or was disconnected', () => {
    expect(wasAnswered({ callState: 'Disconnected', answeredByName: '' })).toBe(false);
    expect(wasAnswered({ queueState: 'Ringing' })).toBe(false);
  });
});

describe('channelNoun', () => {
  it('calls voice and unknown channels a call', () => {
    expect(channelNoun({ channel: 'Chat' })).toBe('chat');
    expect(channelNoun({ channel: 'Fax' })).toBe('fax');
    expect(channelNoun({ channel: 'Voice' })).toBe('call');
    expect(channelNoun({ channel: 'Carrier pigeon' })).toBe('call');
    expect(channelNoun({})).toBe('call');
  });
});
