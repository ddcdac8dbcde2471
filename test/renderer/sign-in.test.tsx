// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { SignInResult } from '../../main/boundary/contract.js';
import { signedIn, signedOut } from '../../harness/app-states.js';
import { click, commit, mountApp, settle, typeInto, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

async function fillAndSubmit(m: Mounted, username: string, password: string): Promise<void> {
  await typeInto(m.find('#username'), username);
  await typeInto(m.find('#password'), password);
  await click(m.find('button[type="submit"]'));
}

describe('sign in', () => {
  it('is shown while signed out, whatever the route', async () => {
    app = await mountApp(stubBridge(signedOut()), '#/settings');
    expect(app.find('h1').textContent).toBe('Sign in to Evo Voice');
    expect(app.findAll('nav')).toHaveLength(0);
  });

  it('sends server, username and password, not remembered unless the agent ticks it', async () => {
    const bridge = stubBridge(signedOut());
    app = await mountApp(bridge);
    const remember = app.find('input[type="checkbox"]') as HTMLInputElement;
    expect(remember.checked).toBe(false);
    await fillAndSubmit(app, ' ada@example.com ', 'correct horse');
    expect(bridge.signIn).toHaveBeenCalledWith({
      server: 'https://evovoice.io',
      username: 'ada@example.com',
      password: 'correct horse',
      remember: false,
    });
  });

  it('offers both presets and a custom server address', async () => {
    const bridge = stubBridge(signedOut());
    app = await mountApp(bridge);
    const options = app.findAll('#server option').map((o) => (o as HTMLOptionElement).value);
    expect(options).toEqual(['https://evovoice.io', 'https://team.evovoice.io', 'custom']);
    const select = app.find('#server') as HTMLSelectElement;
    select.value = 'custom';
    await commit(select);
    await typeInto(app.find('#custom-server'), 'voice.example.com');
    await click(app.find('input[type="checkbox"]'));
    await fillAndSubmit(app, 'ada', 'pw');
    expect(bridge.signIn).toHaveBeenCalledWith({
      server: 'voice.example.com',
      username: 'ada',
      password: 'pw',
      remember: true,
    });
  });

  it('starts from the server the agent used last', async () => {
    const team = signedOut();
    team.settings = { ...team.settings, server: 'https://team.evovoice.io/' };
    app = await mountApp(stubBridge(team));
    expect((app.find('#server') as HTMLSelectElement).value).toBe('https://team.evovoice.io');
    app.unmount();
    const custom = signedOut();
    custom.settings = { ...custom.settings, server: 'https://voice.example.com' };
    app = await mountApp(stubBridge(custom));
    expect((app.find('#server') as HTMLSelectElement).value).toBe('custom');
    expect((app.find('#custom-server') as HTMLInputElement).value).toBe(
      'https://voice.example.com',
    );
  });

  it('asks for a custom server address instead of sending an empty one', async () => {
    const bridge = stubBridge(signedOut());
    app = await mountApp(bridge);
    const select = app.find('#server') as HTMLSelectElement;
    select.value = 'custom';
    await commit(select);
    await fillAndSubmit(app, 'ada', 'pw');
    expect(bridge.signIn).not.toHaveBeenCalled();
    expect(app.find('#custom-server-error').textContent).toContain('Enter the server address');
  });

  it("shows a rejected password in the server's own words and clears the password", async () => {
    const bridge = stubBridge(signedOut(), {
      signIn: () => Promise.resolve({ ok: false, error: 'Invalid UserName or Password' }),
    });
    app = await mountApp(bridge);
    await fillAndSubmit(app, 'ada', 'wrong');
    expect(app.find('[role="alert"]').textContent).toBe('Invalid UserName or Password');
    expect((app.find('#password') as HTMLInputElement).value).toBe('');
    expect((app.find('#username') as HTMLInputElement).value).toBe('ada');
    expect(bridge.signIn).toHaveBeenCalledTimes(1);
  });

  it('shows the error the app remembers from the last sign-in', async () => {
    app = await mountApp(stubBridge(signedOut({ error: 'Your session expired: sign in again' })));
    expect(app.find('[role="alert"]').textContent).toBe('Your session expired: sign in again');
  });

  it('is busy while signing in and cannot be sent twice', async () => {
    let answer: (r: SignInResult) => void = () => undefined;
    const bridge = stubBridge(signedOut(), {
      signIn: () => new Promise((resolve) => (answer = resolve)),
    });
    app = await mountApp(bridge);
    await fillAndSubmit(app, 'ada', 'pw');
    const button = app.find('button[type="submit"]') as HTMLButtonElement;
    expect(button.textContent).toBe('Signing in…');
    expect(button.disabled).toBe(true);
    expect(app.find('form').getAttribute('aria-busy')).toBe('true');
    await click(button);
    expect(bridge.signIn).toHaveBeenCalledTimes(1);
    answer({ ok: true });
    await settle();
    expect((app.find('button[type="submit"]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('warns when the system keychain is unavailable', async () => {
    app = await mountApp(stubBridge(signedOut({ keychain: 'unavailable' })));
    expect(app.text()).toContain(
      'Your system keychain is unavailable: your password will be kept only until you quit',
    );
  });

  it('starts the demo', async () => {
    const bridge = stubBridge(signedOut());
    app = await mountApp(bridge);
    const demo = app.findAll('button').find((b) => b.textContent === 'Try the demo');
    if (!demo) throw new Error('no demo button');
    await click(demo);
    expect(bridge.startDemo).toHaveBeenCalledTimes(1);
  });

  it('moves on to the calls when the app says the agent is signed in', async () => {
    const bridge = stubBridge(signedOut());
    app = await mountApp(bridge);
    bridge.push(signedIn());
    await settle();
    expect(app.text()).toContain("No calls right now — we'll alert you when one rings.");
  });
});
