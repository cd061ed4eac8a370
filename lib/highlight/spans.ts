/**
 * Entities' text spans, kept sorted by start, for the questions the pointer and the
 * keyboard ask: "which entity is at this text offset?" and "which one comes next?".
 * Each answer is a binary search, O(log n), so hovering stays cheap on a page with
 * thousands of entities.
 *
 * Spans are appended in text order (the annotator works through the text from the
 * start), which keeps the arrays sorted without re-sorting. The recognizer never
 * returns overlapping spans, but nothing here relies on that: a running maximum of
 * the ends lets `around` find every span covering an offset.
 */
export interface Span {
  start: number;
  end: number;
}

export class SpanIndex {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** maxEnds[i] = max(ends[0..i]): how far back a covering span can begin. */
  private readonly maxEnds: number[] = [];

  get size(): number {
    return this.starts.length;
  }

  /** Appends a span; it must not start before the last one appended. */
  push(span: Span): void {
    const n = this.starts.length;
    if (n > 0 && span.start < this.starts[n - 1]!) {
      throw new RangeError(`span at ${span.start} appended after one at ${this.starts[n - 1]}`);
    }
    this.starts.push(span.start);
    this.ends.push(span.end);
    this.maxEnds.push(n > 0 ? Math.max(this.maxEnds[n - 1]!, span.end) : span.end);
  }

  /** Index of the last span starting at or before `pos`, or -1. */
  private lastStartingAtOrBefore(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= pos) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * Indices of the spans with start <= pos <= end, nearest first. A caret offset is a
   * position between characters, so the pointer over the last character of a span
   * gives its `end`: both edges count, and the caller settles ties by geometry.
   */
  around(pos: number): number[] {
    const out: number[] = [];
    for (let i = this.lastStartingAtOrBefore(pos); i >= 0 && this.maxEnds[i]! >= pos; i--) {
      if (this.ends[i]! >= pos) out.push(i);
    }
    return out;
  }

  /** Index of the first span starting after `pos`, or -1. */
  after(pos: number): number {
    const i = this.lastStartingAtOrBefore(pos) + 1;
    return i < this.starts.length ? i : -1;
  }

  /** Index of the last span starting before `pos`, or -1. */
  before(pos: number): number {
    return this.lastStartingAtOrBefore(pos - 1);
  }
}
