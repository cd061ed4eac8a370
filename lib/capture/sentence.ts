/**
 * The sentence around a span of the article text: what the card's "save" keeps with an
 * entity, so that "1.640 tỷ đồng" is stored with what it was the sum of.
 *
 * A sentence ends at a line break (the article text has one between blocks) or at . ! ? …
 * followed, after any closing quotes or brackets, by white space — so the dots inside
 * "1.640" or "3307/QĐ-UBND" never end one — unless the word before the dot is an
 * abbreviation Vietnamese news writes with a dot ("TP. Hồ Chí Minh", "ThS.", "PGS.TS.")
 * or a single capital (an initial). Runs longer than `max` on one side are cut at a word
 * boundary: a paragraph without punctuation is not a sentence to keep whole.
 *
 * Pure; O(max) in the worst case.
 */

/** Words written with a final dot that do not end a sentence (compared case-sensitively). */
const ABBREVIATIONS = new Set([
  'TP', 'Tp', 'TX', 'Tx', 'TT', 'Q', 'P', 'H', 'X', 'ThS', 'TS', 'PGS', 'GS', 'BS', 'KS', 'CN', 'NXB', 'Th', 'St',
  'Mr', 'Mrs', 'Ms', 'Dr', 'Ths', 'Ts', 'Pgs', 'Gs', 'Bs', 'Ks', 'PGS.TS', 'GS.TS', 'TSKH', 'BSCKII', 'BSCKI',
]);

const TERMINATORS = '.!?…';
const CLOSERS = '"\'”’»)]';
const SPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}.]/u;

/** Whether a terminator at `i` ends a sentence (the text after it is white space or the end). */
function endsSentence(text: string, i: number): { after: number } | null {
  if (!TERMINATORS.includes(text.charAt(i))) return null;
  let j = i + 1;
  while (j < text.length && CLOSERS.includes(text.charAt(j))) j++;
  if (j < text.length && !SPACE.test(text.charAt(j))) return null;
  if (text.charAt(i) === '.') {
    let w = i;
    while (w > 0 && WORD_CHAR.test(text.charAt(w - 1))) w--;
    const word = text.slice(w, i);
    if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word)) return null;
  }
  return { after: j };
}

/** Cuts [from, to) of a run longer than allowed at the word boundary nearest the limit. */
function wordBoundary(text: string, pos: number, direction: -1 | 1, limit: number): number {
  let p = pos;
  const stop = direction < 0 ? Math.max(0, pos - 40) : Math.min(text.length, pos + 40);
  while (p !== stop && !SPACE.test(text.charAt(direction < 0 ? p - 1 : p))) p += direction;
  return p === stop ? limit : p;
}

/** Start of the sentence holding offset `start`. */
function sentenceStart(text: string, start: number, max: number): number {
  const floor = Math.max(0, start - max);
  for (let i = start - 1; i >= floor; i--) {
    const c = text.charAt(i);
    if (c === '\n') return i + 1;
    if (SPACE.test(c)) {
      // "… đồng. Đến nay": the space after a sentence's end.
      let k = i - 1;
      while (k >= 0 && CLOSERS.includes(text.charAt(k))) k--;
      if (k >= 0 && endsSentence(text, k)) return i + 1;
    }
  }
  return floor === 0 ? 0 : wordBoundary(text, floor, 1, floor);
}

/** End of the sentence holding offset `end - 1`. */
function sentenceEnd(text: string, end: number, max: number): number {
  const ceiling = Math.min(text.length, end + max);
  // A span ending on a terminator already ends its sentence.
  for (let i = Math.max(0, end - 1); i < ceiling; i++) {
    const c = text.charAt(i);
    if (c === '\n' && i >= end) return i;
    const found = endsSentence(text, i);
    if (found) return found.after;
  }
  return ceiling === text.length ? ceiling : wordBoundary(text, ceiling, -1, ceiling);
}

/**
 * The sentence (or sentences) around text[start, end), trimmed of white space; at most
 * `max` code units are added on each side.
 */
export function sentenceAround(text: string, start: number, end: number, max = 600): { start: number; end: number } {
  let s = sentenceStart(text, Math.max(0, Math.min(start, text.length)), max);
  let e = sentenceEnd(text, Math.max(start, Math.min(end, text.length)), max);
  while (s < e && SPACE.test(text.charAt(s))) s++;
  while (e > s && SPACE.test(text.charAt(e - 1))) e--;
  // Never less than the span asked for.
  return { start: Math.min(s, start), end: Math.max(e, end) };
}
