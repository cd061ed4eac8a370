import { rangeFor, type TextMap } from '../article/text';

/**
 * DOM ranges for text spans. Highlights get `StaticRange`s: the browser keeps every
 * live `Range` up to date on each DOM change, which would make a page with thousands
 * of highlights pay for each of its own mutations; static ones cost nothing, and the
 * annotator redoes them when the article changes. Geometry (hit-testing, scrolling,
 * placing the card) needs a live `Range`, made on demand with `liveRange`.
 */
export function staticRange(doc: Document, map: TextMap, start: number, end: number): AbstractRange | null {
  const spec = rangeFor(map, start, end);
  if (!spec) return null;
  const init = {
    startContainer: spec.startNode,
    startOffset: spec.startOffset,
    endContainer: spec.endNode,
    endOffset: spec.endOffset,
  };
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && typeof view.StaticRange === 'function') return new view.StaticRange(init);
  return liveRange(doc, init);
}

/** A live `Range` with the same boundaries as `range`. */
export function liveRange(doc: Document, range: StaticRangeInit | AbstractRange): Range {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}
