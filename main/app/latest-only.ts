// Operations of which only the latest counts: the agent signs in, then signs out before the
// server answers; the answer must not sign them back in. Each operation begins a turn and asks,
// after every await, whether a newer one began meanwhile.

export interface Turn<Kind extends string> {
  /** True once a newer turn began: what this operation learns from now on is dropped. */
  stale(): boolean;
  /** The kind of the newest turn, once this one is stale; null while this one is the newest. */
  supersededBy(): Kind | null;
}

/** One family of operations that supersede each other (sign-in, demo, sign-out…). */
export function latestOnly<Kind extends string>(): (kind: Kind) => Turn<Kind> {
  let newest = 0;
  let newestKind: Kind | null = null;
  return (kind) => {
    const mine = ++newest;
    newestKind = kind;
    const stale = () => mine !== newest;
    return { stale, supersededBy: () => (stale() ? newestKind : null) };
  };
}
