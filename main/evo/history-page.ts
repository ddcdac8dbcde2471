// A page of `GET /portal/call-history` (AppGetCallHistory: a ServiceStack ListResponse of
// SessionInfo): `{items, totalCount, totalPages, hasMorePages}`, either key casing.
import { EvoApiError } from './api.js';
import { readKey } from './field-table.js';
import { isRecord } from '../boundary/records.js';
import { normalizeSession } from './normalize.js';
import type { Session } from '../boundary/session.js';

export interface HistoryPage {
  sessions: Session[];
  /** Another page may hold older calls. */
  hasMore: boolean;
}

/** The route, asked newest first. `page` counts from 0, as ServiceStack's ListRequest does. */
export function historyPath(page: number, countPerPage: number): string {
  const query = new URLSearchParams({
    page: String(page),
    countPerPage: String(countPerPage),
    sortField: 'DateCreated',
    sortOrder: 'Descend',
  });
  return `portal/call-history?${query.toString()}`;
}

export function parseHistoryPage(body: unknown, countPerPage: number): HistoryPage {
  const items = isRecord(body) ? readKey(body, 'items') : undefined;
  if (!Array.isArray(items)) {
    throw new EvoApiError(
      'bad-response',
      'Evo Voice answered the call history without a list of calls.',
    );
  }
  const sessions = items.flatMap((raw) => {
    const session = normalizeSession(raw);
    return session === null ? [] : [session];
  });
  const more = readKey(body as Record<string, unknown>, 'hasMorePages');
  // Without the flag (simplified paging), a full page may have a next one.
  const hasMore = typeof more === 'boolean' ? more : items.length >= countPerPage;
  return { sessions, hasMore: hasMore && items.length > 0 };
}

/** The call history, as the away capability reads it (the client implements it). */
export interface HistoryApi {
  /** `GET /portal/call-history`, one page, newest first. */
  getCallHistory(page: number, countPerPage: number, signal?: AbortSignal): Promise<HistoryPage>;
}
