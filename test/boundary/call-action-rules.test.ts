import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  agentCallSid,
  agentOf,
  isAllowed,
} from '../../main/boundary/call-action-rules.js';
import { actionRequest } from '../../main/call-actions/requests.js';
import { checkDestination, rememberDestination } from '../../main/boundary/transfer-destination.js';
import {
  isSilencedByAction,
  pruneDone,
  ACTION_QUIET_MS,
} from '../../main/call-actions/suppress.js';

const me = { userId: 'u-me', identity: 'agent-me', endpointId: 'ep-me' };

describe('the actions of a call, by its state', () => {
  it('a ringing incoming call can be declined, nothing else', () => {
    expect(actionsFor({ callState: 'Ringing' }, me)).toEqual(['decline']);
  });
  it('a connected call: hold, transfer, hang up', () => {
    expect(actionsFor({ callState: 'Connected' }, me)).toEqual(['hold', 'transfer', 'hangUp']);
  });
  it('a held call: resume, transfer, hang up', () => {
    expect(actionsFor({ callState: 'Hold', heldByUserId: 'u-me' }, me)).toEqual([
      'resume',
      'transfer',
      'hangUp',
    ]);
  });
  it('queued (callState Disconnected, as the server sends it) and ended calls have none', () => {
    expect(actionsFor({ callState: 'Disconnected', queueState: 'Queued' }, me)).toEqual([]);
    expect(actionsFor({ callState: 'Connected', ended: true }, me)).toEqual([]);
  });
  it("a call another agent answered or holds is not this agent's to act on", () => {
    expect(actionsFor({ callState: 'Connected', answeredById: 'u-other' }, me)).toEqual([]);
    expect(actionsFor({ callState: 'Hold', heldByUserId: 'u-other' }, me)).toEqual([]);
    expect(isAllowed({ callState: 'Connected', answeredById: 'u-me' }, me, 'hold')).toBe(true);
  });
  it('an action the state does not allow is refused', () => {
    expect(isAllowed({ callState: 'Ringing' }, me, 'hangUp')).toBe(false);
    expect(isAllowed({ callState: 'Connected' }, me, 'resume')).toBe(false);
  });
});

describe('whose call it is (answeredById names an endpoint, not always the user id)', () => {
  const connected = { callState: 'Connected' } as const;
  const ALL = ['hold', 'transfer', 'hangUp'];
  it("answered by the agent's endpoint id, which is not their user id: the agent's", () => {
    expect(actionsFor({ ...connected, answeredById: 'ep-me' }, me)).toEqual(ALL);
  });
  it("answered by the agent's user id: the agent's", () => {
    expect(actionsFor({ ...connected, answeredById: 'u-me' }, me)).toEqual(ALL);
  });
  it('an Agent member who is this agent (identity or endpoint) makes it theirs', () => {
    const byIdentity = [{ role: 'Agent' as const, identity: 'agent-me' }];
    const byEndpoint = [{ role: 'Agent' as const, endpointId: 'ep-me' }];
    expect(actionsFor({ ...connected, answeredById: 'x', members: byIdentity }, me)).toEqual(ALL);
    expect(actionsFor({ ...connected, answeredById: 'x', members: byEndpoint }, me)).toEqual(ALL);
  });
  it('answered by an id that is neither of the agent: someone else’s', () => {
    expect(actionsFor({ ...connected, answeredById: 'ep-other' }, me)).toEqual([]);
  });
  it('only Agent members who are someone else: someone else’s', () => {
    const members = [
      { role: 'Caller' as const, identity: 'agent-me' },
      { role: 'Agent' as const, identity: 'agent-other', endpointId: 'ep-other' },
    ];
    expect(actionsFor({ ...connected, members }, me)).toEqual([]);
  });
  it('cannot tell (endpoint id not read yet, no answering id, no Agent member): offered', () => {
    const notRead = { userId: 'u-me' };
    expect(actionsFor({ ...connected, answeredById: 'ep-me' }, notRead)).toEqual(ALL);
    expect(actionsFor(connected, me)).toEqual(ALL);
    const stranger = [{ role: 'Agent' as const, identity: 'agent-other' }];
    expect(actionsFor({ ...connected, members: stranger }, notRead)).toEqual(ALL);
  });
  it('the app state gives the user id and the /app/config ids', () => {
    const state = {
      account: {
        status: 'signed-in' as const,
        keychain: 'available' as const,
        user: { name: 'Me', id: 'u-me' },
      },
      agent: {
        state: 'Ready',
        reason: 'SetByUser',
        words: 'Ready',
        at: 0,
        identity: 'agent-me',
        endpointId: 'ep-me',
      },
    };
    expect(agentOf(state)).toEqual(me);
    expect(agentOf({ account: state.account })).toEqual({ userId: 'u-me' });
  });
});

describe("the agent's callSid", () => {
  const members = [
    { role: 'Caller', identity: 'agent-me', callSid: 'CA-caller' },
    { role: 'Agent', identity: 'agent-other', callSid: 'CA-other' },
    { role: 'Agent', endpointId: 'ep-me', callSid: 'CA-mine' },
  ];
  it('is the Agent member who is this agent (identity or endpoint)', () => {
    expect(agentCallSid({ members, callSid: 'CA-session' }, me)).toBe('CA-mine');
    expect(agentCallSid({ members, callSid: 'CA-session' }, { identity: 'agent-other' })).toBe(
      'CA-other',
    );
  });
  it("else the session's callSid, else unknown", () => {
    expect(agentCallSid({ members, callSid: 'CA-session' }, { identity: 'nobody' })).toBe(
      'CA-session',
    );
    expect(agentCallSid({ members: [] }, me)).toBeUndefined();
  });
});

describe('the request of each action', () => {
  const call = { id: 'S 1', callSid: 'CA-session' };
  it('decline, hold, resume, transfer and hang up', () => {
    expect(actionRequest(call, 'decline', me)).toEqual({
      ok: true,
      request: { method: 'POST', path: '/sessions/S%201/reject' },
    });
    expect(actionRequest(call, 'hold', me)).toMatchObject({
      request: { method: 'POST', path: '/sessions/S%201/hold', body: { callSid: 'CA-session' } },
    });
    expect(actionRequest(call, 'resume', me)).toMatchObject({
      request: { method: 'PATCH', body: { callState: 'Connected' } },
    });
    expect(actionRequest(call, 'transfer', me, '+1 (503) 555-0100')).toMatchObject({
      request: { path: '/sessions/S%201/redirect', body: { destination: '+15035550100' } },
    });
    expect(actionRequest(call, 'hangUp', me)).toMatchObject({
      request: { method: 'DELETE', query: { callSid: 'CA-session' } },
    });
  });
  it('hold without a known callSid and transfer without a destination are refused in words', () => {
    expect(actionRequest({ id: 's' }, 'hold', me)).toMatchObject({ ok: false });
    expect(actionRequest(call, 'transfer', me, ' ')).toMatchObject({ ok: false });
  });
});

describe('transfer destinations', () => {
  it('numbers, extensions and SIP addresses pass; anything else is refused', () => {
    expect(checkDestination('204')).toEqual({ ok: true, value: '204' });
    expect(checkDestination('sip:desk@pbx.example.com')).toMatchObject({ ok: true });
    expect(checkDestination('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(checkDestination('1&2')).toMatchObject({ ok: false });
  });
  it('the last five used, newest first, no repeats', () => {
    const recent = ['1', '2', '3', '4', '5'];
    expect(rememberDestination(recent, '3')).toEqual(['3', '1', '2', '4', '5']);
    expect(rememberDestination(recent, '6')).toEqual(['6', '1', '2', '3', '4']);
  });
});

describe("the agent's own action is not news", () => {
  const done = [{ sessionId: 's1', action: 'decline' as const, at: 0 }];
  it('a declined call is not reported missed or answered elsewhere, for a while', () => {
    expect(isSilencedByAction(done, { event: 'missed', sessionId: 's1' }, 1000)).toBe(true);
    expect(isSilencedByAction(done, { event: 'answered-elsewhere', sessionId: 's1' }, 1000)).toBe(
      true,
    );
    expect(isSilencedByAction(done, { event: 'missed', sessionId: 's2' }, 1000)).toBe(false);
    expect(
      isSilencedByAction(done, { event: 'missed', sessionId: 's1' }, ACTION_QUIET_MS + 1),
    ).toBe(false);
  });
  it('a held call is not "held" news; a new ring of the same call still rings', () => {
    const held = [{ sessionId: 's1', action: 'hold' as const, at: 0 }];
    expect(isSilencedByAction(held, { event: 'held', sessionId: 's1' }, 10)).toBe(true);
    expect(isSilencedByAction(held, { event: 'ringing', sessionId: 's1' }, 10)).toBe(false);
    expect(pruneDone(held, ACTION_QUIET_MS + 1)).toEqual([]);
  });
});
