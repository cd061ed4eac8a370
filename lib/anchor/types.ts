/**
 * The records lib/anchor reads and writes. Selectors are the W3C Web Annotation ones
 * (https://www.w3.org/TR/annotation-model/#selectors) so a clipping exports as a W3C
 * annotation without translation; they are stored, so every field is plain JSON.
 *
 * Offsets are UTF-16 code units into the exact string given to `describe()` or
 * `anchor()`, `end` exclusive — the same convention as lib/recognize.
 */

/** The quoted text with enough of its surroundings to find it again. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Text just before `exact` ('' at the start of the text). */
  prefix: string;
  /** Text just after `exact` ('' at the end of the text). */
  suffix: string;
}

/** Where the quote was: a hint only, since pages are edited and re-extracted. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** What `describe()` returns and `anchor()` takes. The position may be missing (imports). */
export interface Selectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

export interface DescribeOptions {
  /** Context wanted on each side, in code units (default 32). */
  context?: number;
  /** Longest context when it is extended to tell repeated quotes apart (default 256). */
  maxContext?: number;
}

/**
 * How a clipping was found again:
 * - `exact`: the stored quote at the stored position;
 * - `context`: the stored quote, elsewhere (text moved, or spacing/Unicode form changed),
 *   chosen among its occurrences by prefix/suffix and nearness to the old position;
 * - `fuzzy`: text close to the quote (edited), see `changes`;
 * - `orphan`: nothing good enough; the clipping is listed apart.
 */
export type AnchorStatus = 'exact' | 'context' | 'fuzzy' | 'orphan';

/**
 * A difference that matters to a journalist between the stored quote and the text it
 * now anchors to: a figure or a document code. `before` is null when the page added
 * one, `after` is null when the page dropped one.
 */
export interface FigureChange {
  kind: 'number' | 'code';
  before: string | null;
  after: string | null;
  /** Offsets of `after` in the anchored text (absent when `after` is null). */
  start?: number;
  end?: number;
}

export interface Anchored {
  status: 'exact' | 'context' | 'fuzzy';
  start: number;
  end: number;
  /** 0–1: how well quote, context and position agree (1 for an exact, in-place match). */
  score: number;
  /** Only on `fuzzy`: changed numbers and document codes, possibly none. */
  changes?: FigureChange[];
}

export interface Orphan {
  status: 'orphan';
  /** Score of the best candidate that was turned down, if there was one. */
  score?: number;
}

/** Orphans carry no offsets, so a caller cannot highlight one by mistake. */
export type AnchorResult = Anchored | Orphan;

export interface AnchorOptions {
  /**
   * Cap on the edit distance allowed for the approximate search (default 32). The
   * allowance is min(cap, ⌈length/4⌉) and the search costs O(⌈allowance/32⌉ · n).
   */
  maxErrors?: number;
  /** Below this score (0–1) the best candidate is turned down: an orphan (default 0.75). */
  minScore?: number;
}
