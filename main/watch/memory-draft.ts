// Copy-on-write for decide: a decision changes a few calls, and what it did not change is
// handed on as it is (the same tables, the same entries), so a poll in which nothing changed
// allocates almost nothing and the ledger can tell "changed" by identity. Beside the tables
// an index of the ids a poll must visit (listed lately, lookup pending) and of where each
// ended call sits is cached, so a poll visits what it lists and what just left, never the day.
import {
  ABSENCES_BEFORE_GONE,
  FORGET_AFTER_MS,
  sessionTable,
  toEndedCall,
  type EndedCall,
  type SessionTable,
  type TrackedSession,
} from './tracked.js';

/** The tables decide works on (WatchMemory without its connection). */
export interface Tables {
  sessions: SessionTable;
  ended: readonly EndedCall[];
}

interface MemoryIndex {
  sessions: SessionTable;
  ended: readonly EndedCall[];
  /**
   * The table's ids in the order first seen. Walking this list, not the table: enumerating a
   * table of 10,000 ids (for-in, Object.keys) makes V8 sort them, which costs more per id the
   * more there are.
   */
  ids: string[];
  /** Ids below ABSENCES_BEFORE_GONE absences: an answer that leaves them out counts. */
  listed: Set<string>;
  pending: Set<string>;
  /** Each id's entry, with the mark of the last answer that listed it (see Draft.visit). */
  slots: Map<string, Slot>;
  /** Where each ended call sits in `ended`. */
  endedAt: Map<string, number>;
  oldestEndedSeenAt: number;
  /** The minute the tables were last pruned in; pruning more often changes nothing worth it. */
  prunedMinute: number;
}

/**
 * One lookup per listed call instead of four (seen yet? changed? in the table? memo of its
 * comparison): in an answer whose order changed each lookup is a cache miss over thousands of
 * ids, and that, not the work, was what a reordered answer cost.
 */
interface Slot {
  t: TrackedSession;
  /** The visit (a number unique to one decision) that last listed it. */
  visit: number;
}

let visits = 0;

/**
 * Valid for exactly the tables it names (checked on every use); handed on to the next tables
 * by commit(). Older memories, or tables made elsewhere (loaded, built by a test), rebuild it.
 */
const indexes = new WeakMap<SessionTable, MemoryIndex>();

export const minuteOf = (time: number): number => Math.floor(time / 60_000);

/**
 * The table's own entry for `id`. One lookup when the table has no prototype (sessionTable()
 * makes them so): then nothing but its own entries can answer, `__proto__` included.
 */
const own = (table: SessionTable, id: string): TrackedSession | undefined => {
  const t = table[id];
  return t === undefined || Object.getPrototypeOf(table) === null || Object.hasOwn(table, id)
    ? t
    : undefined;
};

function indexOf(tables: Tables): MemoryIndex {
  const cached = indexes.get(tables.sessions);
  if (cached?.sessions === tables.sessions && cached.ended === tables.ended) return cached;
  const index: MemoryIndex = {
    ...tables,
    ids: [],
    listed: new Set(),
    pending: new Set(),
    slots: new Map(),
    endedAt: new Map(),
    oldestEndedSeenAt: Infinity,
    prunedMinute: Number.NaN,
  };
  for (const id in tables.sessions) {
    const t = own(tables.sessions, id);
    if (t === undefined) continue;
    index.ids.push(id);
    index.slots.set(id, { t, visit: 0 });
    if (t.absences < ABSENCES_BEFORE_GONE) index.listed.add(id);
    if (t.lookup === 'pending') index.pending.add(id);
  }
  indexEnded(index);
  indexes.set(tables.sessions, index);
  return index;
}

function indexEnded(index: MemoryIndex): void {
  index.endedAt.clear();
  index.oldestEndedSeenAt = Infinity;
  index.ended.forEach((e, i) => {
    index.endedAt.set(e.id, i);
    index.oldestEndedSeenAt = Math.min(index.oldestEndedSeenAt, e.lastSeenAt);
  });
}

/** Ids with a lookup asked for and not answered, in the order they were asked. */
export function pendingIds(tables: Tables): string[] {
  return [...indexOf(tables).pending];
}

/** Ids an answer must visit even when it does not list them: the ones listed lately. */
export function listedIds(tables: Tables): ReadonlySet<string> {
  return indexOf(tables).listed;
}

export class Draft {
  private readonly index: MemoryIndex;
  /** New entries by id; null for one that left the table (forgotten or ended). */
  private readonly changed = new Map<string, TrackedSession | null>();
  private readonly revived = new Set<string>();
  private readonly newlyEnded: EndedCall[] = [];
  private readonly forgetBefore: number;
  private readonly pruneEnded: boolean;
  /** Unique to this decision: marks the slots its answer listed. */
  private readonly visit = ++visits;
  /** Pruning took entries out: a slot's entry may not be this decision's. */
  private readonly pruned: boolean;

  constructor(
    private readonly tables: Tables,
    private readonly now: number,
  ) {
    this.index = indexOf(tables);
    const due = this.index.prunedMinute !== minuteOf(now);
    this.forgetBefore = due ? now - FORGET_AFTER_MS : -Infinity;
    this.pruneEnded = due && this.index.oldestEndedSeenAt <= this.forgetBefore;
    if (due) {
      for (const id of this.index.ids) {
        const t = own(tables.sessions, id);
        if (t !== undefined && t.lastSeenAt <= this.forgetBefore) this.changed.set(id, null);
      }
    }
    this.pruned = this.changed.size > 0;
  }

  /** The session as this decision has it so far; never to be changed in place. */
  get(id: string): TrackedSession | undefined {
    const t = this.changed.get(id);
    if (t !== undefined || this.changed.has(id)) return t ?? undefined;
    return own(this.tables.sessions, id);
  }

  /**
   * The session listed under `id` as this decision has it, or undefined when the table has no
   * such id; 'repeated' when this answer listed it already. One lookup for a call in the table
   * unless pruning took entries out (only pruning and this answer change a listed one).
   */
  listed(id: string): TrackedSession | undefined | 'repeated' {
    const slot = this.index.slots.get(id);
    // Not in the table: in the draft only if this answer listed it already.
    if (slot === undefined) return this.changed.has(id) ? 'repeated' : undefined;
    if (slot.visit === this.visit) return 'repeated';
    slot.visit = this.visit;
    return this.pruned ? this.get(id) : slot.t;
  }

  /** Whether this decision's answer listed `id` (through listed()). */
  wasListed(id: string): boolean {
    return this.index.slots.get(id)?.visit === this.visit;
  }

  set(t: TrackedSession): void {
    this.changed.set(t.session.id, t);
  }

  /** The ended call with this id, unless forgotten or listed again in this decision. */
  ended(id: string): EndedCall | undefined {
    if (this.revived.has(id)) return undefined;
    const at = this.index.endedAt.get(id);
    const e = at === undefined ? undefined : this.tables.ended[at];
    return e?.id === id && e.lastSeenAt > this.forgetBefore ? e : undefined;
  }

  /** The ended call is tracked in full again (see fromEndedCall). */
  revive(t: TrackedSession): void {
    this.revived.add(t.session.id);
    this.set(t);
  }

  /** Settled: reduced to its EndedCall, out of the table. */
  end(t: TrackedSession): void {
    this.changed.set(t.session.id, null);
    this.newlyEnded.push(toEndedCall(t));
  }

  /** The new tables: the same objects where nothing changed, an index handed on to them. */
  commit(): Tables {
    const { tables, index, changed } = this;
    let sessions = tables.sessions;
    let ids = index.ids;
    if (changed.size > 0) {
      sessions = sessionTable();
      ids = [];
      // In the old order, so lookups are asked in the order the calls were first seen.
      for (const id of index.ids) {
        const t = changed.has(id) ? changed.get(id) : own(tables.sessions, id);
        if (t) {
          sessions[id] = t;
          ids.push(id);
        }
      }
      for (const [id, t] of changed) {
        if (t !== null && !Object.hasOwn(sessions, id)) {
          sessions[id] = t;
          ids.push(id);
        }
      }
    }
    let ended = tables.ended;
    const rebuilt = this.revived.size > 0 || this.pruneEnded;
    if (rebuilt) {
      ended = ended.filter((e) => !this.revived.has(e.id) && e.lastSeenAt > this.forgetBefore);
    }
    if (this.newlyEnded.length > 0) ended = ended.concat(this.newlyEnded);
    if (sessions === tables.sessions && ended === tables.ended) {
      index.prunedMinute = minuteOf(this.now);
      return tables;
    }

    for (const [id, t] of changed) {
      if (t !== null && t.absences < ABSENCES_BEFORE_GONE) index.listed.add(id);
      else index.listed.delete(id);
      if (t?.lookup === 'pending') index.pending.add(id);
      else index.pending.delete(id);
      const slot = index.slots.get(id);
      if (t === null) index.slots.delete(id);
      else if (slot === undefined) index.slots.set(id, { t, visit: 0 });
      else slot.t = t;
    }
    const base = tables.ended.length;
    index.sessions = sessions;
    index.ids = ids;
    index.ended = ended;
    if (rebuilt) indexEnded(index);
    else {
      this.newlyEnded.forEach((e, i) => {
        index.endedAt.set(e.id, base + i);
        index.oldestEndedSeenAt = Math.min(index.oldestEndedSeenAt, e.lastSeenAt);
      });
    }
    index.prunedMinute = minuteOf(this.now);
    indexes.delete(tables.sessions);
    indexes.set(sessions, index);
    return { sessions, ended };
  }
}
