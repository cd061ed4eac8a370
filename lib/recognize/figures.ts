/**
 * Figures: a number and what it measures or counts, read outwards from the number.
 * Backwards (at most four words): qualifiers ("gần", "tối thiểu"), change ("tăng",
 * "giảm"), rank ("xếp thứ") and labels that make the number a name ("Điều 65", "năm
 * 2021"). Forwards: scale words, currencies, measure units, a counted noun, a
 * denominator ("843/843 thôn"), a range ("từ 5 đến 7%").
 */
import type { Change, FigureEntity, Qualifier, Quantity } from './types';
import {
  CHANGE_FILLERS,
  CHANGE_WORDS,
  COUNT_COMPOUNDS,
  COUNT_HEADS,
  CURRENCIES,
  DURATION_UNITS,
  LABEL_PAIRS,
  LABEL_WORDS,
  MEASURE_UNITS,
  NOT_COUNT_WORDS,
  QUALIFIERS,
  SCALE_WORDS,
} from './lexicon';
import { parseNumber, runsOn, type ParsedNumber } from './numbers';
import { isDigit, isDash, isHSpace, isLetter, isLineBreak, isUpper, wordAt, wordsBefore, type Word } from './text';

export type FigureHit = Omit<FigureEntity, 'text'>;

/** What a scan at one number decided: a figure, or how far to skip. */
export interface FigureScan {
  figure: FigureHit | null;
  /** Where scanning goes on. */
  next: number;
}

interface UnitHit {
  end: number;
  quantity: Quantity;
  unit: string | null;
  scale: number;
  /** A counted noun from the open class (not a listed head noun or compound). */
  openClass: boolean;
}

// Unit spellings, longest first so "km2" wins over "km" and "m2" over "m".
const UNIT_KEYS = [...MEASURE_UNITS.keys()].sort((a, b) => b.length - a.length);
const CURRENCY_KEYS = [...CURRENCIES.keys()].sort((a, b) => b.length - a.length);
const SCALE_KEYS = [...SCALE_WORDS.keys()].sort((a, b) => b.length - a.length);

// Acronyms that follow numbers without being counted ("năm 2021 UBND tỉnh …").
const NOT_COUNT_ACRONYMS: ReadonlySet<string> = new Set([
  'UBND', 'HĐND', 'TP', 'TX', 'TT', 'QĐ', 'NQ', 'KH', 'CP', 'TW', 'GMT', 'UTC', 'ĐT', 'QL',
  'BCH', 'MTTQ', 'VN', 'TTXVN', 'AM', 'PM', 'STT', 'TC',
]);

function isBoundary(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  const c = text.charCodeAt(pos);
  return !isLetter(c) && !isDigit(c);
}

/** Case-insensitive match of one of `keys` at `pos`, ending on a word boundary. */
function keyAt(text: string, pos: number, keys: readonly string[]): string | null {
  const window = text.slice(pos, pos + 20).toLowerCase();
  for (const key of keys) {
    if (window.startsWith(key) && isBoundary(text, pos + key.length)) {
      // Spaces inside the key must be matched as written; a key with letters only is fine.
      return key;
    }
  }
  return null;
}

function skipGap(text: string, pos: number, max = 2): number {
  let i = pos;
  while (i < text.length && i - pos < max && isHSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The counted noun at `pos`: a listed compound, an acronym, or the head syllable. */
function countNounAt(text: string, pos: number): UnitHit | null {
  const w = wordAt(text, pos);
  if (!w) return null;
  if (w.raw.length >= 2 && w.raw === w.raw.toUpperCase() && w.raw !== w.raw.toLowerCase()) {
    if (NOT_COUNT_ACRONYMS.has(w.raw) || w.raw.length > 6) return null;
    return { end: w.end, quantity: 'count', unit: w.raw, scale: 1, openClass: false };
  }
  if (isUpper(w.raw.charCodeAt(0))) return null; // a name, not a noun
  const after = skipGap(text, w.end, 1);
  if (after > w.end) {
    const w2 = wordAt(text, after);
    if (w2) {
      const pair = `${w.lower} ${w2.lower}`;
      if (COUNT_COMPOUNDS.has(pair)) return { end: w2.end, quantity: 'count', unit: pair, scale: 1, openClass: false };
    }
  }
  if (NOT_COUNT_WORDS.has(w.lower) || DURATION_UNITS.has(w.lower)) return null;
  return { end: w.end, quantity: 'count', unit: w.lower, scale: 1, openClass: !COUNT_HEADS.has(w.lower) };
}

/** Scale, currency, measure, duration or counted noun after a number ending at `pos`. */
export function unitAfter(text: string, pos: number): UnitHit | null {
  let i = skipGap(text, pos);
  const c = text.charCodeAt(i);
  if (c === 0x25 /* % */) return { end: i + 1, quantity: 'percent', unit: '%', scale: 1, openClass: false };
  let scale = 1;
  const scaleKey = i > pos ? keyAt(text, i, SCALE_KEYS) : null;
  if (scaleKey) {
    scale = SCALE_WORDS.get(scaleKey)!;
    const afterScale = i + scaleKey.length;
    i = skipGap(text, afterScale);
    if (i === afterScale && !isBoundary(text, i)) return null;
  }
  const currency = keyAt(text, i, CURRENCY_KEYS);
  if (currency && (i > pos || currency === 'đ' || scale > 1 || currency === 'vnđ')) {
    return { end: i + currency.length, quantity: 'money', unit: CURRENCIES.get(currency)!, scale, openClass: false };
  }
  const unitKey = keyAt(text, i, UNIT_KEYS);
  if (unitKey) {
    const info = MEASURE_UNITS.get(unitKey)!;
    return { end: i + unitKey.length, quantity: info.quantity, unit: info.unit, scale, openClass: false };
  }
  if (i === pos) return null; // letters glued to a number ("21h30", "4G") are no unit
  const w = wordAt(text, i);
  if (w) {
    const after = skipGap(text, w.end, 1);
    const w2 = after > w.end ? wordAt(text, after) : null;
    if (w2 && DURATION_UNITS.has(`${w.lower} ${w2.lower}`)) {
      return { end: w2.end, quantity: 'duration', unit: `${w.lower} ${w2.lower}`, scale, openClass: false };
    }
    if (DURATION_UNITS.has(w.lower) && scale === 1) return { end: w.end, quantity: 'duration', unit: w.lower, scale, openClass: false };
  }
  const noun = countNounAt(text, i);
  if (noun) return { ...noun, scale };
  // "1.640 tỷ" with no currency: in this press, money in đồng.
  if (scale >= 1e9 && scaleKey) return { end: i === pos ? pos : skipBack(text, i), quantity: 'money', unit: 'VND', scale, openClass: false };
  return null;
}

function skipBack(text: string, pos: number): number {
  while (pos > 0 && isHSpace(text.charCodeAt(pos - 1))) pos--;
  return pos;
}

interface Context {
  qualifier: Qualifier | null;
  change: Change | null;
  rank: boolean;
  label: boolean;
}

/** Reads the words just before a number. */
function contextBefore(text: string, pos: number, floor: number): Context {
  const w: Word[] = wordsBefore(text, pos, 4, floor, false);
  const ctx: Context = { qualifier: null, change: null, rank: false, label: false };
  const w0 = w[0]?.lower;
  if (!w0) return ctx;
  const w1 = w[1]?.lower;
  if (w0 === 'thứ' && (w1 === 'xếp' || w1 === 'đứng')) return { ...ctx, rank: true };
  if (w0 === 'hạng' && w1 === 'xếp') return { ...ctx, rank: true };
  if (LABEL_WORDS.has(w0) || (w1 && LABEL_PAIRS.has(`${w1} ${w0}`))) return { ...ctx, label: true };
  let k = 0;
  if (w1 && QUALIFIERS.has(`${w1} ${w0}`)) {
    ctx.qualifier = QUALIFIERS.get(`${w1} ${w0}`)!;
    k = 2;
  } else if (QUALIFIERS.has(w0)) {
    ctx.qualifier = QUALIFIERS.get(w0)!;
    k = 1;
  }
  let c = w[k]?.lower;
  if (c && CHANGE_FILLERS.has(c)) c = w[k + 1]?.lower;
  if (c && CHANGE_WORDS.has(c)) ctx.change = CHANGE_WORDS.get(c)!;
  return ctx;
}

function isYearLike(n: ParsedNumber): boolean {
  return !n.formatted && n.intDigits.length === 4 && n.value >= 1900 && n.value <= 2100;
}

/** At the start of a line, "1." / "2)" numbers a list item. */
function isListNumber(text: string, n: ParsedNumber): boolean {
  const c = text.charCodeAt(n.end);
  if (c !== 0x2e && c !== 0x29) return false;
  const after = text.charCodeAt(n.end + 1);
  if (!(isHSpace(after) || isLineBreak(after) || Number.isNaN(after))) return false;
  let i = n.start;
  while (i > 0 && isHSpace(text.charCodeAt(i - 1))) i--;
  return i === 0 || isLineBreak(text.charCodeAt(i - 1));
}

/** A range connector after a number: "-", "–", "đến", "tới". Returns where the next number starts. */
function rangeNext(text: string, pos: number): number {
  let i = skipGap(text, pos);
  const c = text.charCodeAt(i);
  if (isDash(c)) i++;
  else {
    const w = wordAt(text, i);
    if (!w || (w.lower !== 'đến' && w.lower !== 'tới')) return -1;
    i = w.end;
    if (i === skipGap(text, i)) return -1;
  }
  i = skipGap(text, i);
  return isDigit(text.charCodeAt(i)) ? i : -1;
}

function figure(
  start: number,
  end: number,
  value: number,
  unit: UnitHit,
  ctx: Context,
  extra: Partial<FigureHit> = {},
): FigureHit {
  return {
    kind: 'figure',
    start,
    end,
    value: scaled(value, unit.scale),
    valueTo: null,
    quantity: unit.quantity,
    unit: unit.unit,
    qualifier: ctx.qualifier,
    change: ctx.change,
    denominator: null,
    ...extra,
  };
}

/** Multiplies without binary noise: 2.5 × 1e6 is 2 500 000, not 2 499 999.9999. */
function scaled(value: number, scale: number): number {
  if (scale === 1) return value;
  return Number((value * scale).toPrecision(15));
}

/**
 * Decides what the number at `pos` is. `floor` is where the previous entity ended.
 * Returns the figure (if any) and where to continue.
 */
export function scanFigure(text: string, pos: number, floor: number): FigureScan {
  const num = parseNumber(text, pos);
  const skip = (to = num.end): FigureScan => ({ figure: null, next: Math.max(to, pos + 1) });
  if (runsOn(text, num.end)) return skip();
  // Phone and fax numbers, postal codes: a leading zero and four or more digits.
  if (num.intDigits.length >= 4 && num.intDigits.charCodeAt(0) === 0x30) return skip();
  if (isListNumber(text, num)) return skip(num.end + 1);
  const ctx = contextBefore(text, pos, floor);

  // "843/843 thôn", "xếp thứ 04/63", "18/24" — and "27/7", a date, which is no figure.
  if (text.charCodeAt(num.end) === 0x2f && isDigit(text.charCodeAt(num.end + 1))) {
    const den = parseNumber(text, num.end + 1);
    if (runsOn(text, den.end) || text.charCodeAt(den.end) === 0x2f) return skip(den.end);
    if (ctx.label) return skip(den.end);
    const noun = countNounAt(text, skipGap(text, den.end));
    const nounOk = noun !== null && skipGap(text, den.end) > den.end;
    if (ctx.rank) {
      return { figure: figure(pos, den.end, num.value, { end: den.end, quantity: 'rank', unit: null, scale: 1, openClass: false }, ctx, { denominator: den.value, qualifier: null, change: null }), next: den.end };
    }
    const dayMonth = !num.formatted && !den.formatted && num.value >= 1 && num.value <= 31 && den.value >= 1 && den.value <= 12;
    if (isYearLike(den)) return skip(den.end); // "12/2021", "91/2020"
    if (dayMonth && !(nounOk && !noun.openClass)) return skip(den.end);
    if (num.value > den.value && !nounOk) return skip(den.end);
    const end = nounOk ? noun.end : den.end;
    const unit = nounOk ? noun.unit : null;
    return {
      figure: figure(pos, end, num.value, { end, quantity: 'ratio', unit, scale: 1, openClass: false }, ctx, { denominator: den.value }),
      next: end,
    };
  }
  if (ctx.rank) {
    return { figure: figure(pos, num.end, num.value, { end: num.end, quantity: 'rank', unit: null, scale: 1, openClass: false }, ctx, { qualifier: null, change: null }), next: num.end };
  }

  let unit = unitAfter(text, num.end);
  // A range: "5 - 7%", "từ 5 đến 7 tỷ đồng", "5% - 7%".
  const afterFirst = unit && unit.quantity !== 'count' ? unit.end : num.end;
  const secondStart = rangeNext(text, afterFirst);
  if (secondStart >= 0 && (!unit || unit.quantity !== 'count')) {
    const second = parseNumber(text, secondStart);
    const unit2 = runsOn(text, second.end) ? null : unitAfter(text, second.end);
    const compatible = unit2 && (!unit || (unit.quantity === unit2.quantity && unit.unit === unit2.unit));
    if (ctx.label) return skip(second.end);
    if (compatible && unit2 && !(isYearLike(num) && isYearLike(second)) && second.value >= num.value) {
      const scale = unit && unit.scale !== 1 ? unit.scale : unit2.scale;
      return {
        figure: figure(pos, unit2.end, num.value, { ...unit2, scale }, ctx, { valueTo: scaled(second.value, unit2.scale) }),
        next: unit2.end,
      };
    }
    if (!unit) return skip(second.end); // "2016-2020", "21 - 23": no figure
  }
  if (ctx.label || !unit) return skip();
  if (isYearLike(num) && (unit.openClass || unit.quantity === 'duration')) return skip();
  return { figure: figure(pos, unit.end, num.value, unit, ctx), next: unit.end };
}
