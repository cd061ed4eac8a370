/**
 * How good a candidate place for a quote is, 0–1, from three kinds of evidence, in the
 * spirit of the Hypothesis client's match-quote: how close the text there is to the
 * quote, how close its surroundings are to the stored prefix and suffix, and how near
 * it is to where the quote used to be. The quote weighs most; context tells repeated
 * or similar passages apart; position is a light tie-breaker, because news pages
 * gain and lose whole paragraphs above a quote without it changing meaning.
 *
 * Cost per candidate: two approximate searches of the context (≤ 256 units) in a
 * window of the same length, O(⌈c/32⌉ · c) each — negligible next to the search for
 * the quote itself.
 */
import approxSearch from 'approx-string-match';

export const WEIGHTS = { quote: 0.55, prefix: 0.2, suffix: 0.2, position: 0.05 } as const;

/** What is known about where the quote was, all in normalized text. */
export interface Context {
  prefix: string;
  suffix: string;
  /** Normalized offset of the old start, or null when no position was stored. */
  hint: number | null;
}

/** A place the quote might be, in normalized offsets. */
export interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the quote and `text.slice(start, end)`. */
  errors: number;
}

export interface Scored extends Candidate {
  /** Mean similarity of prefix and suffix, 0–1. */
  context: number;
  score: number;
}

/**
 * Similarity of `window` (the text where context should be) to the stored `context`:
 * 1 − (fewest edits to find `context` within `window`) / |context|. An empty stored
 * context means the quote touched the text's edge: full marks if the window is empty
 * too, else a neutral ½ (a page may have gained a heading).
 */
export function contextSimilarity(window: string, context: string): number {
  if (context.length === 0) return window.length === 0 ? 1 : 0.5;
  if (window.length === 0) return 0;
  if (window === context) return 1;
  const matches = approxSearch(window, context, context.length);
  let best = context.length;
  for (const m of matches) best = Math.min(best, m.errors);
  return 1 - best / context.length;
}

/** Scores a candidate in `text` (normalized) for a quote of length `quoteLength`. */
export function scoreCandidate(text: string, quoteLength: number, c: Candidate, ctx: Context): Scored {
  const before = text.slice(Math.max(0, c.start - ctx.prefix.length), c.start);
  const after = text.slice(c.end, c.end + ctx.suffix.length);
  const prefix = contextSimilarity(before, ctx.prefix);
  const suffix = contextSimilarity(after, ctx.suffix);
  const quote = Math.max(0, 1 - c.errors / Math.max(1, quoteLength));
  const position = ctx.hint === null ? 1 : 1 - Math.abs(c.start - ctx.hint) / Math.max(1, text.length);
  const score =
    WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position;
  return { ...c, context: (prefix + suffix) / 2, score };
}

/**
 * Order for places where the quote occurs exactly: context first, then nearness to
 * the old position. Kept apart from `score` so that distance can never outvote a
 * difference in context, however small, between two identical quotes.
 */
export function compareExact(a: Scored, b: Scored, hint: number | null): number {
  if (a.context !== b.context) return b.context - a.context;
  if (hint === null) return a.start - b.start;
  return Math.abs(a.start - hint) - Math.abs(b.start - hint);
}
