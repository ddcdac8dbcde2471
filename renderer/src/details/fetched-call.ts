import { useEffect, useState } from 'preact/hooks';
import type { EvoTrayBridge, FoundCall } from '../../../main/boundary/contract.js';

export type FetchedCall =
  { status: 'loading' } | { status: 'found'; call: FoundCall } | { status: 'gone' };

const LOADING: FetchedCall = { status: 'loading' };

/**
 * A call's full details, from main (pushes carry only the lists' summaries): fetched when its
 * details open, and again whenever its summary's `rev` changes in a push (held → connected, a
 * new log line) or it leaves the live list (it ended: main still has it). Meanwhile the last
 * answer stays on screen; only a first fetch shows as loading. An answer that comes after a
 * newer fetch started is dropped.
 */
export function useFetchedCall(
  bridge: EvoTrayBridge,
  id: string,
  rev: number | undefined,
): FetchedCall {
  const [fetched, setFetched] = useState<{ id: string; view: FetchedCall }>({ id, view: LOADING });
  useEffect(() => {
    let current = true;
    const answer = (view: FetchedCall): void => {
      if (current) setFetched({ id, view });
    };
    bridge.getCall(id).then(
      (call) => answer(call ? { status: 'found', call } : { status: 'gone' }),
      // Main could not say: the call is shown as not available rather than loading forever.
      () => answer({ status: 'gone' }),
    );
    return () => {
      current = false;
    };
  }, [bridge, id, rev]);
  // Another call's details never show while this one's load.
  return fetched.id === id ? fetched.view : LOADING;
}
