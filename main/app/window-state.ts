// The window's state for each AppState, kept between pushes: a call whose session did not
// change (the same object, as the engine reuses an unchanged call's) keeps its summary and its
// `rev`, so a push of 5,000 calls words only the calls that changed.
import type { AppState, CallSummary, Session, WindowState } from '../boundary/contract.js';
import { callSummaryOf } from '../boundary/call-row.js';
import { createTranslator } from '../boundary/i18n/index.js';
import { windowStateOf } from '../boundary/window-state.js';

export type WindowStates = (state: AppState) => WindowState;

/** One per app (the window and the incoming-call window share it): AppState → WindowState. */
export function createWindowStates(): WindowStates {
  let lastState: AppState | undefined;
  let lastWindow: WindowState | undefined;
  let lastSessions: readonly Session[] | undefined;
  let lastLocale: string | undefined;
  let calls: CallSummary[] = [];
  let known = new Map<string, { session: Session; row: CallSummary }>();

  return (state) => {
    if (state === lastState && lastWindow !== undefined) return lastWindow;
    if (state.sessions !== lastSessions || state.locale !== lastLocale) {
      // A new language words every call again, with the same revs: the details need no fetch.
      const reword = state.locale !== lastLocale;
      const t = createTranslator(state.locale);
      const next = new Map<string, { session: Session; row: CallSummary }>();
      calls = state.sessions.map((session) => {
        const before = known.get(session.id);
        const same = before !== undefined && before.session === session;
        const row =
          same && !reword
            ? before.row
            : callSummaryOf(session, t, before === undefined ? 1 : before.row.rev + (same ? 0 : 1));
        next.set(session.id, { session, row });
        return row;
      });
      known = next;
      lastSessions = state.sessions;
      lastLocale = state.locale;
    }
    lastState = state;
    lastWindow = windowStateOf(state, calls);
    return lastWindow;
  };
}
