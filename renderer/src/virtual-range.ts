// Which rows of a long list of equal-height rows are worth rendering: the ones a scrolled
// viewport shows, plus a few either side. Pure arithmetic, so it is tested without a layout.

/** The scrolling element as it stands: how far it is scrolled and how tall it shows. */
export interface Viewport {
  scrollTop: number;
  height: number;
}

/** Where a list's rows would be if every one were rendered. */
export interface RowLayout {
  /** Where the list's first row starts in the scroller's content, in px from its top. */
  listTop: number;
  /** Every row's height, margins included (the CSS fixes it). */
  rowHeight: number;
  count: number;
  /** Rows rendered past each edge of the viewport, so a scroll or a Tab finds them there. */
  overscan: number;
}

/** Rows `start` up to, not including, `end`. */
export interface RowRange {
  start: number;
  end: number;
}

const finite = (n: number): number => (Number.isFinite(n) ? n : 0);
const clamp = (n: number, low: number, high: number): number => Math.min(high, Math.max(low, n));

/** The rows that meet the viewport, widened by the overscan; empty when none is near. */
export function rowsInView(view: Viewport, rows: RowLayout): RowRange {
  const count = Math.max(0, Math.floor(finite(rows.count)));
  if (!(rows.rowHeight > 0) || !Number.isFinite(rows.rowHeight) || count === 0) {
    return { start: 0, end: 0 };
  }
  const overscan = Math.max(0, Math.floor(finite(rows.overscan)));
  const top = finite(view.scrollTop) - finite(rows.listTop);
  const bottom = top + Math.max(0, finite(view.height));
  // A row meets the viewport when it starts above its bottom and ends below its top.
  const first = Math.floor(top / rows.rowHeight);
  const last = Math.ceil(bottom / rows.rowHeight);
  const start = clamp(first - overscan, 0, count);
  const end = clamp(last + overscan, start, count);
  return { start, end };
}

/**
 * Where to scroll so that row `index` is wholly in view, moving as little as possible: the
 * scroll position unchanged when it already is.
 */
export function scrollTopShowing(view: Viewport, rows: RowLayout, index: number): number {
  const rowTop = finite(rows.listTop) + index * rows.rowHeight;
  const rowBottom = rowTop + rows.rowHeight;
  if (rowTop < view.scrollTop) return rowTop;
  if (rowBottom > view.scrollTop + view.height) return Math.min(rowTop, rowBottom - view.height);
  return view.scrollTop;
}
