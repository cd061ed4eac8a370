/**
 * Dates as Vietnamese prose writes them: "28/12/2020", "30.3.2022", "30-3-2022",
 * "11 tháng 11 năm 2021", and the partial forms that are never figures ("27/7",
 * "12/2021"). Sticky regexes, or code-unit scans where they run at every number: each
 * attempt reads only the characters of its match.
 */
import { isDigit, isRegexHSpace, isRegexSpace, nextWordInitial } from './text';

export interface ParsedDate {
  start: number;
  end: number;
  /** ISO YYYY-MM-DD, or null for a partial date (day/month or month/year). */
  iso: string | null;
}

// The full dates run at many numbers, so they are read by code unit, exactly as these
// sticky regexes would read them:
// FULL_NUMERIC (numericDateEnd): /(\d{1,2})H([/.\-])H(\d{1,2})H\2H(\d{4})(?!\d)/y,
//   H = [^\S\r\n]{0,2}
// FULL_WORDS (wordDateEnd): /(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})(?!\d)/iy
const DAY_MONTH = /(\d{1,2})\/(\d{1,2})(?![\d/])/y;
const MONTH_YEAR = /(\d{1,2})[/\-.](\d{4})(?!\d)/y;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 2999) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

// A page cites the same few dates again and again: each is spelled once.
const ISO_CACHE = new Map<number, string>();

export function isoDate(day: number, month: number, year: number): string | null {
  if (!isValidDate(day, month, year)) return null;
  const key = (year * 100 + month) * 100 + day;
  let iso = ISO_CACHE.get(key);
  if (iso === undefined) {
    iso = `${year}-${pad(month)}-${pad(day)}`;
    if (ISO_CACHE.size < 4096) ISO_CACHE.set(key, iso);
  }
  return iso;
}

// The day, month and year fullDateEnd read last (read at once by its caller).
let dateDay = 0;
let dateMonth = 0;
let dateYear = 0;

/**
 * End of the full date (day, month and year) starting at `pos`, or -1; its parts are
 * left in dateDay, dateMonth and dateYear. No ISO string: the scan over the text only
 * needs to skip a date, and only a citation's date is kept.
 */
export function fullDateEnd(text: string, pos: number): number {
  const end = numericDateEnd(text, pos);
  if (end >= 0 && isValidDate(dateDay, dateMonth, dateYear)) return end;
  const wordsEnd = wordDateEnd(text, pos);
  return wordsEnd >= 0 && isValidDate(dateDay, dateMonth, dateYear) ? wordsEnd : -1;
}

/** A full date (day, month and year) starting at `pos`, or null. */
export function parseFullDate(text: string, pos: number): ParsedDate | null {
  const end = fullDateEnd(text, pos);
  return end < 0 ? null : { start: pos, end, iso: isoDate(dateDay, dateMonth, dateYear) };
}

/** A run of `min`–`max` digits at `pos` that no digit follows: its value, or -1 (its end in `runEnd`). */
let runEnd = 0;
function digitRun(text: string, pos: number, min: number, max: number): number {
  let i = pos;
  let v = 0;
  while (isDigit(text.charCodeAt(i))) v = v * 10 + (text.charCodeAt(i++) - 0x30);
  runEnd = i;
  return i - pos >= min && i - pos <= max ? v : -1;
}

/** Up to two spaces (FULL_NUMERIC's `[^\S\r\n]{0,2}`): where they end, or -1 if more follow. */
function shortGap(text: string, i: number): number {
  if (isRegexHSpace(text.charCodeAt(i))) i++;
  if (isRegexHSpace(text.charCodeAt(i))) i++;
  return isRegexHSpace(text.charCodeAt(i)) ? -1 : i;
}

/**
 * FULL_NUMERIC by code unit ("28/12/2020", "30 . 3 . 2022"): where it ends, or -1.
 * Every part is a whole digit run, so the regex could never backtrack into a match.
 */
function numericDateEnd(text: string, pos: number): number {
  dateDay = digitRun(text, pos, 1, 2);
  if (dateDay < 0) return -1;
  let i = shortGap(text, runEnd);
  const sep = text.charCodeAt(i);
  if (i < 0 || (sep !== 0x2f && sep !== 0x2e && sep !== 0x2d)) return -1;
  i = shortGap(text, i + 1);
  if (i < 0) return -1;
  dateMonth = digitRun(text, i, 1, 2);
  if (dateMonth < 0) return -1;
  i = shortGap(text, runEnd);
  if (i < 0 || text.charCodeAt(i) !== sep) return -1;
  i = shortGap(text, i + 1);
  if (i < 0) return -1;
  dateYear = digitRun(text, i, 4, 4);
  return dateYear < 0 ? -1 : runEnd;
}

/** White space (`\s+` when `min` is 1, `\s*` when 0): where it ends, or -1 if too little. */
function spaces(text: string, i: number, min: number): number {
  const start = i;
  while (isRegexSpace(text.charCodeAt(i))) i++;
  return i - start >= min ? i : -1;
}

/** "tháng" (any case, as FULL_WORDS's `i` flag reads it) at `i`. */
function isThang(text: string, i: number): boolean {
  const a = text.charCodeAt(i + 2);
  return (
    (text.charCodeAt(i) | 0x20) === 0x74 &&
    (text.charCodeAt(i + 1) | 0x20) === 0x68 &&
    (a === 0xe1 || a === 0xc1) &&
    (text.charCodeAt(i + 3) | 0x20) === 0x6e &&
    (text.charCodeAt(i + 4) | 0x20) === 0x67
  );
}

/** "năm" (any case) at `i`. */
function isNam(text: string, i: number): boolean {
  const a = text.charCodeAt(i + 1);
  return (text.charCodeAt(i) | 0x20) === 0x6e && (a === 0x103 || a === 0x102) && (text.charCodeAt(i + 2) | 0x20) === 0x6d;
}

/**
 * FULL_WORDS by code unit ("11 tháng 11 năm 2021"): where it ends, or -1; the parts go
 * to dateDay, dateMonth and dateYear. Each number is a whole digit run and each gap
 * all the white space there, so, as for the numeric form, no backtracking could find
 * a match this misses.
 */
/**
 * Where the month's digits ended when the last wordDateEnd read "D tháng M" but found no
 * year after it ("ngày 12 tháng 12"), else -1: those digits are a date's, not a figure,
 * and the caller need not read them again.
 */
let partialMonthEnd = -1;

export function lastPartialMonthEnd(): number {
  return partialMonthEnd;
}

function wordDateEnd(text: string, pos: number): number {
  partialMonthEnd = -1;
  dateDay = digitRun(text, pos, 1, 2);
  if (dateDay < 0) return -1;
  let i = spaces(text, runEnd, 1);
  if (i < 0 || !isThang(text, i)) return -1;
  i = spaces(text, i + 5, 1);
  if (i < 0) return -1;
  dateMonth = digitRun(text, i, 1, 2);
  if (dateMonth < 0) return -1;
  const monthEnd = runEnd;
  i = spaces(text, runEnd, 0);
  if (text.charCodeAt(i) === 0x2c) i = spaces(text, i + 1, 0);
  if (isNam(text, i)) {
    i = spaces(text, i + 3, 1);
    if (i >= 0) {
      dateYear = digitRun(text, i, 4, 4);
      if (dateYear >= 0) return runEnd;
    }
  }
  // "dưới 3 tháng 15.380 người", "6 tháng 12.500 lượt": a duration, then a grouped number.
  const next = text.charCodeAt(monthEnd);
  if (dateMonth >= 1 && dateMonth <= 12 && !((next === 0x2e || next === 0x2c) && isDigit(text.charCodeAt(monthEnd + 1)))) partialMonthEnd = monthEnd;
  return -1;
}

/**
 * A partial date at `pos`: "27/7" (a valid day and month) or "12/2021" (month and year).
 * The caller decides from context whether a "d/m" is a date or a ratio.
 */
export function parsePartialDate(text: string, pos: number): ParsedDate | null {
  MONTH_YEAR.lastIndex = pos;
  let m = MONTH_YEAR.exec(text);
  if (m) {
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month >= 1 && month <= 12 && year >= 1900 && year <= 2100) {
      return { start: pos, end: pos + m[0].length, iso: null };
    }
  }
  DAY_MONTH.lastIndex = pos;
  m = DAY_MONTH.exec(text);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      return { start: pos, end: pos + m[0].length, iso: null };
    }
  }
  return null;
}

const SIGNING_DATE = /[^\S\r\n]*(?:,[^\S\r\n]*)?(?:\(\s*)?(?:(?:được\s+)?(?:ban\s+hành|ký)\s+|cùng\s+)?ngày\s*:?\s*/iuy;

/**
 * SIGNING_DATE in its usual form, spaces and "ngày" (any case), by code unit: where it
 * ends; -1 when the text has another word starting with "n" there (no other form of
 * SIGNING_DATE starts with one, so it cannot match); -2 when the regex must decide.
 */
function plainNgayEnd(text: string, pos: number): number {
  let i = pos;
  while (isRegexHSpace(text.charCodeAt(i))) i++;
  if ((text.charCodeAt(i) | 0x20) !== 0x6e) return -2; // n
  const a = text.charCodeAt(i + 2);
  if ((text.charCodeAt(i + 1) | 0x20) !== 0x67 || (a !== 0xe0 && a !== 0xc0) || (text.charCodeAt(i + 3) | 0x20) !== 0x79) return -1; // gày
  i += 4;
  while (isRegexSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x3a) {
    i++;
    while (isRegexSpace(text.charCodeAt(i))) i++;
  }
  return i;
}

/**
 * Where SIGNING_DATE's first word ("ngày", "cùng", "ký", …) must start if it matches at
 * `pos`: after its spaces, its comma and its parenthesis, each taken whole (taking less
 * leaves a space, a comma or a parenthesis where the word should be).
 */
function signingWordStart(text: string, pos: number): number {
  let i = pos;
  while (isRegexHSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x2c) {
    i++;
    while (isRegexHSpace(text.charCodeAt(i))) i++;
  }
  if (text.charCodeAt(i) === 0x28) {
    i++;
    while (isRegexSpace(text.charCodeAt(i))) i++;
  }
  return i;
}

/**
 * The signing date attached to a citation that ends at `pos`: ", ngày 01/7/2021",
 * " ngày 11 tháng 11 năm 2021", " ban hành ngày 30.3.2022". Returns null when the
 * next words are not a date.
 */
export function parseSigningDate(text: string, pos: number): ParsedDate | null {
  const initial = nextWordInitial(text, pos);
  // "ngày …", "ban hành ngày …", "ký ngày …", "được ban hành ngày …", "cùng ngày …"
  if (initial !== 0x6e && initial !== 0x62 && initial !== 0x6b && initial !== 0x111 && initial !== 0x63) return null;
  let introEnd = plainNgayEnd(text, pos);
  let paren = false;
  if (introEnd === -2) {
    // Of SIGNING_DATE's first words only "cùng" starts with a "c": "của …", the issuer
    // that follows most citations, is turned away without the regex.
    const w = signingWordStart(text, pos);
    const u = text.charCodeAt(w + 1);
    if ((text.charCodeAt(w) | 0x20) === 0x63 && u !== 0xf9 && u !== 0xd9) return null; // c, not cù / cÙ
    SIGNING_DATE.lastIndex = pos;
    const m = SIGNING_DATE.exec(text);
    if (!m) return null;
    introEnd = pos + m[0].length;
    paren = m[0].includes('(');
  }
  if (introEnd < 0) return null;
  const d = parseFullDate(text, introEnd);
  if (!d) return null;
  let end = d.end;
  // Close a parenthesis opened before "ngày".
  if (paren) {
    let j = end;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text[j] === ')') end = j + 1;
  }
  return { start: pos, end, iso: d.iso };
}
