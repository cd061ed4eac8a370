/**
 * describe(): a span of the article text → the selectors stored with a clipping.
 *
 * The prefix and suffix start at 32 code units each (as the W3C model and Hypothesis
 * do) and double, up to `maxContext`, while the quote with its context still occurs
 * more than once: official news repeats itself ("tăng 5%", the name of a plan), and
 * anchor() can only tell repeated quotes apart by what surrounds them.
 *
 * Cost: O(n) to normalize the text (once per text, shared with anchor()) plus one
 * O(n) indexOf scan per context length tried (at most log2(maxContext / context) + 1).
 */
import { isMark, normalizeForMatch, normalizeString } from './normalize';
import type { DescribeOptions, Selectors } from './types';

const DEFAULT_CONTEXT = 32;
const DEFAULT_MAX_CONTEXT = 256;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Moves a cut left off a surrogate pair's second half or a combining mark. */
function safeStart(text: string, i: number): number {
  while (i > 0 && (isLowSurrogate(text.charCodeAt(i)) || isMark(text.charCodeAt(i)))) i--;
  return i;
}

/** Moves a cut right past a surrogate pair's second half and combining marks. */
function safeEnd(text: string, i: number): number {
  while (i < text.length && (isLowSurrogate(text.charCodeAt(i)) || isMark(text.charCodeAt(i)))) i++;
  return i;
}

/** True when `needle` occurs in `haystack` more than once (overlaps count). */
function repeats(haystack: string, needle: string): boolean {
  const first = haystack.indexOf(needle);
  return first >= 0 && haystack.indexOf(needle, first + 1) >= 0;
}

/**
 * Selectors for `text.slice(start, end)`. Throws RangeError for offsets that are not
 * integers with 0 ≤ start ≤ end ≤ text.length. An empty span gives an empty quote,
 * which anchor() reports as an orphan: there is nothing to find.
 */
export function describe(text: string, start: number, end: number, opts: DescribeOptions = {}): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`describe: span [${start}, ${end}) outside a text of length ${text.length}`);
  }
  const context = Math.max(0, opts.context ?? DEFAULT_CONTEXT);
  const maxContext = Math.max(context, opts.maxContext ?? DEFAULT_MAX_CONTEXT);
  const exact = text.slice(start, end);

  const slices = (len: number): { prefix: string; suffix: string } => ({
    prefix: text.slice(safeStart(text, Math.max(0, start - len)), start),
    suffix: text.slice(end, safeEnd(text, Math.min(text.length, end + len))),
  });

  let { prefix, suffix } = slices(context);
  if (exact.length > 0 && context > 0) {
    const haystack = normalizeForMatch(text).text;
    if (repeats(haystack, normalizeString(exact))) {
      for (let len = context; ; ) {
        if (!repeats(haystack, normalizeString(prefix + exact + suffix))) break;
        // Context that already reaches both ends of the text cannot grow.
        if (len >= maxContext || (start - prefix.length <= 0 && end + suffix.length >= text.length)) break;
        len = Math.min(maxContext, len * 2);
        ({ prefix, suffix } = slices(len));
      }
    }
  }
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start, end },
  };
}
