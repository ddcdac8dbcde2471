// Reads the call history back over an absence: newest first, page by page, one request at a
// time, until a page reaches back before the window or there are no more pages.
import type { Session } from '../boundary/session.js';
import type { HistoryPage } from '../evo/history-page.js';
import { reachedBefore } from './reconcile.js';

export const HISTORY_PAGE_SIZE = 50;
/** 500 calls: more than a day of one agent's calls; a cap against a server that pages forever. */
export const HISTORY_MAX_PAGES = 10;

export type ReadPage = (page: number, countPerPage: number) => Promise<HistoryPage>;

export async function readHistoryBack(readPage: ReadPage, from: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let page = 0; page < HISTORY_MAX_PAGES; page += 1) {
    const answer = await readPage(page, HISTORY_PAGE_SIZE);
    // One by one: a page is the server's to size, and spreading 150,000 items into push's
    // arguments overflows the stack.
    for (const session of answer.sessions) sessions.push(session);
    if (!answer.hasMore || reachedBefore(answer.sessions, from)) break;
  }
  return sessions;
}
