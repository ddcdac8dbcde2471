import { useEffect, useState } from 'preact/hooks';
import type { WindowState, EvoTrayBridge } from '../../main/boundary/contract.js';

export type AppStateView =
  | { status: 'loading' }
  | { status: 'ready'; state: WindowState }
  | { status: 'failed'; error: string };

/** The latest WindowState: the first answer of `getState()`, then every push from `onState`. */
export function useAppState(bridge: EvoTrayBridge): AppStateView {
  const [view, setView] = useState<AppStateView>({ status: 'loading' });

  useEffect(() => {
    let pushed = false;
    let live = true;
    // Subscribe first so no push is lost while getState() is in flight; a push wins over it.
    const unsubscribe = bridge.onState((state) => {
      pushed = true;
      if (live) setView({ status: 'ready', state });
    });
    bridge.getState().then(
      (state) => {
        if (live && !pushed) setView({ status: 'ready', state });
      },
      (error: unknown) => {
        if (live && !pushed) setView({ status: 'failed', error: messageOf(error, '') });
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [bridge]);

  return view;
}

/** Main's words for a refusal, as they came; `unknown` (in the agent's language) when it had none. */
export function messageOf(error: unknown, unknown: string): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return unknown;
}
