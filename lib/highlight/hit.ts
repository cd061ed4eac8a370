/**
 * What is under the pointer, in text terms: the caret position the browser would
 * put at (x, y). `caretPositionFromPoint` is the standard (Firefox, Chromium ≥ 128);
 * `caretRangeFromPoint` is WebKit's older form, kept for Chromium 105–127.
 */
export interface CaretPosition {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): CaretPosition | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * Whether (x, y) falls on one of the range's line boxes. The caret APIs snap to the
 * nearest text even from a margin or the empty end of a line, so a caret inside an
 * entity's span is only a candidate until the geometry agrees.
 */
export function rangeHasPoint(range: Range, x: number, y: number, slop = 1): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}
