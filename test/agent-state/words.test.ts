import { describe, expect, it } from 'vitest';
import { initialAppState } from '../../main/app/app-state.js';
import { trayIconFile, trayLook, trayTooltip } from '../../main/app/tray-look.js';
import { trayMenu } from '../../main/app/tray-menu.js';
import {
  agentStateView,
  agentStateWords,
  notReadyAfterMissedCall,
  takesNoCalls,
} from '../../main/agent-state/words.js';
import { parseAgentState } from '../../main/evo/app-config.js';
import { DEFAULT_SETTINGS, type AppState } from '../../main/boundary/contract.js';

const NOW = Date.parse('2026-12-04T09:00:00Z');

describe('the agent state in words', () => {
  it.each([
    ['Ready', 'SetByUser', 'Ready'],
    ['NotReady', 'MissedCall', 'Not ready — after a missed call'],
    ['NotReady', 'SetByUser', 'Not ready'],
    ['NotReady', 'SetBySystem', 'Not ready — set by Evo Voice'],
    ['WrapUp', 'Unknown', 'Wrap-up'],
    ['LoggedOut', 'SetBySystem', 'Logged out'],
    ['Outgoing', 'Unknown', 'On an outgoing call'],
    ['Unknown', 'Unknown', ''],
    ['OnBreak', 'Unknown', 'OnBreak'],
  ])('%s (%s) → %j', (state, reason, words) => {
    expect(agentStateWords({ state, reason })).toBe(words);
  });

  it('one card when the platform newly sets the agent Not ready after a missed call', () => {
    const notReady = { state: 'NotReady', reason: 'MissedCall' };
    expect(notReadyAfterMissedCall(undefined, notReady)).toBe(true);
    const ready = agentStateView({ state: 'Ready', reason: 'SetByUser' }, NOW);
    expect(notReadyAfterMissedCall(ready, notReady)).toBe(true);
    expect(notReadyAfterMissedCall(agentStateView(notReady, NOW), notReady)).toBe(false);
    expect(notReadyAfterMissedCall(ready, { state: 'NotReady', reason: 'SetByUser' })).toBe(false);
  });
});

describe('the tray shows it', () => {
  const signedIn = (state: string, reason: string): AppState => ({
    ...initialAppState(DEFAULT_SETTINGS, 'available'),
    account: {
      status: 'signed-in',
      server: 'https://evo.test',
      user: { name: 'Alex' },
      keychain: 'available',
    },
    connection: { status: 'online', lastPollAt: NOW },
    agent: agentStateView({ state, reason }, NOW),
  });

  it('Not ready: the not-ready idle icon, the tooltip and the menu header', () => {
    const state = signedIn('NotReady', 'MissedCall');
    expect(takesNoCalls(state.agent)).toBe(true);
    expect(trayIconFile(trayLook(state))).toBe('not-ready');
    expect(trayTooltip(state)).toBe('Evo Voice · Not ready — after a missed call · no calls');
    expect(trayMenu(state, NOW)[0]).toEqual({
      kind: 'label',
      label: 'Not ready — after a missed call',
    });
  });

  it('Ready: the ordinary idle icon; a ring still wins over Not ready', () => {
    expect(trayIconFile(trayLook(signedIn('Ready', 'SetByUser')))).toBe('idle');
    expect(trayTooltip(signedIn('WrapUp', 'Unknown'))).toContain('Wrap-up');
    const ringing = {
      ...signedIn('NotReady', 'SetByUser'),
      sessions: [{ id: 'r', callState: 'Ringing' }],
    };
    expect(trayLook(ringing).icon).toBe('ringing');
  });

  it('signed out, the state is not shown', () => {
    const state = {
      ...signedIn('Ready', 'SetByUser'),
      account: { status: 'signed-out' as const, keychain: 'available' as const },
    };
    expect(trayTooltip(state)).not.toContain('Ready');
  });
});

describe('reading /app/config', () => {
  const TOKEN = 'eyJ.secret-telephony-token.sig';
  const answer = {
    endpointId: 'ep-1',
    accessToken: TOKEN,
    identity: 'client:ep-1',
    userInfo: { name: 'Alex' },
    agentState: 'NotReady',
    agentStateReason: 'MissedCall',
    appSettings: { enableCallHistory: true },
  };

  it('keeps the state, its reason and the two ids of the agent, nothing else (no token)', () => {
    const reading = parseAgentState(answer);
    expect(reading).toEqual({
      state: 'NotReady',
      reason: 'MissedCall',
      identity: 'client:ep-1',
      endpointId: 'ep-1',
    });
    expect(JSON.stringify(reading)).not.toContain(TOKEN);
    expect(Object.keys(reading).sort()).toEqual(['endpointId', 'identity', 'reason', 'state']);
  });

  it('drops an id that is not a short printable string', () => {
    const reading = parseAgentState({ ...answer, identity: 'a b\n', endpointId: 7 });
    expect(Object.keys(reading).sort()).toEqual(['reason', 'state']);
  });

  it('reads PascalCase, enum numbers, and missing or odd values as Unknown', () => {
    expect(parseAgentState({ AgentState: 'Ready', AgentStateReason: 'SetByUser' })).toEqual({
      state: 'Ready',
      reason: 'SetByUser',
    });
    expect(parseAgentState({ agentState: 4, agentStateReason: 2 })).toEqual({
      state: 'WrapUp',
      reason: 'MissedCall',
    });
    expect(parseAgentState({ agentState: '<b>x</b>' })).toEqual({
      state: 'Unknown',
      reason: 'Unknown',
    });
    expect(() => parseAgentState('nope')).toThrow(/cannot read/);
  });
});
