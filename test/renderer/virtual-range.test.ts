// The virtual list's arithmetic: which rows a scrolled viewport shows, and where to scroll so a
// row is in view. The browser suite (test/browser/virtual-list.test.ts) proves the list on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  rowsInView,
  scrollTopShowing,
  type RowLayout,
  type Viewport,
} from '../../renderer/src/virtual-range.js';

const rows = (over: Partial<RowLayout> = {}): RowLayout => ({
  listTop: 0,
  rowHeight: 50,
  count: 1000,
  overscan: 0,
  ...over,
});
const view = (scrollTop: number, height = 500): Viewport => ({ scrollTop, height });

describe('the rows in view', () => {
  it('is the rows the viewport meets, a partly shown row included', () => {
    expect(rowsInView(view(0), rows())).toEqual({ start: 0, end: 10 });
    expect(rowsInView(view(25), rows())).toEqual({ start: 0, end: 11 });
    expect(rowsInView(view(1000), rows())).toEqual({ start: 20, end: 30 });
  });

  it('widens by the overscan either side, never past the list', () => {
    expect(rowsInView(view(1000), rows({ overscan: 3 }))).toEqual({ start: 17, end: 33 });
    expect(rowsInView(view(0), rows({ overscan: 3 }))).toEqual({ start: 0, end: 13 });
    expect(rowsInView(view(49_700), rows({ overscan: 3 }))).toEqual({ start: 991, end: 1000 });
  });

  it('counts from where the list starts in the scroller (a heading or a group above it)', () => {
    expect(rowsInView(view(0), rows({ listTop: 200 }))).toEqual({ start: 0, end: 6 });
    expect(rowsInView(view(1200), rows({ listTop: 200 }))).toEqual({ start: 20, end: 30 });
  });

  it('is empty for a list wholly out of view, above or below, past the overscan', () => {
    expect(rowsInView(view(0), rows({ listTop: 5000, overscan: 2 }))).toEqual({
      start: 0,
      end: 0,
    });
    expect(rowsInView(view(60_000), rows({ overscan: 2 }))).toEqual({ start: 1000, end: 1000 });
    // Just below the viewport, within the overscan: its first rows are rendered, ready for a Tab.
    expect(rowsInView(view(0), rows({ listTop: 560, overscan: 2 }))).toEqual({ start: 0, end: 1 });
  });

  it('renders nothing for an empty list, or a row height it cannot use', () => {
    expect(rowsInView(view(0), rows({ count: 0 }))).toEqual({ start: 0, end: 0 });
    expect(rowsInView(view(0), rows({ rowHeight: 0 }))).toEqual({ start: 0, end: 0 });
    expect(rowsInView(view(0), rows({ rowHeight: NaN }))).toEqual({ start: 0, end: 0 });
    expect(rowsInView(view(0), rows({ rowHeight: -5 }))).toEqual({ start: 0, end: 0 });
  });

  it('reads a viewport not yet laid out (no height, NaN) as the list top', () => {
    expect(rowsInView(view(NaN, NaN), rows({ overscan: 2 }))).toEqual({ start: 0, end: 2 });
    expect(rowsInView(view(0, 0), rows())).toEqual({ start: 0, end: 0 });
  });

  it('for any list and viewport: within the list, every row in view included, and bounded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2000, max: 400_000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: -500, max: 5000 }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 20 }),
        (scrollTop, height, listTop, rowHeight, count, overscan) => {
          const layout = { listTop, rowHeight, count, overscan };
          const { start, end } = rowsInView({ scrollTop, height }, layout);
          expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
          expect(0 <= start && start <= end && end <= count).toBe(true);
          // Every row that meets the viewport is rendered.
          for (let i = 0; i < count; i++) {
            const top = listTop + i * rowHeight;
            const meets = top < scrollTop + height && top + rowHeight > scrollTop;
            if (meets) expect(i >= start && i < end, `row ${i}`).toBe(true);
          }
          // And no more than the viewport's worth, a partly shown row each end, and the overscan.
          expect(end - start).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 2 + 2 * overscan);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scrolling a row into view', () => {
  it('leaves the scroll alone when the row is wholly shown', () => {
    expect(scrollTopShowing(view(1000), rows(), 25)).toBe(1000);
  });

  it('scrolls up to a row above, so it shows at the top', () => {
    expect(scrollTopShowing(view(1000), rows({ listTop: 100 }), 10)).toBe(600);
  });

  it('scrolls down to a row below, so it shows at the bottom', () => {
    expect(scrollTopShowing(view(1000), rows(), 40)).toBe(1550);
  });

  it('for any row: once scrolled, the row is within the rows in view', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 60, max: 3000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 20, max: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(),
        (scrollTop, height, listTop, rowHeight, count, pick) => {
          const layout = { listTop, rowHeight, count, overscan: 0 };
          const index = pick % count;
          const top = scrollTopShowing({ scrollTop, height }, layout, index);
          const { start, end } = rowsInView({ scrollTop: top, height }, layout);
          expect(index >= start && index < end).toBe(true);
          const rowTop = listTop + index * rowHeight;
          expect(rowTop >= top && rowTop + rowHeight <= top + height).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
