/**
 * The arithmetic of a windowed list: which rows a scroll position shows, where a row
 * sits, how far a key moves the selection, and where to scroll to bring a row into
 * view. Rows have one fixed height, so every answer is O(1) however long the list:
 * 100 000 clippings cost the same to scroll as 100.
 */

export interface Viewport {
  /** Pixels scrolled from the top of the list. */
  scrollTop: number;
  /** Height of the visible part, in pixels. */
  height: number;
}

export interface WindowRange {
  /** First row rendered (inclusive). */
  start: number;
  /** Row after the last rendered (exclusive). */
  end: number;
}

/**
 * Rows to render for a viewport: the visible ones plus `overscan` on each side, so a
 * quick scroll shows rows already there rather than a blank strip for a frame.
 */
export function visibleRange(viewport: Viewport, rowHeight: number, count: number, overscan = 4): WindowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, viewport.scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.min(count - 1, Math.floor((top + Math.max(0, viewport.height) - 1) / rowHeight));
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(first, last) + 1 + overscan) };
}

/** Rows that fit in the viewport whole: how far Page Up / Page Down move. At least one. */
export function pageSize(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight));
}

export type NavKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

export function isNavKey(key: string): key is NavKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'PageDown' || key === 'PageUp' || key === 'Home' || key === 'End';
}

/**
 * The row a navigation key moves to from `index` (-1: nothing selected yet, where
 * Down selects the first row and Up the last seen one stays put). Clamped to the list.
 * Page keys move one page less one row, so the row you were on stays visible as context.
 */
export function navigate(key: NavKey, index: number, count: number, page: number): number {
  if (count <= 0) return -1;
  const step = Math.max(1, page - 1);
  const from = index < 0 ? -1 : Math.min(index, count - 1);
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = from + 1;
      break;
    case 'ArrowUp':
      next = from < 0 ? 0 : from - 1;
      break;
    case 'PageDown':
      next = from < 0 ? Math.min(step, count - 1) : from + step;
      break;
    case 'PageUp':
      next = from - step;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
  }
  return Math.max(0, Math.min(count - 1, next));
}

/**
 * The scroll position that brings row `index` into view with the least movement: unchanged
 * when it is already whole in view, else just enough to show it at the top or bottom edge.
 */
export function scrollToReveal(index: number, viewport: Viewport, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < viewport.scrollTop) return top;
  // A row taller than the viewport shows its top rather than its bottom.
  if (bottom > viewport.scrollTop + viewport.height) return Math.max(0, Math.min(top, bottom - viewport.height));
  return viewport.scrollTop;
}

/** Height of the scrolling content: every row, rendered or not, so the scroll bar tells the truth. */
export function contentHeight(count: number, rowHeight: number): number {
  return Math.max(0, count) * rowHeight;
}
