// What the app does once it is up: the demo, the first-run window, or the silent sign-in.
import type { Account } from './account.js';

export interface StartupDeps {
  argv: readonly string[];
  account: Pick<Account, 'startDemo' | 'signInSilently'>;
  /** A user name is saved: the agent has signed in on this machine before. */
  hasAccount: boolean;
  openWindow: () => void;
}

export async function startUp({ argv, account, hasAccount, openWindow }: StartupDeps) {
  if (argv.includes('--demo')) {
    // A demo that fails to start would otherwise leave only a signed-out tray icon: the window
    // shows why (account.error).
    const result = await account.startDemo();
    if (!result.ok) openWindow();
    return;
  }
  // No remembered password, or it was rejected: the agent is asked at once, not left with a
  // signed-out tray icon they may not notice.
  if (!hasAccount || !(await account.signInSilently())) openWindow();
}
