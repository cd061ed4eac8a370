/**
 * The text the recognizer reads: NFC, with a map back to the offsets of the string
 * it was given. Decomposed diacritics (NFD, common in text pasted from office
 * documents) must give the same entities with offsets into the original string.
 */

const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

export interface NormalizedText {
  /** NFC text the recognizer scans. */
  text: string;
  /**
   * `toOriginal[i]` is the offset in the original string where normalized code unit `i`
   * comes from; `toOriginal[text.length]` is the original length. Null when the text
   * was already NFC-clean (identity map, the common case, costs nothing).
   */
  toOriginal: Int32Array | null;
}

function isCombining(code: number): boolean {
  return (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

/** Real text stacks at most a few marks on a letter; longer stacks are left as they are. */
const MAX_MARKS = 8;

/**
 * Composes each base character with the combining marks that follow it, one cluster
 * at a time, so the map stays exact and the pass stays linear. Each distinct cluster
 * is normalized once (Vietnamese has a few hundred); a stack of more than MAX_MARKS
 * marks is copied unchanged, because canonical reordering of a long stack is
 * quadratic inside `normalize` and a hostile page could use that to hang the tab.
 */
export function normalizeText(original: string): NormalizedText {
  if (!COMBINING.test(original)) return { text: original, toOriginal: null };
  const n = original.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  const cache = new Map<string, string>();
  const byKey = new Map<number, string>();
  let o = 0;
  let i = 0;
  // Whether a surrogate went to the output: then it is decoded unit by unit (see decodeUtf16).
  let surrogates = false;
  // Each code unit is read once: the one after `c` (-1 past the end) is the next `c`.
  let c = n > 0 ? original.charCodeAt(0) : -1;
  while (i < n) {
    const d = i + 1 < n ? original.charCodeAt(i + 1) : -1;
    if (isCombining(d) && !isCombining(c)) {
      let j = i + 2;
      while (j < n && isCombining(original.charCodeAt(j))) j++;
      if (j - i - 1 <= MAX_MARKS) {
        // Nearly every cluster is a letter and one or two marks of U+0300–U+036F: those
        // are cached under a number, without cutting the cluster out of the text.
        const key = clusterKey(original, i, j);
        let composed = key >= 0 ? byKey.get(key) : undefined;
        if (composed === undefined) {
          const cluster = original.slice(i, j);
          composed = cache.get(cluster);
          if (composed === undefined) {
            composed = cluster.normalize('NFC');
            if (cache.size < 4096) cache.set(cluster, composed);
          }
          if (key >= 0 && byKey.size < 4096) byKey.set(key, composed);
        }
        for (let k = 0; k < composed.length; k++) {
          const unit = composed.charCodeAt(k);
          if (unit >= 0xd800 && unit <= 0xdfff) surrogates = true;
          out[o] = unit;
          map[o++] = i;
        }
      } else {
        for (let k = i; k < j; k++) {
          const unit = original.charCodeAt(k);
          if (unit >= 0xd800 && unit <= 0xdfff) surrogates = true;
          out[o] = unit;
          map[o++] = k;
        }
      }
      i = j;
      c = j < n ? original.charCodeAt(j) : -1;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
    out[o] = c;
    map[o++] = i++;
    c = d;
  }
  map[o] = n;
  return { text: decodeUtf16(out.subarray(0, o), surrogates), toOriginal: map.subarray(0, o + 1) };
}

/**
 * A number naming the cluster [i, j) when it is a letter below U+10000 and one or two
 * marks of U+0300–U+036F (a small integer, so the cache look-up hashes no string); -1
 * for any other cluster.
 */
function clusterKey(text: string, i: number, j: number): number {
  const marks = j - i - 1;
  if (marks > 2) return -1;
  const m1 = text.charCodeAt(i + 1) - 0x300;
  if (m1 < 0 || m1 >= 0x70) return -1;
  const single = text.charCodeAt(i) * 0x70 + m1; // below 0x10000 × 0x70: a small integer
  if (marks === 1) return single;
  const m2 = text.charCodeAt(i + 2) - 0x300;
  if (m2 < 0 || m2 >= 0x70) return -1;
  // Past every single-mark key, so the two kinds never meet.
  return 0x10000 * 0x70 + single * 0x70 + m2;
}

/**
 * A decoder of UTF-16 in the machine's byte order, where there is one (every browser
 * and Node; little-endian machines only, which is all of them in practice). It keeps a
 * leading U+FEFF; lone surrogates it would replace, so text with any surrogate is left
 * to the loop below.
 */
const UTF16_DECODER: TextDecoder | null = (() => {
  try {
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return null;
    return new TextDecoder('utf-16le', { ignoreBOM: true });
  } catch {
    return null;
  }
})();

/**
 * Code units to a string: natively when none is a surrogate (several times faster on a
 * decomposed page of a megabyte), else in chunks (argument lists have a size limit).
 */
function decodeUtf16(units: Uint16Array, surrogates: boolean): string {
  if (!surrogates && UTF16_DECODER !== null) return UTF16_DECODER.decode(units);
  const parts: string[] = [];
  for (let k = 0; k < units.length; k += 8192) {
    parts.push(String.fromCharCode.apply(null, units.subarray(k, k + 8192) as unknown as number[]));
  }
  return parts.join('');
}

// ---- character classes, by code unit: cheaper than regexes in the hot loops ----

/** A letter of Latin script, Vietnamese included (incl. đ/Đ and combining-free NFC forms). */
function isLetterSlow(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  if (code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (code >= 0x1e00 && code <= 0x1eff) return true; // Latin Extended Additional (ạ ả ấ …)
  if (code >= 0x370 && code <= 0x3ff) return true; // Greek, in case
  if (code >= 0x400 && code <= 0x4ff) return true; // Cyrillic, in case
  if (isCombining(code)) return true;
  return false;
}

export function isLetter(code: number): boolean {
  return code < 0x2000 ? (CLASSES[code]! & 1) !== 0 : isLetterSlow(code); // CLASS_LIMIT, LETTER
}

/**
 * isLetter and isUpper of a code unit at once, for the word walks that ask both of every
 * character: 0 when it is no letter (isUpper holds of some that are not, "Ա", "Ἀ"),
 * else a value that isUpperCase reads.
 */
export function letterCase(code: number): number {
  if (code < 0x2000) return CLASSES[code]! & 65; // CLASS_LIMIT, LETTER | UPPER_LETTER
  return isLetterSlow(code) ? LETTER | (isUpperSlow(code) ? UPPER_LETTER : 0) : 0;
}

export function isUpperCase(letterCaseValue: number): boolean {
  return (letterCaseValue & 64) !== 0; // UPPER_LETTER
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isUpper(code: number): boolean {
  return code < 0x2000 ? (CLASSES[code]! & 2) !== 0 : isUpperSlow(code); // CLASS_LIMIT, UPPER
}

function isUpperSlow(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  if (code < 0xc0) return false;
  if (code <= 0xde) return code !== 0xd7; // À … Þ
  if (code <= 0xff) return false; // ß … ÿ
  if (code <= 0x137) return (code & 1) === 0; // Ā … Đ … Ķ
  if (code >= 0x1a0 && code <= 0x1b0) return code === 0x1a0 || code === 0x1af; // Ơ Ư
  if (code >= 0x1ea0 && code <= 0x1ef9) return (code & 1) === 0; // Ạ … Ỹ
  if (code >= 0x300 && code <= 0x36f) return false; // combining marks
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
}

/** Lower-cases a word, skipping the call when its first letter is already lower-case. */
export function lowerWord(raw: string): string {
  if (raw.length === 0) return raw;
  let upper = false;
  for (let i = 0; i < raw.length && !upper; i++) upper = isUpper(raw.charCodeAt(i));
  return upper ? raw.toLowerCase() : raw;
}

/** Horizontal white space: ordinary, no-break, thin, narrow no-break, figure spaces, tab. */
export function isHSpace(code: number): boolean {
  return code < 0x2000 ? (CLASSES[code]! & 4) !== 0 : isHSpaceSlow(code); // CLASS_LIMIT, HSPACE
}

function isHSpaceSlow(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0x200b ||
    code === 0xfeff
  );
}

export function isLineBreak(code: number): boolean {
  return code < 0x2000 ? (CLASSES[code]! & 8) !== 0 : isLineBreakSlow(code); // CLASS_LIMIT, LINE_BREAK
}

function isLineBreakSlow(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x0b || code === 0x0c;
}

export function isSpace(code: number): boolean {
  return code < 0x2000 ? (CLASSES[code]! & 12) !== 0 : isHSpaceSlow(code) || isLineBreakSlow(code); // CLASS_LIMIT, HSPACE | LINE_BREAK
}

/** What a regex's `\s` matches: white space and line terminators as ECMAScript defines them. */
export function isRegexSpace(code: number): boolean {
  return code < 0x2000 ? (CLASSES[code]! & 16) !== 0 : isRegexSpaceSlow(code); // CLASS_LIMIT, REGEX_SPACE
}

/** What a regex's `[^\S\r\n]` matches: `\s` but CR and LF (U+2028/9 and VT, FF included). */
export function isRegexHSpace(code: number): boolean {
  return code < 0x2000 ? (CLASSES[code]! & 32) !== 0 : isRegexHSpaceSlow(code); // CLASS_LIMIT, REGEX_HSPACE
}

function isRegexSpaceSlow(code: number): boolean {
  return code === 0x0a || code === 0x0d || isRegexHSpaceSlow(code);
}

function isRegexHSpaceSlow(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0c && code !== 0x0a) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// The classes below U+2000 (every letter the recognizer reads) from a table: the word
// walks ask them of every character around every number, and one load beats a chain
// of comparisons. Filled from the functions above, so both always agree.
//
// The limit and the bits are written as literals where the table is read: optimized
// code loads a module's constant, and checks its type, at every use, and these uses
// are in the innermost loops.
const CLASS_LIMIT = 0x2000;
const LETTER = 1;
const UPPER = 2;
const HSPACE = 4;
const LINE_BREAK = 8;
const REGEX_SPACE = 16;
const REGEX_HSPACE = 32;
/** A letter that isUpper holds of (letterCase). */
const UPPER_LETTER = 64;
const CLASSES = new Uint8Array(CLASS_LIMIT);
for (let c = 0; c < CLASS_LIMIT; c++) {
  CLASSES[c] =
    (isLetterSlow(c) ? LETTER : 0) |
    (isUpperSlow(c) ? UPPER : 0) |
    (isLetterSlow(c) && isUpperSlow(c) ? UPPER_LETTER : 0) |
    (isHSpaceSlow(c) ? HSPACE : 0) |
    (isLineBreakSlow(c) ? LINE_BREAK : 0) |
    (isRegexSpaceSlow(c) ? REGEX_SPACE : 0) |
    (isRegexHSpaceSlow(c) ? REGEX_HSPACE : 0);
}

/** Dashes written between numbers and in codes: hyphen-minus, en and em dash, minus. */
export function isDash(code: number): boolean {
  return code === 0x2d || code === 0x2013 || code === 0x2014 || code === 0x2212 || code === 0x2010 || code === 0x2011;
}

export interface Word {
  start: number;
  end: number;
  /** Lower-cased word text. */
  lower: string;
  /** The word as written. */
  raw: string;
}

/**
 * Up to `max` words before `pos`, nearest first, crossing only white space (and line
 * breaks when `crossLines`); stops at any other character and at `floor`. A word is a
 * run of letters (a hyphenated word such as "héc-ta" is two words here).
 */
export function wordsBefore(
  text: string,
  pos: number,
  max: number,
  floor = 0,
  crossLines = true,
): Word[] {
  const starts = new Int32Array(max);
  const ends = new Int32Array(max);
  const count = spansBefore(text, pos, starts, ends, floor, crossLines);
  const words: Word[] = [];
  for (let k = 0; k < count; k++) {
    const raw = text.slice(starts[k]!, ends[k]!);
    words.push({ start: starts[k]!, end: ends[k]!, raw, lower: lowerWord(raw) });
  }
  return words;
}

/**
 * As wordsBefore, but only where the words are: their starts and ends go into `starts`
 * and `ends` (nearest first) and the count is returned. Nothing is cut out of the text,
 * so a caller that needs one or two of the words pays for those alone.
 *
 * `crossComma`, when given, is asked whether the words may go on past a comma before the
 * word just read (its start and end): a name with a comma inside ("Luật Phòng, chống
 * tham nhũng").
 */
export function spansBefore(
  text: string,
  pos: number,
  starts: Int32Array,
  ends: Int32Array,
  floor = 0,
  crossLines = true,
  crossComma?: (start: number, end: number) => boolean,
): number {
  const max = starts.length;
  let n = 0;
  let i = pos;
  while (n < max) {
    let j = i;
    while (j > floor) {
      const c = text.charCodeAt(j - 1);
      if (isHSpace(c) || (crossLines && isLineBreak(c))) j--;
      else break;
    }
    if (crossComma && n > 0 && j > floor && j < i && text.charCodeAt(j - 1) === 0x2c) {
      if (!crossComma(starts[n - 1]!, ends[n - 1]!)) break;
      j--;
      while (j > floor && isHSpace(text.charCodeAt(j - 1))) j--;
    }
    let k = j;
    while (k > floor && isLetter(text.charCodeAt(k - 1))) k--;
    if (k === j) break;
    starts[n] = k;
    ends[n++] = j;
    i = k;
  }
  return n;
}

/** The word starting at `pos` (letters only), or null. */
export function wordAt(text: string, pos: number, limit = text.length): Word | null {
  let j = pos;
  while (j < limit && isLetter(text.charCodeAt(j))) j++;
  if (j === pos) return null;
  const raw = text.slice(pos, j);
  return { start: pos, end: j, raw, lower: raw.toLowerCase() };
}

/** Index of the first non-horizontal-space character at or after `pos`. */
export function skipHSpace(text: string, pos: number): number {
  while (pos < text.length && isHSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Index of the first non-space character at or after `pos`, line breaks included. */
export function skipSpace(text: string, pos: number): number {
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Up to `max` words after `pos`, separated by horizontal space only. */
export function wordsAfter(text: string, pos: number, max: number): Word[] {
  const words: Word[] = [];
  let i = pos;
  while (words.length < max) {
    const s = words.length === 0 ? skipHSpace(text, i) : skipHSpace(text, i);
    if (words.length > 0 && s === i) break; // words must be separated by space
    const w = wordAt(text, s);
    if (!w) break;
    words.push(w);
    i = w.end;
  }
  return words;
}

/**
 * End of the word token at `pos`: letters, inner hyphens between letters ("héc-ta"),
 * and a trailing run of digits or ²/³ ("m2", "km²", "kWh"). Returns `pos` if none.
 */
export function tokenEnd(text: string, pos: number): number {
  let i = pos;
  const n = text.length;
  while (i < n && isLetter(text.charCodeAt(i))) {
    i++;
    if (i + 1 < n && text.charCodeAt(i) === 0x2d && isLetter(text.charCodeAt(i + 1))) i++;
  }
  if (i === pos) return pos;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || c === 0xb2 || c === 0xb3) i++;
    else break;
  }
  return i;
}

/** End of the word that starts at `start` (letters only). */
export function letterEnd(text: string, start: number): number {
  while (start < text.length && isLetter(text.charCodeAt(start))) start++;
  return start;
}

/**
 * The first letter of the next word after `pos` (skipping horizontal space, commas and
 * an opening parenthesis), lower-cased, or -1: a cheap test before a sticky regex that
 * needs a particular word there ("ngày", "của", "năm").
 */
export function nextWordInitial(text: string, pos: number): number {
  let i = pos;
  const limit = Math.min(text.length, pos + 8);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x2c || c === 0x28) i++;
    else break;
  }
  const c = text.charCodeAt(i);
  if (c >= 0x41 && c <= 0x5a) return c | 0x20;
  if (c === 0x110) return 0x111; // Đ
  return Number.isNaN(c) ? -1 : c;
}
