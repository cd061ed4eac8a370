/**
 * The way from a DOM selection to the article text: the reader selects on the page, the
 * clipping is stored in text offsets (lib/anchor's selectors). A selection's boundary
 * points can be anywhere: inside a Text node of the article, between elements (a
 * triple click ends at the start of the next paragraph), in a caption the article text
 * leaves out, or outside the article altogether (the headline, the page's menu). Each
 * end is moved to the nearest article text inside the selection, so a selection is
 * clipped to the article body, never widened.
 *
 * DOM only, no layout: runs on browser DOM and on linkedom in tests.
 * Cost: O(log s) boundary comparisons for s segments of the text map, each
 * O(depth + siblings) — nothing proportional to the article, after the map's one-off
 * index of its Text nodes (`TextOffsets`).
 */
import type { TextMap } from '../article/text';
import { TextOffsets } from '../highlight/positions';

/** What the clipping needs of a Range or a StaticRange. */
export interface Boundaries {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

function childIndex(node: Node): number {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

/** The node and its ancestors, root first. */
function lineage(node: Node): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = node; n; n = n.parentNode) out.push(n);
  return out.reverse();
}

/**
 * The position of boundary point (a, ao) relative to (b, bo): -1 before, 0 equal,
 * 1 after — the DOM standard's "position of a boundary point", written out from the
 * two nodes' ancestries rather than with `compareDocumentPosition` (which linkedom,
 * where the tests run, gets wrong across subtrees) or `Range.comparePoint` (which needs
 * a live Range). O(depth + siblings of the two branches).
 */
export function comparePoints(a: Node, ao: number, b: Node, bo: number): -1 | 0 | 1 {
  if (a === b) return ao === bo ? 0 : ao < bo ? -1 : 1;
  const la = lineage(a);
  const lb = lineage(b);
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  // Not in one tree: no order; call the first one earlier.
  if (i === 0) return -1;
  // a is an ancestor of b: b lies in a's child lb[i].
  if (i === la.length) return childIndex(lb[i]!) < ao ? 1 : -1;
  // b is an ancestor of a.
  if (i === lb.length) return childIndex(la[i]!) < bo ? -1 : 1;
  // Different children of a common ancestor.
  return childIndex(la[i]!) < childIndex(lb[i]!) ? -1 : 1;
}

/** Per text map: its Text-node index and the segments that come from the page (not inserted separators). */
interface MapIndex {
  offsets: TextOffsets;
  real: Int32Array;
}

const indexes = new WeakMap<TextMap, MapIndex>();

function indexOf(map: TextMap): MapIndex {
  let index = indexes.get(map);
  if (!index) {
    const real: number[] = [];
    for (let i = 0; i < map.nodes.length; i++) if (map.nodes[i]) real.push(i);
    index = { offsets: new TextOffsets(map), real: Int32Array.from(real) };
    indexes.set(map, index);
  }
  return index;
}

function segmentEnd(map: TextMap, i: number): number {
  return i + 1 < map.starts.length ? map.starts[i + 1]! : map.length;
}

/** Text offset of a range's start point: the point itself, or the first article text after it. */
function startOffset(map: TextMap, index: MapIndex, node: Node, offset: number): number | null {
  const direct = index.offsets.offsetOf(node, offset);
  if (direct !== null) return direct;
  // First real segment starting at or after the point.
  const { real } = index;
  let lo = 0;
  let hi = real.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const i = real[mid]!;
    if (comparePoints(map.nodes[i]!, map.offsets[i]!, node, offset) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo < real.length ? map.starts[real[lo]!]! : null;
}

/** Text offset of a range's end point: the point itself, or the end of the last article text before it. */
function endOffset(map: TextMap, index: MapIndex, node: Node, offset: number): number | null {
  const direct = index.offsets.offsetOf(node, offset);
  if (direct !== null) return direct;
  // Last real segment ending at or before the point.
  const { real } = index;
  let lo = -1;
  let hi = real.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const i = real[mid]!;
    if (comparePoints(map.nodes[i]!, map.offsets[i]! + map.nodeLens[i]!, node, offset) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo >= 0 ? segmentEnd(map, real[lo]!) : null;
}

const SPACE = /\s/;

/**
 * The article-text span [start, end) a selection covers, clipped to the article and
 * trimmed of white space at both ends; null when it covers no article text.
 */
export function selectionSpan(map: TextMap, text: string, range: Boundaries): { start: number; end: number } | null {
  if (map.length === 0) return null;
  const index = indexOf(map);
  let start = startOffset(map, index, range.startContainer, range.startOffset);
  let end = endOffset(map, index, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  while (start < end && SPACE.test(text.charAt(start))) start++;
  while (end > start && SPACE.test(text.charAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}
