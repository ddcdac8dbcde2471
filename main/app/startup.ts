// What the app does once it is up: the demo, the first-run window, or the silent sign-in.
import type { Logger } from '../log.js';
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

/**
 * A second launch of the app may come while this one is still starting (the keychain, the
 * settings): it is remembered and answered once the window can open, never lost.
 */
export function secondLaunches() {
  let open: (() => void) | null = null;
  let pending = false;
  return {
    /** The `second-instance` handler; registered before any await. */
    onSecondLaunch(): void {
      if (open) open();
      else pending = true;
    },
    /** The window can open now; a launch that came during start-up opens it once. */
    ready(openWindow: () => void): void {
      open = openWindow;
      if (pending) {
        pending = false;
        openWindow();
      }
    },
  };
}

interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/**
 * A bug in one promise or callback must not take the tray down with it: it is logged (through
 * the app's logger, which masks secrets) and the app carries on.
 */
export function keepAliveOnErrors(proc: ProcessEvents, logger: () => Logger | null): void {
  const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
  // Before Electron is ready there is no app logger yet: stderr, still never a crash.
  const log = () => logger() ?? { error: (m: string) => console.error(m) };
  proc.on('unhandledRejection', (reason) =>
    log().error(`Unhandled rejection (the app carries on): ${describe(reason)}`),
  );
  proc.on('uncaughtException', (error) =>
    log().error(`Uncaught exception (the app carries on): ${describe(error)}`),
  );
}
