/**
 * Cited documents: "Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh Bình Phước",
 * Party codes "39-NQ/TW", bare codes "theo 3341/KH-UBND", coordinated lists
 * "… số 217-QĐ/TW và 218-QĐ/TW ngày …", and named instruments "Hiến pháp năm 2013".
 *
 * Every look-up is anchored: a sticky regex at the code, a bounded word walk backwards
 * for the type word, a bounded word walk forwards for the issuer. Work per citation is
 * bounded by a constant, so the whole pass stays linear.
 */
import type { DocType, DocumentEntity } from './types';
import {
  DOC_TYPE_MAX_SYLLABLES,
  DOC_TYPE_WORDS,
  ISSUER_NAME_HEADS,
  ISSUER_STOP_PAIRS,
  ISSUER_STOP_WORDS,
  NAMED_DOC_WORDS,
  QD_TYPES,
  SYMBOL_TYPES,
  SYMBOL_TYPES_CASE_FREE,
} from './lexicon';
import { parseSigningDate } from './dates';
import {
  isDigit,
  isHSpace,
  isLetter,
  isLineBreak,
  isRegexHSpace,
  isRegexSpace,
  isSpace,
  isUpper,
  lowerWord,
  nextWordInitial,
  spansBefore,
} from './text';
import { WordTable, hashStepBackward, hashStepForward, nextPower } from './wordtable';

/** A document found in the normalized text, before offsets are mapped back. */
export interface DocumentHit extends Omit<DocumentEntity, 'text'> {
  /** True when the type came from a type word in the text (not from the symbol). */
  typed: boolean;
  /** Abbreviation read from the symbol ("QĐ"), if any. */
  abbr: string | null;
  /** Where the code itself starts (the span may start earlier, at the type word). */
  codeStart: number;
}

// A symbol segment: starts with a capital or digit ("QĐ", "UBND", "QH13", "TTg", "BCSĐUBND").
// At most one short run of ASCII lower-case ("TTg", "CTr", "QyĐ"): a Vietnamese word
// ("Quyết", "Ban") is prose, not a symbol.
const SEG_BODY = '[\\p{Lu}\\d]*(?:[a-z]{1,2}[\\p{Lu}\\d]*)?(?![\\p{L}\\d])';
const SEG = `[\\p{Lu}\\d]${SEG_BODY}`;
// Separators inside a symbol. Spaced ones ("218- QĐ/TW") only before a clearly coded
// segment (two capitals, or a capital and a digit), so prose after a code is not eaten.
const SP = '[^\\S\\r\\n]{0,2}';
const MORE = `(?:[\\-/]${SEG}|${SP}[\\-/–]${SP}(?=\\p{Lu}[\\p{Lu}\\d])${SEG}|\\.(?=\\p{Lu}{2})${SEG})`;
// A document's number, as some writers give it with thousands dots ("số 2.345/QĐ-UBND").
// "30a/2008/NQ-CP" (Nghị quyết 30a): a state document's number may end in one letter.
const DOC_NUMBER = '(\\d{1,3}(?:\\.\\d{3}){1,2}(?!\\d)|\\d{1,6}(?:[a-z](?=[^\\S\\r\\n]{0,2}\\/))?)';
const STATE_CODE = new RegExp(
  `${DOC_NUMBER}${SP}/${SP}(?:((?:19|20)\\d{2})${SP}/${SP})?(\\p{Lu}${SEG_BODY}(?:${MORE}){0,8})`,
  'uy',
);
const PARTY_CODE = new RegExp(`${DOC_NUMBER}${SP}[\\-–]${SP}(\\p{Lu}${SEG_BODY}(?:${MORE}){1,8})`, 'uy');
const SHORTHAND = /(\d{1,6})\/((?:19|20)\d{2})(?![\d/\p{L}])/uy;
const YEAR_AFTER = /[^\S\r\n]*,?[^\S\r\n]*năm[^\S\r\n]+((?:19|20)\d{2})(?![\d/.,\-]\d)(?!\d)/iuy;
/**
 * "luật" or "pháp" somewhere in [from, to): an "ậ" (luật), or an "á" after an "h" (pháp),
 * the "h" perhaps just before `from`. The window (some 90 characters) is searched by a
 * regex over a slice of it, which reads characters several times faster than a loop.
 */
const NAMED_HINT = /[ậẬ]|[hH][áÁ]/;
function namedHintBefore(text: string, from: number, to: number): boolean {
  // An "á" at 0 or 1 never counts (nor does one whose "h" is out of the text).
  if (from < 2) {
    for (let i = to - 1; i >= from; i--) {
      const c = text.charCodeAt(i);
      if (c === 0x1ead || c === 0x1eac) return true; // ậ Ậ (luật)
      if ((c === 0xe1 || c === 0xc1) && i >= 2 && (text.charCodeAt(i - 1) | 0x20) === 0x68) return true; // "há" (pháp)
    }
    return false;
  }
  if (to <= from) return false;
  const c = text.charCodeAt(from);
  if ((c === 0xe1 || c === 0xc1) && (text.charCodeAt(from - 1) | 0x20) === 0x68) return true;
  return NAMED_HINT.test(text.slice(from, to));
}
// What may stand between the members of a coordinated list ("217-QĐ/TW và 218-QĐ/TW",
// "số 15/… và số 20/…"). Not ";": it ends one citation and starts another, each with
// its own date and issuer.
const LIST_GAP = /^[^\S\r\n]*(?:,|và|hoặc|cùng)?[^\S\r\n]*(?:,[^\S\r\n]*và[^\S\r\n]*)?(?:(?<=[\s,])số[^\S\r\n]*:?[^\S\r\n]*)?$/iu;

/**
 * LIST_GAP on text[from, to). Most gaps hold other words ("của …", "ngày …"): its first
 * character after the spaces rules them out before any slice or regex.
 */
export function isListGap(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isRegexHSpace(text.charCodeAt(i))) i++;
  if (i >= to) return true;
  const c = text.charCodeAt(i) | 0x20;
  if (c !== 0x2c && c !== 0x76 && c !== 0x68 && c !== 0x63) return false; // , v(à) h(oặc) c(ùng)
  return LIST_GAP.test(text.slice(from, to));
}

interface CodeMatch {
  start: number;
  end: number;
  code: string;
  number: string;
  year: number | null;
  abbr: string | null;
  abbrType: DocType | null;
  /** A number/year shorthand with no symbol ("Nghị định 91/2020"): needs a type word. */
  shorthand: boolean;
}

// The two below read a match's text where it stands in the page rather than in the
// match's string: a long match is a slice of the page, and a slice reads slower.

/** The code as the spec keeps it: no white space, en dashes as hyphens. `code` is text[start, end). */
function cleanCode(text: string, start: number, end: number, code: string): string {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2013 || isSpace(c)) return code.replace(/\s+/g, '').replace(/–/g, '-');
  }
  return code;
}

/** The symbol's first segment: up to the first separator. `symbol` is text[start, end). */
function firstSegment(text: string, start: number, end: number, symbol: string): string {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x2f || c === 0x2e || c === 0x2013 || isSpace(c)) return text.slice(start, i);
  }
  return symbol;
}

function typeOfAbbr(abbr: string): DocType | null {
  const exact = SYMBOL_TYPES.get(abbr);
  if (exact) return exact;
  const upper = abbr.toUpperCase();
  return SYMBOL_TYPES_CASE_FREE.has(upper) ? (SYMBOL_TYPES.get(upper) ?? null) : null;
}

/** Reads the code ("số, ký hiệu") that starts at `pos`, a digit. */
export function matchCode(text: string, pos: number): CodeMatch | null {
  if (!mayBeCode(text, pos)) return null;
  STATE_CODE.lastIndex = pos;
  let m = STATE_CODE.exec(text);
  if (m) {
    const symbol = m[3]!;
    const end = pos + m[0].length; // the symbol ends the match
    const firstSeg = firstSegment(text, end - symbol.length, end, symbol);
    let abbr: string | null = firstSeg;
    let abbrType = typeOfAbbr(firstSeg);
    const year = m[2] ? Number(m[2]) : null;
    // "49/2014/QH13": laws passed by the National Assembly.
    if (!abbrType && year !== null && /^QH\d+$/.test(symbol)) {
      abbr = 'QH';
      abbrType = 'Luật';
    }
    if (!abbrType) {
      const letters = firstSeg.replace(/\d+$/, '');
      abbrType = letters !== firstSeg ? typeOfAbbr(letters) : null;
      abbr = abbrType ? letters : null;
    }
    return {
      start: pos,
      end,
      code: cleanCode(text, pos, end, m[0]),
      number: m[1]!,
      year,
      abbr,
      abbrType,
      shorthand: false,
    };
  }
  PARTY_CODE.lastIndex = pos;
  m = PARTY_CODE.exec(text);
  if (m && m[2]!.includes('/')) {
    const symbol = m[2]!;
    const end = pos + m[0].length; // the symbol ends the match
    const firstSeg = firstSegment(text, end - symbol.length, end, symbol);
    const abbrType = typeOfAbbr(firstSeg);
    return {
      start: pos,
      end,
      code: cleanCode(text, pos, end, m[0]),
      number: m[1]!,
      year: null,
      abbr: abbrType ? firstSeg : null,
      abbrType,
      shorthand: false,
    };
  }
  SHORTHAND.lastIndex = pos;
  m = SHORTHAND.exec(text);
  if (m) {
    return {
      start: pos,
      end: pos + m[0].length,
      code: m[0],
      number: m[1]!,
      year: Number(m[2]),
      abbr: null,
      abbrType: null,
      shorthand: true,
    };
  }
  return null;
}

/**
 * Cheap test before the code regexes, which otherwise run at every date ("28/12/2020")
 * and range ("2016-2020"): after the number and its separator comes a capital letter
 * (a symbol), or a four-digit year and another "/" or a word boundary (N/YYYY/…).
 */
/**
 * A capitalised word, not a symbol: three lower-case letters in a row, or one outside
 * ASCII ("Quyết", "Ban"), after the capital at `i`. A symbol has at most a short ASCII
 * run ("TTg", "CTr", "QyĐ"); the code regexes would find the same, at a higher price.
 */
function startsProse(text: string, i: number): boolean {
  let lower = 0;
  for (let j = i + 1; j < i + 4; j++) {
    const c = text.charCodeAt(j);
    if (!isLetter(c) || isUpper(c)) return false;
    if (c > 0x7a) return true;
    if (++lower === 3) return true;
  }
  return false;
}

function mayBeCode(text: string, pos: number): boolean {
  let i = numberEnd(text, pos);
  while (isHSpace(text.charCodeAt(i)) && i - pos < 8) i++;
  const sep = text.charCodeAt(i);
  if (sep !== 0x2f && sep !== 0x2d && sep !== 0x2013) return false;
  i++;
  while (isHSpace(text.charCodeAt(i)) && i - pos < 12) i++;
  const c = text.charCodeAt(i);
  if (isUpper(c)) return !startsProse(text, i);
  if (sep !== 0x2f || !isDigit(c)) return false;
  let j = i;
  while (isDigit(text.charCodeAt(j))) j++;
  return j - i === 4;
}

/** End of a document number at `pos`: digits, or up to three digits and groups of ".ddd". */
export function numberEnd(text: string, pos: number): number {
  let i = pos;
  while (isDigit(text.charCodeAt(i))) i++;
  // "30a/2008/NQ-CP": one lower-case letter before the slash.
  const c = text.charCodeAt(i);
  if (c >= 0x61 && c <= 0x7a && text.charCodeAt(i + 1) === 0x2f) return i + 1;
  if (i - pos > 3) return i;
  for (let groups = 0; groups < 2 && text.charCodeAt(i) === 0x2e; groups++) {
    let j = i + 1;
    while (isDigit(text.charCodeAt(j))) j++;
    if (j - i !== 4) break;
    i = j;
  }
  return i;
}

interface TypeWordMatch {
  start: number;
  type: DocType;
  /** Words between the type word and the code, excluding "số". */
  gap: number;
  hasSo: boolean;
}

// The words before a code, nearest first (scratch: findTypeWord is not re-entered).
// They are read lazily, as far as a question needs: most codes are decided by the
// two or three words next to them ("Quyết định số 12/QĐ-UBND"). Each is hashed as it
// is read (see HASH_P), so its look-ups, and those of the phrases it starts, read it
// no second time.
const MAX_WORDS_BEFORE = 12;
const WORD_STARTS = new Int32Array(MAX_WORDS_BEFORE);
const WORD_ENDS = new Int32Array(MAX_WORDS_BEFORE);
const WORD_HASHES = new Int32Array(MAX_WORDS_BEFORE);
/** HASH_P to the power of each word's length: what a phrase's hash multiplies the rest by. */
const WORD_POWERS = new Int32Array(MAX_WORDS_BEFORE);
/** How many words of the scratch are read; where and above what the next is to be read. */
let wordsRead = 0;
let wordsFrom = 0;
let wordsFloor = 0;
let wordsDone = false;

function startWordsBefore(pos: number, floor: number): void {
  wordsRead = 0;
  wordsFrom = pos;
  wordsFloor = floor;
  wordsDone = false;
}

/**
 * Reads words backwards until `want` are read (at most MAX_WORDS_BEFORE) or none is
 * left, as spansBefore would (crossing spaces and line breaks, not past the floor);
 * returns how many there are.
 */
function wordsBeforeUpTo(text: string, want: number): number {
  if (wordsDone || wordsRead >= want) return wordsRead;
  // Locals in the loops: module bindings are reloaded on every access.
  const limit = Math.min(want, MAX_WORDS_BEFORE);
  const floor = wordsFloor;
  let read = wordsRead;
  let from = wordsFrom;
  while (read < limit) {
    let j = from;
    while (j > floor && isSpace(text.charCodeAt(j - 1))) j--;
    let k = j;
    let hash = 0;
    let power = 1;
    while (k > floor) {
      const c = text.charCodeAt(k - 1);
      if (!isLetter(c)) break;
      hash = hashStepBackward(hash, c);
      power = nextPower(power);
      k--;
    }
    if (k === j) {
      wordsDone = true;
      break;
    }
    WORD_STARTS[read] = k;
    WORD_HASHES[read] = hash;
    WORD_POWERS[read] = power;
    WORD_ENDS[read++] = j;
    from = k;
  }
  wordsRead = read;
  wordsFrom = from;
  return read;
}
const SO = new WordTable([['số', true] as const]);

function lowerAt(text: string, k: number): string {
  return lowerWord(text.slice(WORD_STARTS[k]!, WORD_ENDS[k]!));
}

/** Bit n set for every n such that a type word of n syllables ends with, or starts with, the key. */
function syllableMasks(at: (parts: string[]) => string): WordTable<number> {
  const masks = new Map<string, number>();
  for (const w of DOC_TYPE_WORDS.keys()) {
    const parts = w.split(' ');
    masks.set(at(parts), (masks.get(at(parts)) ?? 0) | (1 << parts.length));
  }
  return new WordTable(masks);
}

const DOC_TYPES = new WordTable(DOC_TYPE_WORDS);
/**
 * Last syllable of the type words → their lengths in syllables ("định" → 2, "luật" → 1
 * and 2): a code's words are read back only as far as a type word ending there reaches.
 */
const TYPE_LAST_LENGTHS = syllableMasks((parts) => parts[parts.length - 1]!);
/**
 * First syllable of the type words → their lengths ("thông" → 2 and 4: thông tư, thông
 * tư liên tịch): a phrase is looked up only when its first word can begin one that long.
 */
const TYPE_FIRST_LENGTHS = syllableMasks((parts) => parts[0]!);

/** The syllables of the type word typeWordEndingAt found last (read at once by its caller). */
let typeWordLength = 0;
/** Hashes of the phrases of 1, 2, … words ending with the word typeWordEndingAt asks about (as far as they are one space apart). */
const PHRASE_HASHES = new Int32Array(DOC_TYPE_MAX_SYLLABLES + 1);

/** A type word whose last syllable is word `at` of the scratch words (read up to there). */
function typeWordEndingAt(text: string, at: number): DocType | null {
  const lastLengths = TYPE_LAST_LENGTHS.getHashed(text, WORD_STARTS[at]!, WORD_ENDS[at]!, WORD_HASHES[at]!);
  if (lastLengths === undefined) return null;
  // A type word's last syllable, as the table folds it, is its lower-case form: no
  // phrase longer than the type words ending with it can be one.
  const longest = 31 - Math.clz32(lastLengths);
  const most = Math.min(longest, wordsBeforeUpTo(text, at + longest) - at);
  // Words one space apart are looked up in place (the table reads any space as " "),
  // their hash grown from the words' own; a line break or a double space between them
  // costs a phrase string.
  let contiguous = most; // the longest phrase read in place
  PHRASE_HASHES[1] = WORD_HASHES[at]!;
  for (let len = 2; len <= most; len++) {
    const k = at + len - 1;
    const sep = WORD_ENDS[k]!;
    if (sep + 1 !== WORD_STARTS[k - 1]!) {
      contiguous = len - 1;
      break;
    }
    PHRASE_HASHES[len] = (WORD_HASHES[k]! + Math.imul(WORD_POWERS[k]!, hashStepBackward(PHRASE_HASHES[len - 1]!, text.charCodeAt(sep)))) | 0;
  }
  const end = WORD_ENDS[at]!;
  for (let len = most; len >= 1; len--) {
    if ((lastLengths & (1 << len)) === 0) continue;
    const first = at + len - 1;
    const start = WORD_STARTS[first]!;
    const lengths = TYPE_FIRST_LENGTHS.getHashed(text, start, WORD_ENDS[first]!, WORD_HASHES[first]!) ?? 0;
    if ((lengths & (1 << len)) === 0) continue;
    let type: DocType | undefined;
    if (len <= contiguous) type = DOC_TYPES.getHashed(text, start, end, PHRASE_HASHES[len]!);
    else {
      let phrase = '';
      for (let k = at + len - 1; k >= at; k--) phrase += (phrase ? ' ' : '') + lowerAt(text, k);
      type = DOC_TYPE_WORDS.get(phrase);
    }
    if (type) {
      typeWordLength = len;
      return type;
    }
  }
  return null;
}

// Looked up in place, once per token: the issuer walk asks about every token of the
// phrase whether it stops it, or may with the next word ("ban hành").
const ISSUER_STOP = 1;
const ISSUER_PAIR_FIRST = 2;
const ISSUER_WORDS = (() => {
  const flags = new Map<string, number>();
  for (const w of ISSUER_STOP_WORDS) flags.set(w, ISSUER_STOP);
  for (const p of ISSUER_STOP_PAIRS) {
    const w = p.split(' ')[0]!;
    flags.set(w, (flags.get(w) ?? 0) | ISSUER_PAIR_FIRST);
  }
  return new WordTable(flags);
})();
const NUMBERED_NAME_END = /(?:chỉ đạo|trung ương|quân khu|bệnh viện|sư đoàn|trung đoàn|lữ đoàn|quân đoàn)[^\S\r\n]+$/iu;
/**
 * "và" before a capitalised word that is not a document's type word: the same name goes
 * on ("Sở Kế hoạch và Đầu tư"), or a co-issuer; "… của UBND tỉnh và Nghị quyết 30a…"
 * starts the next citation instead.
 */
function joinsName(text: string, start: number, end: number, next: number): boolean {
  if (end - start !== 2 || lowerWord(text.slice(start, end)) !== 'và') return false;
  const s1 = skipHSpace(text, next);
  if (!isUpper(text.charCodeAt(s1))) return false;
  let e1 = s1;
  while (isLetter(text.charCodeAt(e1))) e1++;
  const s2 = skipHSpace(text, e1);
  let e2 = s2;
  while (isLetter(text.charCodeAt(e2))) e2++;
  const one = lowerWord(text.slice(s1, e1));
  return !DOC_TYPE_WORDS.has(one) && !(e2 > s2 && DOC_TYPE_WORDS.has(`${one} ${lowerWord(text.slice(s2, e2))}`));
}

function skipHSpace(text: string, i: number): number {
  while (i < text.length && isHSpace(text.charCodeAt(i))) i++;
  return i;
}
const NAME_HEADS = new WordTable([...ISSUER_NAME_HEADS].map((w) => [w, true] as const));

const NAMED_GAP_TYPES: ReadonlySet<DocType> = new Set<DocType>(['Luật', 'Bộ luật', 'Pháp lệnh', 'Hiến pháp']);

/**
 * The type word before a code: "Quyết định số ", "Kế hoạch phối hợp số ",
 * "Luật Đầu tư công số ", "Thông tư liên tịch số: ". Prefers a type word that agrees
 * with the symbol's abbreviation ("Thông báo kết luận số 12-TB/TU" is a Thông báo).
 */
function findTypeWord(text: string, codeStart: number, floor: number, abbrType: DocType | null): TypeWordMatch | null {
  let b = codeStart;
  while (b > floor && isSpace(text.charCodeAt(b - 1))) b--;
  if (b > floor && text.charCodeAt(b - 1) === 0x3a /* ':' */) {
    b--;
    while (b > floor && isSpace(text.charCodeAt(b - 1))) b--;
  }
  startWordsBefore(b, floor);
  let k = 0;
  let hasSo = false;
  if (wordsBeforeUpTo(text, 1) > 0 && SO.getHashed(text, WORD_STARTS[0]!, WORD_ENDS[0]!, WORD_HASHES[0]!)) {
    k = 1;
    hasSo = true;
  }
  let first: TypeWordMatch | null = null;
  for (let g = 0; g <= 6 && k + g < wordsBeforeUpTo(text, k + g + 1); g++) {
    const hitType = typeWordEndingAt(text, k + g);
    if (!hitType) continue;
    const hit = { type: hitType, len: typeWordLength };
    // Gap words: lower-case modifiers ("phối hợp", "hành động"), or a law's name.
    if (g > 0) {
      const named = NAMED_GAP_TYPES.has(hit.type);
      if (!named && g > 3) continue;
      // "Thông báo Kết luận số 12-TB/TU": capitals in the gap are fine when the
      // symbol agrees with the outer type word.
      const agrees = abbrType !== null && hit.type === abbrType;
      if (!named && !agrees) {
        let ok = true;
        for (let q = k; q < k + g; q++) if (isUpper(text.charCodeAt(WORD_STARTS[q]!))) ok = false;
        if (!ok) continue;
      }
    }
    const start = WORD_STARTS[k + g + hit.len - 1]!;
    const match: TypeWordMatch = { start, type: hit.type, gap: g, hasSo };
    if (!abbrType || hit.type === abbrType || (abbrType === 'Quyết định' && QD_TYPES.has(hit.type))) return match;
    first ??= match;
  }
  if (first && abbrType && first.gap > 0 && !first.hasSo) return null; // a verb phrase, not a modifier
  return first;
}

/**
 * The issuer: "của" and the phrase after it, up to the first stop word, punctuation,
 * digit or line break ("của UBND tỉnh Bình Phước về việc …" → "UBND tỉnh Bình Phước").
 */
export function parseIssuer(text: string, pos: number): { end: number; issuer: string } | null {
  if (nextWordInitial(text, pos) !== 0x63 /* c: "của" */) return null;
  let i = issuerIntroEnd(text, pos);
  if (i < 0) return null;
  let first = -1;
  let lastEnd = -1; // end of the last token that ends in a letter or digit
  let count = 0;
  let stop = false;
  let afterHead = false;
  while (!stop && count < 20) {
    while (i < text.length && isHSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const c0 = text.charCodeAt(i);
    if (isLineBreak(c0) || c0 === 0x28 /* ( */ || c0 === 0x22 || c0 === 0x201c) break;
    // A number ends the issuer ("của Chính phủ 13 cuộc"), unless the name takes one:
    // "Ban Chỉ đạo 389", "Hội nghị Trung ương 4", "Bệnh viện 175".
    if (isDigit(c0) && (first < 0 || !NUMBERED_NAME_END.test(text.slice(Math.max(first, i - 24), i)))) break;
    // The token runs to the next space; trailing punctuation ends the phrase after it.
    // It is hashed as it is read (see HASH_P), up to its last other character, for the
    // look-ups below.
    let j = i;
    let tokEnd = i;
    let hash = 0;
    let tokHash = 0;
    let power = 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (isSpace(c)) break;
      hash = hashStepForward(hash, c, power);
      power = nextPower(power);
      j++;
      if (!isClosingPunct(c)) {
        tokEnd = j;
        tokHash = hash;
      }
    }
    if (tokEnd < j) stop = true;
    if (tokEnd === i) break;
    // A capitalised word, or any word right after a name's head, belongs to the name:
    // "Ban Chỉ đạo", "Bộ Giao thông vận tải", "Hội đồng nhân dân". Sentences go on with
    // lower-case words ("… của UBND tỉnh giao …").
    const capital = isUpper(c0);
    const inName = capital || afterHead;
    // A title in title case after the issuer: "của HĐND tỉnh Quy định mức chi…", "… Về việc".
    if (first >= 0 && capital && titleStops(text, i, tokEnd, j)) break;
    afterHead = capital && NAME_HEADS.getHashed(text, i, tokEnd, tokHash) === true;
    const flags = inName ? 0 : (ISSUER_WORDS.getHashed(text, i, tokEnd, tokHash) ?? 0);
    // "Sở Kế hoạch và Đầu tư", "Bộ Lao động - Thương binh và Xã hội": "và" before a capital joins a name.
    if (flags & ISSUER_STOP && !joinsName(text, i, tokEnd, j)) break;
    if (!stop && flags & ISSUER_PAIR_FIRST) {
      let n = j;
      while (n < text.length && isHSpace(text.charCodeAt(n))) n++;
      let e = n;
      while (e < text.length && isLetter(text.charCodeAt(e))) e++;
      if (e > n && ISSUER_STOP_PAIRS.has(`${lowerWord(text.slice(i, tokEnd))} ${lowerWord(text.slice(n, e))}`)) break;
    }
    if (first < 0) first = i;
    const last = text.charCodeAt(tokEnd - 1);
    // Do not end on a connector ("–", "&").
    if (isLetter(last) || isDigit(last)) lastEnd = tokEnd;
    count++;
    i = j;
  }
  if (first < 0 || lastEnd < 0) return null;
  return { end: lastEnd, issuer: collapseSpaces(text, first, lastEnd) };
}

const TITLE_STOPS = new WordTable<number>([['về', 1], ['quy', 2], ['qui', 2], ['ban', 2], ['hướng', 2]]);

/**
 * Whether the capitalised token [i, end) starts a title rather than going on with the
 * issuer's name: "Về", or "Quy định", "Ban hành", "Hướng dẫn" before a lower-case word
 * (the spec's stops, capitalised as a title's first words are). `next` is where the
 * token's run of non-space characters ends.
 */
function titleStops(text: string, i: number, end: number, next: number): boolean {
  const t = TITLE_STOPS.get(text, i, end);
  if (t === undefined) return false;
  if (t === 1) return true;
  if (end !== next) return false; // punctuation after the word
  const n = skipHSpace(text, next);
  let e = n;
  while (e < text.length && isLetter(text.charCodeAt(e))) e++;
  if (e === n || isUpper(text.charCodeAt(n))) return false;
  return ISSUER_STOP_PAIRS.has(`${lowerWord(text.slice(i, end))} ${lowerWord(text.slice(n, e))}`);
}

/**
 * Where the issuer's words start after `pos`, or -1: what the sticky regex
 * /[^\S\r\n]*,?[^\S\r\n]*của[^\S\r\n]+/iuy would match (an optional comma, "của" in
 * any case, then space), read by code unit since every citation asks.
 */
function issuerIntroEnd(text: string, pos: number): number {
  let i = pos;
  while (isRegexHSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x2c) {
    i++;
    while (isRegexHSpace(text.charCodeAt(i))) i++;
  }
  const c = text.charCodeAt(i);
  const u = text.charCodeAt(i + 1);
  const a = text.charCodeAt(i + 2);
  if ((c | 0x20) !== 0x63 || (u !== 0x1ee7 && u !== 0x1ee6) || (a | 0x20) !== 0x61) return -1; // c ủ a
  i += 3;
  const start = i;
  while (isRegexHSpace(text.charCodeAt(i))) i++;
  // "… ngày 10/01/2025 của⏎Đảng ủy xã": a hard wrap right after "của" (which cannot end a
  // phrase) is a space; the issuer still stops at a line break inside it.
  if (text.charCodeAt(i) === 0x0d) i++;
  if (text.charCodeAt(i) === 0x0a) {
    i++;
    while (isRegexHSpace(text.charCodeAt(i))) i++;
  }
  return i > start ? i : -1;
}

/**
 * `text.slice(start, end).replace(/\s+/g, ' ')`, without the regex when every gap is one
 * plain space already. Read in the text itself: a slice of it reads slower.
 */
function collapseSpaces(text: string, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isRegexSpace(c) && (c !== 0x20 || (i + 1 < end && isRegexSpace(text.charCodeAt(i + 1))))) {
      return text.slice(start, end).replace(/\s+/g, ' ');
    }
  }
  return text.slice(start, end);
}

function isClosingPunct(c: number): boolean {
  // , ; . : ! ? ) " ” …
  return c === 0x2c || c === 0x3b || c === 0x2e || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x22 || c === 0x201d || c === 0x2026;
}

/**
 * A cited document whose code starts at `pos`. `floor` is where the previous entity
 * ended (a type word may not reach back past it); `prev` is the previous document,
 * for coordinated lists.
 */
export function matchDocument(text: string, pos: number, floor: number, prev: DocumentHit | null): DocumentHit | null {
  const code = matchCode(text, pos);
  if (!code) return null;
  const typeWord = findTypeWord(text, pos, floor, code.abbrType);
  let type: DocType | null = null;
  let typed = false;
  let start = pos;
  if (typeWord) {
    type = typeWord.type;
    typed = true;
    start = typeWord.start;
  } else {
    if (code.shorthand) return null;
    // "Quyết định số 217-QĐ/TW và 218-QĐ/TW": the second is typed from the first.
    const inList = prev !== null && prev.end <= pos && isListGap(text, prev.end, pos);
    if (inList && prev && (code.abbr === null || code.abbr === prev.abbr)) type = prev.docType;
    else type = code.abbrType;
    // A bare code names a document only with a recognised abbreviation and an issuer part.
    if (!type) return null;
    if (!inList && !/[-/]/.test(code.code.slice(code.number.length + 1))) return null;
  }
  let end = code.end;
  const dateBefore = parseSigningDate(text, end);
  if (dateBefore) end = dateBefore.end;
  // "Nghị quyết 18-NQ/TW năm 2022": the year the document is known by.
  let yearWritten: number | null = null;
  if (!dateBefore && nextWordInitial(text, end) === 0x6e /* n: "năm" */) {
    YEAR_AFTER.lastIndex = end;
    const y = YEAR_AFTER.exec(text);
    if (y) {
      yearWritten = Number(y[1]);
      end += y[0].length;
    }
  }
  const issuer = parseIssuer(text, end);
  if (issuer) end = issuer.end;
  // "Quyết định số 789/QĐ-UBND của UBND tỉnh ngày 5/1/2023": the date after the issuer,
  // with no comma between ("…của UBND tỉnh, ngày 5/1 huyện đã…" dates an event).
  let date = dateBefore;
  if (!date && issuer && yearWritten === null && isSpace(text.charCodeAt(end)) && (text.charCodeAt(skipHSpace(text, end)) | 0x20) === 0x6e) {
    date = parseSigningDate(text, end);
    if (date) end = date.end;
  }
  const year = code.year ?? (date?.iso ? Number(date.iso.slice(0, 4)) : yearWritten);
  return {
    kind: 'document',
    start,
    end,
    docType: type,
    code: code.code,
    number: code.number,
    year,
    date: date?.iso ?? null,
    issuer: issuer?.issuer ?? null,
    typed,
    abbr: code.abbr,
    codeStart: pos,
  };
}

// The words before a year, for the cheap test below (scratch, not re-entered).
const NAMED_STARTS = new Int32Array(12);
const NAMED_ENDS = new Int32Array(12);
/** Last syllables of the named instruments' words: "luật", "bộ luật", "hiến pháp", "pháp lệnh". */
const NAMED_LAST = new WordTable([...NAMED_DOC_WORDS.keys()].map((w) => [w.split(' ').pop()!, true] as const));
const NAM = new WordTable([['năm', true] as const]);

/**
 * spansBefore on one line for a named instrument, which may cross a comma inside the
 * name: "Luật Phòng, chống tham nhũng năm 2018", "Luật Phòng cháy, chữa cháy năm 2001".
 * A comma is crossed only before a lower-case word that is no function word: "Luật Đất
 * đai, từ năm 2020" dates something else.
 */
function namedSpansBefore(text: string, pos: number, starts: Int32Array, ends: Int32Array, floor: number): number {
  return spansBefore(text, pos, starts, ends, floor, false, (s, e) => !isUpper(text.charCodeAt(s)) && ((ISSUER_WORDS.get(text, s, e) ?? 0) & ISSUER_STOP) === 0);
}

/**
 * Whether matchNamedDocument can find anything before the year at `yearStart`: "năm"
 * right before it, and an instrument's last syllable among the words before that. Read
 * in place, without cutting the words out: the text's "pháp" (giải pháp, biện pháp) and
 * "năm" are many, its named laws few.
 */
function mayNameInstrument(text: string, yearStart: number, floor: number): boolean {
  const count = namedSpansBefore(text, yearStart, NAMED_STARTS, NAMED_ENDS, floor);
  if (count < 2 || !NAM.get(text, NAMED_STARTS[0]!, NAMED_ENDS[0]!)) return false;
  for (let i = 1; i < count; i++) if (NAMED_LAST.get(text, NAMED_STARTS[i]!, NAMED_ENDS[i]!)) return true;
  return false;
}

/**
 * A named instrument cited with a year: "Luật Dân chủ cơ sở năm 2022", "Hiến pháp năm
 * 2013", "Bộ luật Lao động năm 2019". `yearStart` is the year's first digit, after "năm".
 */
export function matchNamedDocument(text: string, yearStart: number, yearEnd: number, floor: number): DocumentHit | null {
  // Cheap test first: this runs at every four-digit number.
  const c = text.charCodeAt(yearStart - 2);
  if (c !== 0x6d /* m */ && c !== 0x4d /* M */) return null;
  // The instrument's word must stand within a short window before the year; a native
  // substring search rules most years out before any word is read.
  if (!namedHintBefore(text, Math.max(floor, yearStart - 90), yearStart)) return null;
  if (!mayNameInstrument(text, yearStart, floor)) return null;
  const count = namedSpansBefore(text, yearStart, NAMED_STARTS, NAMED_ENDS, floor);
  const words: { start: number; raw: string; lower: string }[] = [];
  for (let k = 0; k < count; k++) {
    const raw = text.slice(NAMED_STARTS[k]!, NAMED_ENDS[k]!);
    words.push({ start: NAMED_STARTS[k]!, raw, lower: lowerWord(raw) });
  }
  if (words[0]?.lower !== 'năm') return null;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const pair = i + 1 < words.length ? `${words[i + 1]!.lower} ${w.lower}` : '';
    let type: DocType | undefined;
    let startWord = w;
    if (pair && NAMED_DOC_WORDS.has(pair)) {
      type = NAMED_DOC_WORDS.get(pair);
      startWord = words[i + 1]!;
    } else if (NAMED_DOC_WORDS.has(w.lower) && w.lower !== 'bộ') {
      // "Luật" alone must be capitalised and followed by a capitalised name ("Luật sư" is a lawyer).
      if (w.lower === 'luật') {
        if (w.raw !== 'Luật' || i === 1) continue;
        const name = words[i - 1]!;
        if (!isUpper(name.raw.charCodeAt(0))) continue;
        if (i + 1 < words.length && words[i + 1]!.lower === 'bộ') {
          type = 'Bộ luật';
          startWord = words[i + 1]!;
        } else type = 'Luật';
      } else type = NAMED_DOC_WORDS.get(w.lower);
    }
    if (!type) continue;
    if (type !== 'Hiến pháp' && i === 1) return null;
    if (type === 'Hiến pháp' && !isUpper(startWord.raw.charCodeAt(0))) return null;
    return {
      kind: 'document',
      start: startWord.start,
      end: yearEnd,
      docType: type,
      code: null,
      number: null,
      year: Number(text.slice(yearStart, yearEnd)),
      date: null,
      issuer: null,
      typed: true,
      abbr: null,
      codeStart: yearStart,
    };
  }
  return null;
}

/**
 * Members of a coordinated list share the date and issuer written once at its end:
 * "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị".
 * `listGaps[i]` says whether only a list gap (isListGap) parts docs[i - 1] and docs[i]:
 * the scan notes it as it finds docs[i], while both are at hand.
 */
export function shareListFields(docs: DocumentHit[], listGaps: readonly boolean[]): void {
  for (let i = docs.length - 2; i >= 0; i--) {
    // Most documents stand alone: their records are not fetched again.
    if (!listGaps[i + 1]) continue;
    const a = docs[i]!;
    const b = docs[i + 1]!;
    if (a.code === null || b.code === null) continue;
    // "Nghị định 100/2019/NĐ-CP và Thông tư số 02/2023/TT-BNV ngày … của Bộ Nội vụ":
    // two kinds of document, each with its own type word, are two citations that
    // happen to be listed together; what follows the second is its own.
    if (a.typed && b.typed && a.docType !== b.docType) continue;
    // A code's own year says when it was signed: a date of another year is not its date.
    const dateYear = b.date !== null ? Number(b.date.slice(0, 4)) : null;
    if (a.date === null && a.issuer === null && b.date !== null && (a.year === null || a.year === dateYear)) {
      a.date = b.date;
      a.year ??= Number(b.date.slice(0, 4));
    }
    // "Công văn số 5678/BNN-KTHT … và Công văn 4567/BKHĐT-TCTT của Bộ Kế hoạch và Đầu tư":
    // symbols naming other bodies say the issuer written once is the last one's alone.
    if (a.issuer === null && b.issuer !== null && symbolOf(a) === symbolOf(b)) a.issuer = b.issuer;
  }
}

/** The code without its number and year: "QĐ-UBND" of "3307/QĐ-UBND", "NĐ-CP" of "15/2021/NĐ-CP". */
function symbolOf(doc: DocumentHit): string {
  const code = doc.code!;
  let i = doc.number!.length + 1;
  if (doc.year !== null && code.slice(i, i + 5) === `${doc.year}/`) i += 5;
  return code.slice(i);
}
