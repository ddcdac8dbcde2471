// The calls of a tray menu group worth listing: the longest waiting, picked as they come.
import type { Session } from '../boundary/session.js';
import { timeOf } from '../boundary/times.js';

/**
 * The `limit` longest-waiting calls of a group, kept as they are offered: one pass, never a
 * sort of the whole group. Calls without a start time come after the ones with one, in order.
 */
export class LongestWaiting {
  count = 0;
  private readonly kept: { s: Session; start: number; order: number }[] = [];
  constructor(private readonly limit: number) {}

  offer(s: Session): void {
    const entry = {
      s,
      start: timeOf(s.dateCreated) ?? Number.POSITIVE_INFINITY,
      order: this.count,
    };
    this.count += 1;
    const kept = this.kept;
    const last = kept[kept.length - 1];
    if (kept.length === this.limit && last !== undefined && !before(entry, last)) return;
    let at = kept.length;
    while (at > 0 && before(entry, kept[at - 1] as typeof entry)) at -= 1;
    kept.splice(at, 0, entry);
    if (kept.length > this.limit) kept.pop();
  }

  first(): Session[] {
    return this.kept.map((e) => e.s);
  }
}

function before(a: { start: number; order: number }, b: { start: number; order: number }): boolean {
  return a.start < b.start || (a.start === b.start && a.order < b.order);
}
