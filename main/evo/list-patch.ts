// A list field of a call that changed (its log, members, breadcrumb) read item by item, for
// session-patch.ts: an item whose bytes equal an item of the last version keeps its object, and
// only the others are parsed. The items of a list patched lately are remembered, so the next
// poll compares with them without scanning the last version again.
import { isRecord } from '../boundary/records.js';
import { readFields, type DroppedField, type FieldTable } from './field-table.js';
import { sameBytes, scanItems } from './json-members.js';

/** Anything that calls for reading the whole call instead. */
export const FAILED = Symbol('failed');

/** A list member's two versions: the last one's bytes and items, the new one's bytes and items. */
export interface ListVersions {
  kept: readonly unknown[];
  before: Buffer;
  wasFrom: number;
  wasTo: number;
  now: Buffer;
  from: number;
  to: number;
  /** The new version's items, [s0, e0, …] in `now`. */
  items: number[];
}

/**
 * Where the items of a list patched lately lie, relative to its value's start, with the value's
 * length: the next poll compares with them without scanning the last version again.
 */
const itemsOfList = new WeakMap<readonly unknown[], { length: number; items: number[] }>();

/**
 * A list field read item by item: an item whose bytes equal the item of the last version at
 * the same place (or the next one, for an item dropped before it) keeps its object. Only when
 * every item of the last version was an object, so its list maps item for item.
 */
export function patchList(
  table: FieldTable<object>,
  parent: string,
  v: ListVersions,
  dropped: DroppedField | undefined,
): unknown[] | typeof FAILED {
  const { kept, before, wasFrom, now, items } = v;
  const old = lastItems(v);
  if (old === null || old.length !== 2 * kept.length) return FAILED;
  for (let k = 0; k < old.length; k += 2)
    if (before[wasFrom + (old[k] as number)] !== 0x7b) return FAILED;
  const out: unknown[] = [];
  let j = 0; // the item of the last version expected next
  for (let k = 0; k < items.length; k += 2) {
    const start = items[k] as number;
    const end = items[k + 1] as number;
    let reused = false;
    for (let ahead = 0; ahead <= 1 && 2 * (j + ahead) < old.length; ahead++) {
      const at = 2 * (j + ahead);
      const wasStart = wasFrom + (old[at] as number);
      if (sameBytes(now, start, end, before, wasStart, wasFrom + (old[at + 1] as number))) {
        out.push(kept[j + ahead]);
        j += ahead + 1;
        reused = true;
        break;
      }
    }
    if (reused) continue;
    const item = parsed(now, start, end);
    if (item === FAILED) return FAILED;
    if (isRecord(item)) out.push(readFields(table, item, dropped, parent));
  }
  for (let k = 0; k < items.length; k++) items[k] = (items[k] as number) - v.from;
  itemsOfList.set(out, { length: v.to - v.from, items });
  return out;
}

/** The last version's items relative to its start: as kept when it was patched, or scanned. */
function lastItems(v: ListVersions): number[] | null {
  const known = itemsOfList.get(v.kept);
  if (known !== undefined && known.length === v.wasTo - v.wasFrom) return known.items;
  const scanned = scanItems(v.before, v.wasFrom, v.wasTo);
  if (scanned === null) return null;
  for (let k = 0; k < scanned.length; k++) scanned[k] = (scanned[k] as number) - v.wasFrom;
  return scanned;
}

export function parsed(bytes: Buffer, from: number, to: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', from, to)) as unknown;
  } catch {
    return FAILED;
  }
}
