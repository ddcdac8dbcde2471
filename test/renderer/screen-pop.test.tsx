// @vitest-environment happy-dom
// The screen pop in the window: "Look up the caller" in a call's details, and Settings' section
// (the address, when it opens, its problem as typed, and Test before anything opens).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../main/boundary/contract.js';
import { call, signedIn } from '../../harness/app-states.js';
import { click, commit, mountApp, typeInto, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

const CRM = 'https://crm.example.com/search?phone={fromDigits}';

function withScreenPop(url: string, state: AppState = signedIn()): AppState {
  return { ...state, settings: { ...state.settings, screenPop: { url, when: 'manual' } } };
}

const field = <T extends HTMLElement = HTMLInputElement>(m: Mounted, id: string): T =>
  m.find(`#${id}`) as T;

describe('call details: Look up the caller', () => {
  it('asks main to open the call’s screen pop, and shows its refusal', async () => {
    const bridge = stubBridge(withScreenPop(CRM, signedIn({ sessions: [call('c1')] })), {
      openScreenPop: () =>
        Promise.resolve({ ok: false, error: 'The screen pop address must start with https://.' }),
    });
    app = await mountApp(bridge, '#/sessions/c1');
    await click(field(app, 'look-up-caller'));
    expect(bridge.openScreenPop).toHaveBeenCalledWith('c1');
    expect(field(app, 'look-up-error').textContent).toBe(
      'The screen pop address must start with https://.',
    );
  });

  it('shows no error when it opened, and no button without an address', async () => {
    const bridge = stubBridge(withScreenPop(CRM, signedIn({ sessions: [call('c1')] })));
    app = await mountApp(bridge, '#/sessions/c1');
    await click(field(app, 'look-up-caller'));
    expect(app.findAll('#look-up-error')).toEqual([]);
    app.unmount();
    app = await mountApp(stubBridge(signedIn({ sessions: [call('c1')] })), '#/sessions/c1');
    expect(app.findAll('#look-up-caller')).toEqual([]);
  });
});

describe('Settings: screen pop', () => {
  it('saves the address and when it opens', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    await typeInto(field(app, 'screen-pop-url'), ` ${CRM} `);
    await commit(field(app, 'screen-pop-url'));
    const when = field<HTMLSelectElement>(app, 'screen-pop-when');
    expect([...when.options].map((o) => o.textContent)).toEqual([
      'When it rings',
      'When I answer',
      'Only when I ask',
    ]);
    when.value = 'answered';
    await commit(when);
    expect(vi.mocked(bridge.updateSettings).mock.calls.map(([p]) => p)).toEqual([
      { screenPop: { url: CRM } },
      { screenPop: { when: 'answered' } },
    ]);
  });

  it('says an unknown placeholder as it is typed, and saves nothing yet', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    await typeInto(field(app, 'screen-pop-url'), 'https://crm.example.com/{phone}');
    expect(field(app, 'screen-pop-url-problem').textContent).toMatch(
      /^\{phone\} is not a placeholder\. Use one of: \{from\}, /,
    );
    await typeInto(field(app, 'screen-pop-url'), 'https://crm.example.com/{from');
    expect(field(app, 'screen-pop-url-problem').textContent).toMatch(/brace/);
    await typeInto(field(app, 'screen-pop-url'), CRM);
    expect(app.findAll('#screen-pop-url-problem')).toEqual([]);
    expect(bridge.updateSettings).not.toHaveBeenCalled();
  });

  it('Test shows the filled address first, and "Open it" opens it', async () => {
    const filled = 'https://crm.example.com/search?phone=%2B15035550100';
    const bridge = stubBridge(signedIn(), {
      testScreenPop: ({ url }) =>
        Promise.resolve(url === CRM ? { ok: true, url: filled } : { ok: false, error: 'No.' }),
    });
    app = await mountApp(bridge, '#/settings');
    // The address as typed, before it is saved.
    await typeInto(field(app, 'screen-pop-url'), CRM);
    await click(field(app, 'screen-pop-test'));
    expect(bridge.testScreenPop).toHaveBeenLastCalledWith({ url: CRM, open: false });
    expect(field(app, 'screen-pop-address').textContent).toBe(filled);
    await click(field(app, 'screen-pop-open'));
    expect(bridge.testScreenPop).toHaveBeenLastCalledWith({ url: CRM, open: true });
    expect(bridge.testScreenPop).toHaveBeenCalledTimes(2);

    // Another address: the old result goes, and a refusal is shown as main says it.
    await typeInto(field(app, 'screen-pop-url'), 'http://example.com/');
    expect(app.findAll('#screen-pop-address')).toEqual([]);
    await click(field(app, 'screen-pop-test'));
    expect(field(app, 'screen-pop-test-error').textContent).toBe('No.');
    expect(app.findAll('#screen-pop-open')).toEqual([]);
  });
});
