/**
 * Visible text of an element, built in one linear walk over its text nodes, with a
 * map from text offsets back to DOM positions so that highlights found in the text
 * can be placed with DOM Ranges:
 *
 *   const { text, map } = elementText(article.body);
 *   const r = rangeFor(map, start, end);
 *   if (r) { const range = new Range(); range.setStart(r.startNode, r.startOffset); range.setEnd(r.endNode, r.endOffset); }
 *
 * Rules (close to what a reader sees, without layout):
 * - runs of HTML whitespace (space, tab, CR, LF, FF, NBSP) collapse to one " "; leading
 *   and trailing whitespace of a line is dropped;
 * - block elements (p, div, li, h1-h6, tr, figure, figcaption, table, …) and <br> start a
 *   new line: exactly one "\n" separates two blocks, never at the start or the end;
 * - table cells (td, th) are separated by " ";
 * - script, style, noscript, template, svg, iframe, form controls, elements with the
 *   `hidden` attribute, `style="display:none"`/`visibility:hidden`, and the usual
 *   hiding classes (hidden, d-none, sr-only, …) are skipped, as is anything for which
 *   the optional `skip` predicate returns true.
 *
 * All offsets are UTF-16 code units. Uses only firstChild/nextSibling/parentNode,
 * getAttribute and localName, so it runs on browser DOM and linkedom alike, without
 * recursion (deeply nested markup is fine).
 */

import { finish, NODES_PER_STEP, type Steps } from './steps.ts';

/** Map from offsets in the built text back to DOM text positions. */
export interface TextMap {
  /** Text offset where each segment starts; ascending. */
  readonly starts: number[];
  /** The Text node each segment comes from, or null for a separator the walk inserted. */
  readonly nodes: (Text | null)[];
  /** Offset in that Text node where the segment starts. */
  readonly offsets: number[];
  /**
   * Length of the segment in its node. Equals the segment's length in the text, except
   * for a collapsed whitespace run (one " " in the text, `nodeLens` characters in the
   * node) and for inserted separators (0).
   */
  readonly nodeLens: number[];
  /** Length of the whole text. */
  readonly length: number;
}

export interface ElementText {
  text: string;
  map: TextMap;
}

export interface ElementTextOptions {
  /** Return true to leave an element (and everything in it) out of the text. */
  skip?: (el: Element) => boolean;
  /** Stop once the text is at least this long (for short texts of possibly big elements). */
  limit?: number;
}

/** A DOM position pair, ready for Range#setStart / Range#setEnd. */
export interface RangeSpec {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** Elements whose content is never visible text. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'input',
  'button', 'head', 'title', 'meta', 'link', 'base', 'map', 'area', 'param', 'source', 'track',
  'dialog',
]);

/** Elements that start and end a line. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol',
  'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
  'caption', 'xmp',
]);

const CELL_TAGS = new Set(['td', 'th']);

const HIDING_CLASS = /(?:^|\s)(?:hidden|hide|d-none|sr-only|visually-hidden|screen-reader-text|invisible)(?:\s|$)/;
const HIDING_STYLE = /(?:^|;|\s)(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Lower-case element name that works for HTML and foreign (SVG) elements in every DOM. */
export function tagOf(el: Element): string {
  const n = el.localName || el.tagName || '';
  return n.toLowerCase();
}

/**
 * True when an element is hidden by its own markup (no CSS/layout consulted): the
 * `hidden` attribute, an inline display:none / visibility:hidden, or a hiding class.
 */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style !== null && style.length < 2000 && HIDING_STYLE.test(style)) return true;
  const cls = el.getAttribute('class');
  if (cls !== null && cls.length < 2000 && HIDING_CLASS.test(cls)) return true;
  return false;
}

/** True for elements the text walk never enters (invisible or non-text content). */
export function isSkippedElement(el: Element): boolean {
  return SKIP_TAGS.has(tagOf(el)) || isHiddenElement(el);
}

const NON_SPACE_WS = /[\t\n\r\f\u00a0]/g;

const EMPTY_MAP: TextMap = { starts: [], nodes: [], offsets: [], nodeLens: [], length: 0 };

/**
 * The visible text of `root` (or of several roots, joined as separate blocks) and its
 * offset map. Linear in the size of the subtree.
 */
export function elementText(
  root: Element | null | undefined | readonly (Element | null | undefined)[],
  options: ElementTextOptions = {},
): ElementText {
  return finish(elementTextSteps(root, options));
}

/**
 * `elementText`, pausable: yields every `NODES_PER_STEP` nodes (the walk over a 1 MB
 * article takes 15–45 ms in Chromium, too long for one task).
 */
export function* elementTextSteps(
  root: Element | null | undefined | readonly (Element | null | undefined)[],
  options: ElementTextOptions = {},
): Steps<ElementText> {
  const roots: Element[] = [];
  if (Array.isArray(root)) {
    for (const r of root as readonly (Element | null | undefined)[]) if (r) roots.push(r);
  } else if (root) {
    roots.push(root as Element);
  }
  if (roots.length === 0) return { text: '', map: EMPTY_MAP };

  const skip = options.skip;
  const limit = options.limit ?? Infinity;
  const parts: string[] = [];
  const starts: number[] = [];
  const nodes: (Text | null)[] = [];
  const offsets: number[] = [];
  const nodeLens: number[] = [];
  let length = 0;
  /** last emitted character is "\n" or " " (or nothing was emitted yet) */
  let lastWasSpace = true;
  let pendingBreak = false;
  let pendingSpace = false;
  let spaceNode: Text | null = null;
  let spaceOffset = 0;
  let spaceLen = 0;

  const pushSegment = (s: string, node: Text | null, offset: number, nodeLen: number): void => {
    parts.push(s);
    starts.push(length);
    nodes.push(node);
    offsets.push(offset);
    nodeLens.push(nodeLen);
    length += s.length;
  };

  const emitChunk = (node: Text, from: number, chunk: string, odd: boolean): void => {
    if (length > 0) {
      if (pendingBreak) {
        pushSegment('\n', null, 0, 0);
      } else if (pendingSpace && !lastWasSpace) {
        const last = parts.length - 1;
        if (
          spaceLen === 1 &&
          spaceNode !== null &&
          nodes[last] === spaceNode &&
          offsets[last]! + nodeLens[last]! === spaceOffset &&
          nodeLens[last] === parts[last]!.length
        ) {
          // a lone space right after the previous chunk of the same node: extend it
          parts[last] += ' ';
          nodeLens[last]!++;
          length++;
        } else {
          pushSegment(' ', spaceNode, spaceOffset, spaceLen);
        }
      }
    }
    pendingBreak = false;
    pendingSpace = false;
    spaceNode = null;
    if (odd) chunk = chunk.replace(NON_SPACE_WS, ' ');
    pushSegment(chunk, node, from, chunk.length);
    lastWasSpace = false;
  };

  const setSpace = (node: Text | null, offset: number, len: number): void => {
    if (pendingSpace || pendingBreak) return;
    pendingSpace = true;
    spaceNode = node;
    spaceOffset = offset;
    spaceLen = len;
  };

  const visitText = (node: Text): void => {
    const s = node.data;
    const n = s.length;
    if (n === 0) return;
    // manual scan for whitespace runs (no regex objects per word: this is the hot loop)
    let chunkStart = 0;
    let i = 0;
    // the current chunk holds a lone tab/newline/NBSP that must read as " "
    let odd = false;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12 && c !== 160) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d !== 32 && d !== 10 && d !== 9 && d !== 13 && d !== 12 && d !== 160) break;
        j++;
      }
      // a single whitespace character between two visible characters of this node
      // maps 1:1 to " " and needs no segment of its own
      if (j - i === 1 && i > chunkStart && j < n) {
        if (c !== 32) odd = true;
        i = j;
        continue;
      }
      if (i > chunkStart) emitChunk(node, chunkStart, s.slice(chunkStart, i), odd);
      odd = false;
      setSpace(node, i, j - i);
      chunkStart = j;
      i = j;
    }
    if (chunkStart < n) emitChunk(node, chunkStart, s.slice(chunkStart), odd);
  };

  const leave = (el: Element): void => {
    const t = tagOf(el);
    if (BLOCK_TAGS.has(t)) pendingBreak = true;
    else if (CELL_TAGS.has(t)) setSpace(null, 0, 0);
  };

  for (let ri = 0; ri < roots.length && length < limit; ri++) {
    const top = roots[ri]!;
    pendingBreak = true;
    let node: Node | null = top.firstChild;
    let visited = 0;
    while (node !== null && length < limit) {
      if (++visited === NODES_PER_STEP) {
        visited = 0;
        yield;
      }
      let descend = false;
      const type = node.nodeType;
      if (type === 3) {
        visitText(node as Text);
      } else if (type === 1) {
        const el = node as Element;
        const t = tagOf(el);
        if (t === 'br') {
          pendingBreak = true;
        } else if (t === 'wbr') {
          // nothing
        } else if (!SKIP_TAGS.has(t) && !isHiddenElement(el) && !(skip !== undefined && skip(el))) {
          if (BLOCK_TAGS.has(t)) pendingBreak = true;
          else if (CELL_TAGS.has(t)) setSpace(null, 0, 0);
          if (el.firstChild !== null) descend = true;
          else leave(el);
        }
      } else if (type === 4) {
        // CDATA (XHTML) counts as text
        visitText(node as Text);
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      // next node in document order, closing the elements we climb out of
      node = nextAfterSubtree(node, top, leave);
    }
  }

  return { text: parts.join(''), map: { starts, nodes, offsets, nodeLens, length } };
}

/** Index of the last segment whose start is <= pos (binary search), or -1. */
function segmentAt(map: TextMap, pos: number): number {
  const s = map.starts;
  let lo = 0;
  let hi = s.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid]! <= pos) {
      ans = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return ans;
}

function segTextLen(map: TextMap, i: number): number {
  const next = i + 1 < map.starts.length ? map.starts[i + 1]! : map.length;
  return next - map.starts[i]!;
}

/** Node position of text offset `pos` taken as the start of a range. */
function startPos(map: TextMap, pos: number): { node: Text; offset: number; i: number } | null {
  let i = segmentAt(map, pos);
  if (i < 0) return null;
  // inserted separators have no node: begin at the next real segment
  while (i < map.nodes.length && map.nodes[i] === null) i++;
  if (i >= map.nodes.length) return null;
  const node = map.nodes[i]!;
  const within = Math.max(0, pos - map.starts[i]!);
  const tl = segTextLen(map, i);
  const nl = map.nodeLens[i]!;
  if (tl !== nl) return { node, offset: map.offsets[i]! + (within >= tl ? nl : 0), i };
  return { node, offset: map.offsets[i]! + Math.min(within, nl), i };
}

/** Node position just after text offset `pos - 1` (the end of a range ending at `pos`). */
function endPos(map: TextMap, pos: number): { node: Text; offset: number; i: number } | null {
  let i = segmentAt(map, pos - 1);
  if (i < 0) return null;
  while (i >= 0 && map.nodes[i] === null) i--;
  if (i < 0) return null;
  const node = map.nodes[i]!;
  const tl = segTextLen(map, i);
  const nl = map.nodeLens[i]!;
  const within = pos - map.starts[i]!; // characters of this segment covered
  if (tl !== nl) return { node, offset: map.offsets[i]! + (within >= tl ? nl : 0), i };
  return { node, offset: map.offsets[i]! + Math.min(Math.max(within, 0), nl), i };
}

/**
 * DOM positions for the text range [start, end) of a text built by `elementText`.
 * Separators the walk inserted ("\n" between blocks, " " between cells) are not in
 * the page: a range beginning on one begins at the next text, a range ending on one
 * ends after the previous text. Returns null for an empty or out-of-range request.
 */
export function rangeFor(map: TextMap, start: number, end: number): RangeSpec | null {
  if (!(start >= 0) || !(end > start) || end > map.length) return null;
  const a = startPos(map, start);
  const b = endPos(map, end);
  if (a === null || b === null || a.i > b.i) return null;
  return { startNode: a.node, startOffset: a.offset, endNode: b.node, endOffset: b.offset };
}

const SPACE_RUN = /[\s\u00a0\u200b\ufeff]+/g;

/** The characters `SPACE_RUN` matches: JavaScript's `\s` plus the zero-width space. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Collapse whitespace and trim: the text of a short element such as a title or date line.
 * Called once per paragraph while the article text is built, so the usual case (nothing
 * to collapse) is a scan without a regular expression or a new string.
 */
export function normalizeSpace(s: string): string {
  const n = s.length;
  let from = 0;
  while (from < n && isSpaceCode(s.charCodeAt(from))) from++;
  let to = n;
  while (to > from && isSpaceCode(s.charCodeAt(to - 1))) to--;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? isSpaceCode(s.charCodeAt(i + 1)) : isSpaceCode(c)) {
      return s.slice(from, to).replace(SPACE_RUN, ' ');
    }
  }
  return from === 0 && to === n ? s : s.slice(from, to);
}

/**
 * Visible text of a small element (title, date line, author line), whitespace
 * collapsed, on one line. Uses the same skipping rules as `elementText`.
 */
export function shortText(el: Element | null | undefined, max = 2000): string {
  if (!el) return '';
  const { text } = elementText(el, { limit: max + 64 });
  const t = normalizeSpace(text);
  return t.length > max ? t.slice(0, max) : t;
}

/**
 * Number of visible characters under `el` (whitespace runs counted once, invisible
 * elements skipped), counting stops once `cap` is reached. No string is built.
 */
export function visibleLength(el: Element | null | undefined, cap = Infinity): number {
  if (!el) return 0;
  let count = 0;
  let ws = true;
  let node: Node | null = el.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === 3) {
      const s = (node as Text).data;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
          if (!ws) {
            count++;
            ws = true;
          }
        } else {
          count++;
          ws = false;
        }
      }
      if (count >= cap) return count;
    } else if (node.nodeType === 1) {
      if (node.firstChild !== null && !isSkippedElement(node as Element)) descend = true;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== el && node.nextSibling === null) node = node.parentNode;
    if (node === null || node === el) break;
    node = node.nextSibling;
  }
  return ws && count > 0 ? count - 1 : count;
}

/**
 * The next node after `node` in document order within `root`, once `node`'s own subtree
 * is done, calling `leave` for each element climbed out of; null past the end. The one
 * step of the iterative walks (no recursion: pages nest thousands of levels deep).
 */
export function nextAfterSubtree(node: Node, root: Node, leave: (el: Element) => void): Node | null {
  let current: Node | null = node;
  while (current !== null) {
    if (current === root) return null;
    const next: Node | null = current.nextSibling;
    if (next !== null) return next;
    const parent: Node | null = current.parentNode;
    if (parent === null || parent === root) return null;
    leave(parent as Element);
    current = parent;
  }
  return null;
}
