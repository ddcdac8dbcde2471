// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WindowState } from '../../main/boundary/contract.js';
import { call, signedIn } from '../../harness/app-states.js';
import { mountApp, settle, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

describe('the window and the app state', () => {
  it('a push that arrives before the first answer is not overwritten by the older answer', async () => {
    const bridge = stubBridge(signedIn());
    let answer: (state: WindowState) => void = () => undefined;
    vi.mocked(bridge.getState).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    app = await mountApp(bridge);
    bridge.push(signedIn({ sessions: [call('fresh', { fromName: 'Fresh' })] }));
    await settle();
    answer({ ...signedIn(), calls: [] });
    await settle();
    expect(app.find('.caller').textContent).toBe('Fresh (+15035550100)');
  });

  it('says why it could not load the state', async () => {
    const bridge = stubBridge(signedIn());
    vi.mocked(bridge.getState).mockRejectedValueOnce(new Error('The app is not answering'));
    app = await mountApp(bridge);
    expect(app.find('[role="alert"]').textContent).toBe('The app is not answering');
  });

  it('stops listening when the window closes', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge);
    expect(bridge.listenerCount()).toBe(1);
    app.unmount();
    expect(bridge.listenerCount()).toBe(0);
  });

  it('shows the view of each route', async () => {
    app = await mountApp(stubBridge(signedIn()), '#/settings');
    expect(app.find('h1').textContent).toBe('Settings');
    expect(app.find('nav a[href="#/settings"]').getAttribute('aria-current')).toBe('page');
  });
});
