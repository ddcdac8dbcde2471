import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { rowsInView, scrollTopShowing, type RowLayout, type Viewport } from '../virtual-range.js';

/**
 * A list that renders only the items in view, plus `overscan` either side: a list of 5,000
 * calls costs the DOM, the styles and the layout of the twenty or so on screen. Every item must
 * be the same height (the CSS fixes it; one rendered item is measured, `estimatedHeight` until
 * then); the empty space above and below is the list's padding, so the scroll bar is the whole
 * list's. It scrolls with its nearest scrolling ancestor, several lists may share one.
 *
 * Each item is one stop in the Tab order (its first focusable element). Tab, Shift+Tab and the
 * up and down arrows move through the items in order past the rendered ones: the next item is
 * scrolled in, rendered and focused; the arrows go on into the neighbouring list. Each item says
 * its true position and the true count (`aria-posinset`, `aria-setsize`) to a screen reader.
 */
export function VirtualList<T>({
  items,
  keyOf,
  renderItem,
  listClass,
  itemClass,
  estimatedHeight,
  overscan = 6,
}: {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** The item's content, inside its `<li>`. */
  renderItem: (item: T, index: number) => ComponentChildren;
  listClass?: string;
  itemClass?: string;
  /** An item's height in px until one is measured. */
  estimatedHeight: number;
  overscan?: number;
}) {
  const list = useRef<HTMLUListElement>(null);
  const scroller = useRef<HTMLElement | null>(null);
  const pendingFocus = useRef<number | null>(null);
  // The last row measured: kept while no row is rendered (the list out of view).
  const measuredHeight = useRef(estimatedHeight);
  const [geometry, setGeometry] = useState<Geometry>(() => ({
    scrollTop: 0,
    height: window.innerHeight,
    listTop: 0,
    rowHeight: estimatedHeight,
  }));
  const count = items.length;
  const layout = (g: Geometry): RowLayout => ({ ...g, count, overscan });
  const { start, end } = rowsInView(geometry, layout(geometry));

  /** The geometry as the page is laid out now; `scrollTop` when about to scroll there. */
  const measure = (scrollTop?: number): Geometry | undefined => {
    const ul = list.current;
    if (!ul) return undefined;
    const box = (scroller.current ??= scrollingAncestor(ul));
    const page = box === document.scrollingElement;
    const boxTop = page ? 0 : box.getBoundingClientRect().top;
    const row = ul.firstElementChild?.getBoundingClientRect().height ?? 0;
    if (row > 0) measuredHeight.current = row;
    return {
      scrollTop: scrollTop ?? box.scrollTop,
      // Before the first layout (or in a test without one) the window's height stands in.
      height: (page ? window.innerHeight : box.clientHeight) || window.innerHeight,
      listTop: ul.getBoundingClientRect().top - boxTop + box.scrollTop,
      rowHeight: measuredHeight.current,
    };
  };
  const remeasure = () => {
    const next = measure();
    if (next) setGeometry((now) => (sameGeometry(now, next) ? now : next));
  };

  // After every render: the list may have moved (a group above it grew) or its items changed.
  useLayoutEffect(() => {
    remeasure();
    const focus = pendingFocus.current;
    if (focus !== null && focus >= start && focus < end) {
      pendingFocus.current = null;
      focusItem(list.current, focus);
    }
  });

  // Scrolling and resizing move the window over the list: measured once a frame at most.
  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul) return undefined;
    const box = (scroller.current ??= scrollingAncestor(ul));
    const target: EventTarget = box === document.scrollingElement ? window : box;
    let frame = 0;
    const onChange = () => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          remeasure();
        });
      }
    };
    target.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange);
    return () => {
      cancelAnimationFrame(frame);
      target.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
    };
  }, []);

  /** Focuses item `index`, scrolling it in (and rendering it) first when it is not rendered. */
  const moveTo = (index: number) => {
    if (index >= start && index < end) return focusItem(list.current, index);
    const box = scroller.current;
    const now = measure();
    if (!box || !now) return;
    const top = scrollTopShowing(now, layout(now), index);
    box.scrollTop = top;
    pendingFocus.current = index;
    setGeometry({ ...now, scrollTop: top });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const item = (event.target as Element).closest('li[data-index]');
    if (!item || item.parentElement !== list.current) return;
    const index = Number((item as HTMLElement).dataset.index);
    const step = stepOf(event);
    if (step === 0) return;
    const to = index + step;
    if (to >= 0 && to < count) {
      // Tab to a rendered item is the browser's own.
      if (event.key === 'Tab' && to >= start && to < end) return;
      event.preventDefault();
      moveTo(to);
    } else if (event.key !== 'Tab') {
      event.preventDefault();
      focusNeighbourList(list.current, step);
    }
  };

  return (
    <ul
      ref={list}
      class={listClass}
      data-virtual-list
      onKeyDown={onKeyDown}
      style={{
        paddingTop: `${start * geometry.rowHeight}px`,
        paddingBottom: `${(count - end) * geometry.rowHeight}px`,
      }}
    >
      {items.slice(start, end).map((item, k) => (
        <li
          key={keyOf(item)}
          class={itemClass}
          data-index={start + k}
          aria-posinset={start + k + 1}
          aria-setsize={count}
        >
          {renderItem(item, start + k)}
        </li>
      ))}
    </ul>
  );
}

type Geometry = Omit<RowLayout, 'count' | 'overscan'> & Viewport;

function sameGeometry(a: Geometry, b: Geometry): boolean {
  // Sub-pixel differences between two measures of the same layout are not a change.
  const near = (x: number, y: number) => Math.abs(x - y) < 0.5;
  return (
    near(a.scrollTop, b.scrollTop) &&
    near(a.height, b.height) &&
    near(a.listTop, b.listTop) &&
    near(a.rowHeight, b.rowHeight)
  );
}

/** +1, −1 or 0: where a key moves the focus in the list. */
function stepOf(event: KeyboardEvent): number {
  if (event.altKey || event.ctrlKey || event.metaKey) return 0;
  if (event.key === 'ArrowDown') return 1;
  if (event.key === 'ArrowUp') return -1;
  if (event.key === 'Tab') return event.shiftKey ? -1 : 1;
  return 0;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

function focusItem(ul: HTMLUListElement | null, index: number): void {
  const item = ul?.querySelector<HTMLElement>(`:scope > li[data-index="${index}"]`);
  (item?.querySelector<HTMLElement>(FOCUSABLE) ?? item)?.focus();
}

/** The arrows past a list's end go on to the next list's first item (or the last's before). */
function focusNeighbourList(ul: HTMLUListElement | null, step: number): void {
  const lists = [...document.querySelectorAll<HTMLUListElement>('ul[data-virtual-list]')];
  const next = lists[lists.indexOf(ul as HTMLUListElement) + step];
  const items = next?.querySelectorAll<HTMLElement>(':scope > li[data-index]');
  const item = step > 0 ? items?.[0] : items?.[items.length - 1];
  // Only the list's true first or last item: overscan keeps it rendered next to this list.
  const wanted = step > 0 ? 0 : Number(item?.getAttribute('aria-setsize')) - 1;
  if (item && Number(item.dataset.index) === wanted) {
    (item.querySelector<HTMLElement>(FOCUSABLE) ?? item).focus();
  }
}

/** The nearest ancestor that scrolls, else the page. */
function scrollingAncestor(el: HTMLElement): HTMLElement {
  for (let at = el.parentElement; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if (overflowY === 'auto' || overflowY === 'scroll') return at;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}
