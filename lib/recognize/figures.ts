/**
 * Figures: a number and what it measures or counts, read outwards from the number.
 * Backwards (at most three words): qualifiers ("gần", "tối thiểu"), change ("tăng",
 * "giảm"), rank ("xếp thứ") and labels that make the number a name ("Điều 65", "năm
 * 2021"). Forwards: scale words, currencies, measure units, a counted noun, a
 * denominator ("843/843 thôn"), a range ("từ 5 đến 7%").
 *
 * This runs once per number in the text, so it reads words by index and allocates
 * little: most numbers are decided by one or two map look-ups.
 */
import type { Change, FigureEntity, Qualifier, Quantity } from './types';
import {
  CHANGE_FILLERS,
  CHANGE_WORDS,
  CLASSIFIERS,
  COUNT_COMPOUNDS,
  COUNT_HEADS,
  COUNT_TRIPLES,
  LABEL_PAIRS,
  LABEL_WORDS,
  NAME_LABEL_PAIRS,
  NOT_COUNT_PAIRS,
  NOT_LABEL_PAIRS,
  NOT_COUNT_WORDS,
  QUALIFIERS,
  UNIT_PHRASES,
  type UnitDef,
} from './lexicon';
import { newParsedNumber, parseNumber, runsOn, scaleNumber, skipNumericRun, type ParsedNumber } from './numbers';
import {
  isDash,
  isDigit,
  isHSpace,
  isLetter,
  isLineBreak,
  isUpper,
  letterCase,
  letterEnd,
  lowerWord,
  tokenEnd,
  isUpperCase,
} from './text';
import { WordTable, fold, foldCase, hashStepBackward, hashStepFolded, hashStepForward, nextPower } from './wordtable';

/** A figure in normalized-text offsets; `text` is filled in when offsets are mapped back. */
export type FigureHit = FigureEntity;

interface UnitHit {
  end: number;
  quantity: Quantity;
  unit: string | null;
  scale: number;
  /** A counted noun from the open class (not a listed head noun or compound). */
  openClass: boolean;
  /** The rest of a compound amount, already scaled ("1 tỷ 200 triệu đồng": 2e8); 0 when none. */
  extra: number;
}

function newUnitHit(): UnitHit {
  return { end: 0, quantity: 'count', unit: null, scale: 1, openClass: false, extra: 0 };
}

/** Fills `into` (a caller's scratch record: this runs once per number) and returns it. */
function setUnit(into: UnitHit, end: number, quantity: Quantity, unit: string | null, scale: number, openClass: boolean): UnitHit {
  into.end = end;
  into.quantity = quantity;
  into.unit = unit;
  into.scale = scale;
  into.openClass = openClass;
  into.extra = 0;
  return into;
}

/** First word of every unit phrase → the most words a phrase starting with it has. */
const PHRASE_FIRST = new Map<string, number>();
for (const key of UNIT_PHRASES.keys()) {
  const parts = key.split(' ');
  PHRASE_FIRST.set(parts[0]!, Math.max(PHRASE_FIRST.get(parts[0]!) ?? 0, parts.length));
}
const COMPOUND_FIRST = new Set([...COUNT_COMPOUNDS, ...COUNT_TRIPLES, ...NOT_COUNT_PAIRS].map((c) => c.split(' ')[0]!));
const TRIPLE_FIRST_PAIRS = new Set([...COUNT_TRIPLES].map((c) => c.split(' ').slice(0, 2).join(' ')));
/**
 * Counted nouns of several words, looked up over the text's own range (one space between
 * the words): the value is the unit as it is stored. `true` marks the first two words of
 * a three-word noun that are not a noun themselves; `false` a pair that is never counted
 * (NOT_COUNT_PAIRS).
 */
const MULTI_WORD_NOUNS = new WordTable<string | boolean>([
  ...[...NOT_COUNT_PAIRS].map((p) => [p, false] as const),
  ...[...TRIPLE_FIRST_PAIRS].map((p) => [p, true] as const),
  ...[...COUNT_COMPOUNDS].map((c) => [c, c] as const),
  ...[...COUNT_TRIPLES].map((c) => [c, c] as const),
]);
/** Unit phrases of several words, looked up over the text's own range. */
const PHRASES = new WordTable<UnitDef>([...UNIT_PHRASES].filter(([k]) => k.includes(' ')));

/** What a two-word look-back ("tổng số", "hơn gần") can be. */
interface PairInfo {
  label: boolean;
  /** A label when its first word is capitalised (NAME_LABEL_PAIRS). */
  nameLabel: boolean;
  notLabel: boolean;
  qualifier: Qualifier | undefined;
}
const PAIRS = (() => {
  const info = new Map<string, PairInfo>();
  const at = (k: string) => {
    let i = info.get(k);
    if (!i) info.set(k, (i = { label: false, nameLabel: false, notLabel: false, qualifier: undefined }));
    return i;
  };
  for (const k of LABEL_PAIRS) at(k).label = true;
  for (const k of NAME_LABEL_PAIRS) at(k).nameLabel = true;
  for (const k of NOT_LABEL_PAIRS) at(k).notLabel = true;
  for (const [k, q] of QUALIFIERS) if (k.includes(' ')) at(k).qualifier = q;
  return new WordTable(info);
})();
const RANGE_WORDS = new WordTable([['đến', true] as const, ['tới', true] as const]);

/** Second words of the two-word look-backs, so the second word is read only when it can matter. */
const PAIR_SECOND = new Set(
  [...LABEL_PAIRS, ...NAME_LABEL_PAIRS, ...NOT_LABEL_PAIRS, ...[...QUALIFIERS.keys()].filter((k) => k.includes(' '))].map((k) => k.split(' ')[1]!),
);
PAIR_SECOND.add('thứ').add('hạng');

/** Everything the figure scanner may ask about one word, found with one look-up. */
interface WordInfo {
  /** The word as listed (lower-case), when the text's own spelling of it can only be this. */
  word: string | undefined;
  /** Whether it can say anything about the number after it (qualifier, change, rank, label). */
  contextual: boolean;
  unit?: UnitDef;
  /** Most words of a unit phrase that starts with this word, when more than one. */
  phraseFirst?: number;
  label?: boolean;
  pairSecond?: boolean;
  qualifier?: Qualifier;
  change?: Change;
  changeFiller?: boolean;
  notCount?: boolean;
  countHead?: boolean;
  compoundFirst?: boolean;
  classifier?: boolean;
  rankWord?: boolean;
  rankVerb?: boolean;
}

function buildWordTable(): WordTable<WordInfo> {
  const info = new Map<string, WordInfo>();
  // Every entry gets every field, so all share one hidden class and the look-ups
  // that read them stay monomorphic.
  const at = (w: string): WordInfo => {
    let i = info.get(w);
    if (!i) {
      i = {
        word: foldsToItself(w) ? w : undefined,
        contextual: false,
        unit: undefined,
        phraseFirst: undefined,
        label: false,
        pairSecond: false,
        qualifier: undefined,
        change: undefined,
        changeFiller: false,
        notCount: false,
        countHead: false,
        compoundFirst: false,
        classifier: false,
        rankWord: false,
        rankVerb: false,
      };
      info.set(w, i);
    }
    return i;
  };
  for (const [phrase, def] of UNIT_PHRASES) if (!phrase.includes(' ')) at(phrase).unit = def;
  for (const [first, most] of PHRASE_FIRST) if (most > 1) at(first).phraseFirst = most;
  for (const w of LABEL_WORDS) at(w).label = true;
  for (const w of PAIR_SECOND) at(w).pairSecond = true;
  for (const [w, q] of QUALIFIERS) if (!w.includes(' ')) at(w).qualifier = q;
  for (const [w, c] of CHANGE_WORDS) at(w).change = c;
  for (const w of CHANGE_FILLERS) at(w).changeFiller = true;
  for (const w of NOT_COUNT_WORDS) at(w).notCount = true;
  for (const w of COUNT_HEADS) at(w).countHead = true;
  for (const w of COMPOUND_FIRST) at(w).compoundFirst = true;
  for (const w of CLASSIFIERS) at(w).classifier = true;
  at('thứ').rankWord = true;
  at('hạng').rankWord = true;
  at('xếp').rankVerb = true;
  at('đứng').rankVerb = true;
  at('trí').rankVerb = true; // "vị trí thứ 10"
  for (const i of info.values()) {
    i.contextual =
      i.label === true || i.pairSecond === true || i.rankWord === true || i.changeFiller === true || i.qualifier !== undefined || i.change !== undefined;
  }
  return new WordTable(info);
}

/** Whether a listed word is already in the form the tables compare (lower-case). */
function foldsToItself(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (foldCase(w.charCodeAt(i)) !== w.charCodeAt(i)) return false;
  return true;
}
const WORDS = buildWordTable();

/**
 * A sketch of the words that say something about the number after them (the `contextual`
 * ones), by length and first and last letter: a word before a number that misses it is
 * none of them, and needs no look-up. About half the words before numbers miss.
 */
const CONTEXT_SKETCH = new Uint32Array(128);

function sketchBit(len: number, first: number, last: number): number {
  return (Math.imul(first, 31) + Math.imul(last, 7) + len) & 4095;
}

for (const w of [...LABEL_WORDS, ...PAIR_SECOND, ...QUALIFIERS.keys(), ...CHANGE_WORDS.keys(), ...CHANGE_FILLERS, 'thứ', 'hạng']) {
  if (w.includes(' ')) continue;
  const bit = sketchBit(w.length, foldCase(w.charCodeAt(0)), foldCase(w.charCodeAt(w.length - 1)));
  CONTEXT_SKETCH[bit >>> 5]! |= 1 << (bit & 31);
}

/**
 * False when a word of `length` code units, `first` and `last` of them folded, is surely
 * not a contextual word (see CONTEXT_SKETCH).
 */
function mayBeContextual(length: number, first: number, last: number): boolean {
  const bit = sketchBit(length, first, last);
  return (CONTEXT_SKETCH[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

// Acronyms that follow numbers without being counted ("năm 2021 UBND tỉnh …").
const NOT_COUNT_ACRONYMS: ReadonlySet<string> = new Set([
  'UBND', 'HĐND', 'TP', 'TX', 'TT', 'QĐ', 'NQ', 'KH', 'CP', 'TW', 'GMT', 'UTC', 'ĐT', 'QL',
  'BCH', 'MTTQ', 'VN', 'TTXVN', 'AM', 'PM', 'STT', 'TC', 'ISO', 'TCVN', 'QCVN',
]);

function isBoundary(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  const c = text.charCodeAt(pos);
  return !isLetter(c) && !isDigit(c);
}

function skipGap(text: string, pos: number, max = 2): number {
  let i = pos;
  const limit = pos + max;
  while (i < limit && i < text.length && isHSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * skipGap, and then one line break when the line goes on in lower case ("1.640\ntỷ
 * đồng", a hard-wrapped text: a line break may stand wherever a space may). A capital
 * after the break starts a paragraph or a heading ("… đạt 12\nTỷ lệ …"): no unit there.
 */
function skipGapOrWrap(text: string, pos: number): number {
  const i = skipGap(text, pos);
  let j = i;
  if (text.charCodeAt(j) === 0x0d) j++;
  if (text.charCodeAt(j) !== 0x0a) return i;
  j = skipGap(text, j + 1);
  const c = text.charCodeAt(j);
  return isLetter(c) && !isUpper(c) ? j : i;
}

function isAcronym(raw: string): boolean {
  if (raw.length < 2 || raw.length > 6) return false;
  for (let i = 0; i < raw.length; i++) if (!isUpper(raw.charCodeAt(i))) return false;
  return true;
}

/** A word of two to six capitals ("HTX", "CLB"), read in place. */
function isAcronymAt(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 2 || len > 6) return false;
  for (let i = start; i < end; i++) if (!isUpper(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The counted noun whose first word spans [s, e) (`info` its look-up): a listed
 * compound, an acronym, or the head syllable. `hash` and `power` are the word's hash and
 * HASH_P to its length, `symbol` whether a capital stands after its first letter, all
 * found as it was read (see readWord).
 */
function countNoun(
  text: string,
  s: number,
  e: number,
  info: WordInfo | undefined,
  into: UnitHit,
  hash: number,
  power: number,
  symbol: boolean,
): UnitHit | null {
  // A listed noun in capitals is a headline's ("843/843 THÔN", "120 DOANH NGHIỆP"), no acronym.
  const shouted = info !== undefined && (info.countHead || info.compoundFirst) && isUpper(text.charCodeAt(s)) && isAcronymAt(text, s, e);
  if (isUpper(text.charCodeAt(s)) && !shouted) {
    if (!isAcronymAt(text, s, e)) return null; // a name, not a noun
    const raw = text.slice(s, e);
    if (NOT_COUNT_ACRONYMS.has(raw)) return null;
    return setUnit(into, e, 'count', raw, 1, false);
  }
  if (info?.compoundFirst) {
    // The phrases' hashes are grown from the words' own: H(a·b) = H(a) + P^|a|·H(b).
    const s2 = skipGap(text, e, 1);
    const e2 = s2 > e ? readWord(text, s2) : s2;
    const pairHash = (hash + Math.imul(power, hashStepBackward(wordHash, text.charCodeAt(e)))) | 0;
    const pairPower = Math.imul(nextPower(power), wordPower);
    const pair = e2 > s2 ? MULTI_WORD_NOUNS.getHashed(text, s, e2, pairHash) : undefined;
    if (pair !== undefined) {
      const s3 = skipGap(text, e2, 1);
      const e3 = s3 > e2 ? readWord(text, s3) : s3;
      const tripleHash = (pairHash + Math.imul(pairPower, hashStepBackward(wordHash, text.charCodeAt(e2)))) | 0;
      const triple = e3 > s3 ? MULTI_WORD_NOUNS.getHashed(text, s, e3, tripleHash) : undefined;
      if (typeof triple === 'string') return setUnit(into, e3, 'count', triple, 1, false);
      if (typeof pair === 'string') return setUnit(into, e2, 'count', pair, 1, false);
      if (pair === false) return null;
    }
  }
  if (info && (info.notCount || (info.unit && !info.compoundFirst))) return null;
  if (info?.classifier) {
    const end = classifiedNounEnd(text, e);
    if (end > e) return setUnit(into, end, 'count', `${info.word ?? lowerWord(text.slice(s, e))} ${lowerWord(text.slice(skipGap(text, e, 1), end)).replace(/\s+/g, ' ')}`, 1, false);
  }
  // "Hội nghị Trung ương 4 khóa XIII": a noun followed by its Roman ordinal names a
  // term or a congress; the number before it is part of a name, not a count.
  if (romanNumeralAt(text, skipGap(text, e, 1))) return null;
  // A capital after the first letter ("kV", "mAh") is a symbol's: keep it as written.
  // Otherwise the word has no capital after its first letter: a listed word is written
  // as listed, a shouted one lower-cased, and any other is already lower-case.
  const unit = symbol && !shouted ? text.slice(s, e) : (info?.word ?? (shouted ? lowerWord(text.slice(s, e)) : text.slice(s, e)));
  return setUnit(into, e, 'count', unit, 1, !info?.countHead);
}

/**
 * The end of the noun a classifier at [.., e) introduces ("ngôi mộ", "bộ hồ sơ"): a
 * listed compound, or one lower-case word that is no function word, unit or context
 * word; -1 when none follows ("25 con, 3 chiếc được…": the classifier stands alone).
 */
function classifiedNounEnd(text: string, e: number): number {
  const s2 = skipGap(text, e, 1);
  if (s2 === e) return -1;
  const c = text.charCodeAt(s2);
  if (!isLetter(c) || isUpper(c)) return -1;
  const e2 = readWord(text, s2);
  if (e2 === s2) return -1;
  const info = WORDS.get(text, s2, e2);
  if (info?.compoundFirst) {
    const s3 = skipGap(text, e2, 1);
    const e3 = s3 > e2 ? readWord(text, s3) : s3;
    if (e3 > s3 && typeof MULTI_WORD_NOUNS.get(text, s2, e3) === 'string') return e3;
  }
  if (info && (info.notCount || info.unit || info.contextual || info.classifier)) return -1;
  return e2;
}

/** A scale word ("triệu", "nghìn tỷ") after a number, with no unit after it. */
function bareScaleAfter(text: string, pos: number): { end: number; scale: number } | null {
  const i = skipGap(text, pos);
  // Every scale word starts with "n" or "t" (nghìn, ngàn, triệu, tỷ, tỉ): most numbers stop here.
  const c = text.charCodeAt(i);
  if (i === pos || (c !== 0x6e && c !== 0x74)) return null;
  const e = tokenEnd(text, i);
  if (e === i) return null;
  const end = phraseFrom(text, i, e, WORDS.get(text, i, e));
  const def = phraseDef;
  return end >= 0 && def !== null && def.type === 'scale' ? { end, scale: def.multiplier } : null;
}

/** A Roman numeral of capitals standing alone at `pos` ("XIII", "IV"). */
function romanNumeralAt(text: string, pos: number): boolean {
  let i = pos;
  for (; i < text.length && i - pos <= 6; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x49 && c !== 0x56 && c !== 0x58 && c !== 0x4c && c !== 0x43) break; // I V X L C
  }
  return i > pos && i - pos <= 6 && !isLetter(text.charCodeAt(i)) && !isDigit(text.charCodeAt(i));
}

function countNounAt(text: string, pos: number, into: UnitHit): UnitHit | null {
  const e = readWord(text, pos);
  if (e === pos) return null;
  const hash = wordHash;
  return countNoun(text, pos, e, WORDS.getHashed(text, pos, e, hash), into, hash, wordPower, wordSymbol);
}

/** What readWord found of the word it read last (read at once by its caller). */
let wordHash = 0;
let wordPower = 1;
let wordSymbol = false;

/**
 * letterEnd (text.ts), hashing the word on the way (see HASH_P) and noting whether a
 * capital follows its first letter: the word is read once for all that is asked of it.
 */
function readWord(text: string, pos: number): number {
  let i = pos;
  let hash = 0;
  let power = 1;
  let symbol = false;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = letterCase(c);
    if (kind === 0) break;
    if (isUpperCase(kind) && i > pos) symbol = true;
    hash = hashStepForward(hash, c, power);
    power = nextPower(power);
    i++;
  }
  wordHash = hash;
  wordPower = power;
  wordSymbol = symbol;
  return i;
}

/** The definition of the phrase phraseFrom found last (read at once by its caller). */
let phraseDef: UnitDef | null = null;

/**
 * The unit phrase (up to three words) whose first word spans [s, e), longest first:
 * returns where it ends and leaves its definition in `phraseDef`, or returns -1.
 * (Two numbers rather than an object: this runs at nearly every number.)
 */
function phraseFrom(text: string, s: number, e1: number, info: WordInfo | undefined): number {
  if (info === undefined) return -1;
  if (info.phraseFirst) {
    let end = e1;
    let bestEnd = -1;
    let bestDef: UnitDef | null = null;
    for (let k = 1; k < info.phraseFirst; k++) {
      const ws = skipGap(text, end, 1);
      if (ws === end) break;
      const we = tokenEnd(text, ws);
      if (we === ws) break;
      end = we;
      // One space between the words (skipGap took one), which the table reads as " ".
      const def = PHRASES.get(text, s, end);
      if (def && isBoundary(text, end)) {
        bestDef = def;
        bestEnd = end;
      }
    }
    if (bestDef) {
      phraseDef = bestDef;
      return bestEnd;
    }
  }
  const def = info.unit;
  if (!def || !isBoundary(text, e1)) return -1;
  // "03 đồng chí", "500 đồng bào": the word begins a counted compound, not a unit; nor
  // is it one in "40 đồng ý" (NOT_COUNT_PAIRS).
  if (info.compoundFirst) {
    const ws = skipGap(text, e1, 1);
    const we = ws > e1 ? letterEnd(text, ws) : ws;
    const pair = we > ws ? MULTI_WORD_NOUNS.get(text, s, we) : undefined;
    if (typeof pair === 'string' || pair === false) return -1;
  }
  phraseDef = def;
  return e1;
}

/**
 * What readToken found of the token it read last: its hash, HASH_P to its length, whether
 * it is letters only, whether a capital follows its first letter (read at once by its caller).
 */
let tokenHash = 0;
let tokenPower = 1;
let tokenPlain = true;
let tokenSymbol = false;

/**
 * tokenEnd (text.ts), hashing the token on the way for its look-up (see HASH_P): the
 * word after a number is read once, each character of it once.
 */
function readToken(text: string, pos: number): number {
  const n = text.length;
  if (pos >= n) return pos;
  let i = pos;
  let c = text.charCodeAt(i);
  let kind = letterCase(c);
  if (kind === 0) return pos;
  let hash = 0;
  let power = 1;
  let plain = true;
  let symbol = false;
  for (;;) {
    // `c` is a letter, of case `kind`.
    if (isUpperCase(kind) && i > pos) symbol = true;
    hash = hashStepForward(hash, c, power);
    power = nextPower(power);
    i++;
    if (i >= n) break;
    c = text.charCodeAt(i);
    kind = letterCase(c);
    if (kind !== 0) continue;
    // An inner hyphen between letters ("héc-ta").
    if (c !== 0x2d || i + 1 >= n) break;
    const next = text.charCodeAt(i + 1);
    const nextKind = letterCase(next);
    if (nextKind === 0) break;
    plain = false;
    hash = hashStepForward(hash, 0x2d, power);
    power = nextPower(power);
    i++;
    c = next;
    kind = nextKind;
  }
  while (i < n) {
    c = text.charCodeAt(i);
    if (!(isDigit(c) || c === 0xb2 || c === 0xb3)) break;
    plain = false;
    hash = hashStepForward(hash, c, power);
    power = nextPower(power);
    i++;
  }
  tokenHash = hash;
  tokenPower = power;
  tokenPlain = plain;
  tokenSymbol = symbol;
  return i;
}

/**
 * Scale, currency, measure, duration or counted noun after a number ending at `pos`,
 * written into `into` (the caller's scratch record), or null.
 */
function unitAfter(text: string, pos: number, into: UnitHit): UnitHit | null {
  let i = skipGapOrWrap(text, pos);
  const glued = i === pos;
  if (text.charCodeAt(i) === 0x25 /* % */) return setUnit(into, i + 1, 'percent', '%', 1, false);
  let e = readToken(text, i);
  if (e === i) return null;
  // "giảm 0,8 điểm %": percentage points with the sign for "phần trăm".
  const sign = text.charCodeAt(e) === 0x25 ? e : text.charCodeAt(e + 1) === 0x25 && isHSpace(text.charCodeAt(e)) ? e + 1 : -1;
  if (sign > 0 && text.slice(i, e).toLowerCase() === 'điểm') return setUnit(into, sign + 1, 'percent', '%', 1, false);
  // The token's particulars, kept: compoundRest below reads tokens of its own.
  let plain = tokenPlain;
  let hash = tokenHash;
  let power = tokenPower;
  let symbol = tokenSymbol;
  let info = WORDS.getHashed(text, i, e, hash);
  let phraseEnd = phraseFrom(text, i, e, info);
  let def = phraseEnd >= 0 ? phraseDef : null;
  let scale = 1;
  let scaleEnd = -1;
  if (def && def.type === 'scale') {
    if (glued) return null;
    scale = def.multiplier;
    scaleEnd = phraseEnd;
    // "980 tr.đ", "12 Tr.đồng": reports abbreviate "triệu đồng" with a dot.
    const dotted = text.charCodeAt(scaleEnd) === 0x2e && isLetter(text.charCodeAt(scaleEnd + 1));
    i = dotted ? scaleEnd + 1 : skipGapOrWrap(text, scaleEnd);
    e = i > scaleEnd ? readToken(text, i) : i;
    plain = tokenPlain;
    hash = tokenHash;
    power = tokenPower;
    symbol = tokenSymbol;
    def = null;
    if (e > i) {
      info = WORDS.getHashed(text, i, e, hash);
      phraseEnd = phraseFrom(text, i, e, info);
      if (phraseEnd >= 0 && phraseDef!.type !== 'scale') def = phraseDef;
    }
    // After a dot only a currency belongs to the amount ("5 triệu.Tỉnh" ends a sentence).
    if (dotted && def?.type !== 'currency') {
      i = scaleEnd;
      e = i;
      def = null;
    }
  }
  // "1 tỷ 200 triệu đồng", "2 triệu 500 nghìn người": a compound amount, scales falling.
  if (scale > 1 && i > scaleEnd && isDigit(text.charCodeAt(i))) {
    if (compoundRest(text, i, scale, into)) return into;
  }
  if (def) {
    if (def.type === 'currency') {
      // "45 đ/c" (đồng chí, comrades) is a count, "500.000 đ/kg" a price.
      if (phraseEnd - i === 1 && isSlashC(text, phraseEnd)) return setUnit(into, phraseEnd + 2, 'count', 'đ/c', scale, false);
      return setUnit(into, phraseEnd, 'money', def.unit, scale, false);
    }
    if (def.type === 'measure') return setUnit(into, phraseEnd, def.quantity, def.unit, scale, false);
    if (def.type === 'duration' && scale === 1 && !glued) {
      if (def.unit === 'giờ' && isTimeOfDay(text, phraseEnd)) return null;
      return setUnit(into, phraseEnd, 'duration', def.unit, scale, false);
    }
  }
  if (glued) return null; // letters glued to a number ("21h30", "4G") are no unit
  if (e > i && plain) {
    const noun = countNoun(text, i, e, info, into, hash, power, symbol);
    if (noun) {
      noun.scale = scale;
      return noun;
    }
  }
  // "1.640 tỷ" with no currency: in this press, money in đồng; so is a rate with a scale
  // word and no noun ("10 triệu/người", "700 nghìn/suất", "2 triệu/tháng").
  if (scale >= 1e9 || (scale > 1 && text.charCodeAt(scaleEnd) === 0x2f && isLetter(text.charCodeAt(scaleEnd + 1)))) {
    return setUnit(into, scaleEnd, 'money', 'VND', scale, false);
  }
  return null;
}

/** "/c" and no letter after, at `pos`. */
function isSlashC(text: string, pos: number): boolean {
  return text.charCodeAt(pos) === 0x2f && (text.charCodeAt(pos + 1) | 0x20) === 0x63 && !isLetter(text.charCodeAt(pos + 2));
}

// After "20 giờ": a part of the day, or the date the hour is on ("20 giờ ngày 10/10").
const DAY_PARTS = new WordTable<true>(['sáng', 'trưa', 'chiều', 'tối', 'đêm', 'ngày', 'hôm'].map((w) => [w, true] as const));

/** After "8 giờ": minutes ("8 giờ 30") or a part of the day ("8 giờ sáng") make it a time of day. */
function isTimeOfDay(text: string, pos: number): boolean {
  const i = skipGap(text, pos);
  if (i === pos) return false;
  if (isDigit(text.charCodeAt(i))) return true;
  const e = letterEnd(text, i);
  return e > i && DAY_PARTS.get(text, i, e) === true;
}

/**
 * The smaller part of a compound amount starting at `pos`: a number, a scale word
 * smaller than `scale`, and what follows it, written into `into`. Scales strictly
 * fall, so this recurses at most four times whatever the text.
 */
function compoundRest(text: string, pos: number, scale: number, into: UnitHit): UnitHit | null {
  const part = parseNumber(text, pos, PART);
  if (runsOn(text, part.end)) return null;
  const s = skipGap(text, part.end);
  const e = s > part.end ? tokenEnd(text, s) : s;
  if (e === s) return null;
  const phraseEnd = phraseFrom(text, s, e, WORDS.get(text, s, e));
  const def = phraseEnd >= 0 ? phraseDef : null;
  if (!def || def.type !== 'scale' || def.multiplier >= scale) return null;
  const partScaled = scaleNumber(part, def.multiplier);
  // A record of its own: `into` belongs to the caller's reading, still under way.
  const unit = unitAfter(text, part.end, newUnitHit());
  // "3 tỷ 500 triệu" with nothing after: money, as "1.640 tỷ" alone is.
  if (!unit) {
    if (scale < 1e9) return null;
    setUnit(into, phraseEnd, 'money', 'VND', scale, false);
    into.extra = partScaled;
    return into;
  }
  if (unit.scale !== def.multiplier) return null;
  setUnit(into, unit.end, unit.quantity, unit.unit, scale, unit.openClass);
  into.extra = partScaled + unit.extra;
  return into;
}

interface Context {
  qualifier: Qualifier | null;
  change: Change | null;
  rank: boolean;
  label: boolean;
}

const NO_CONTEXT: Context = Object.freeze({ qualifier: null, change: null, rank: false, label: false });
const RANK: Context = Object.freeze({ qualifier: null, change: null, rank: true, label: false });
const LABEL: Context = Object.freeze({ qualifier: null, change: null, rank: false, label: true });

/** The word just before a number, read once and handed to whatever asks about it. */
interface PrevWord {
  /** Its start, or -1 when no word stands right before the number. */
  start: number;
  end: number;
  /** Its hash (see HASH_P) and HASH_P to its length, for the look-ups of phrases ending with it. */
  hash: number;
  power: number;
  info: WordInfo | undefined;
}

const PREV: PrevWord = { start: -1, end: -1, hash: 0, power: 1, info: undefined };

/**
 * Where the word readWordBefore read ends, its hash and HASH_P to its length, its first
 * and last code units folded (read at once by its caller).
 */
let backEnd = -1;
let backHash = 0;
let backPower = 1;
let backFirst = 0;
let backLast = 0;

/**
 * The start of the word (a run of letters) before `pos`, crossing horizontal space
 * only and not past `floor`, or -1; the word is hashed on the way.
 */
function readWordBefore(text: string, pos: number, floor: number): number {
  let j = pos;
  while (j > floor && isHSpace(text.charCodeAt(j - 1))) j--;
  let k = j;
  let hash = 0;
  let power = 1;
  let folded = 0;
  while (k > floor) {
    const c = text.charCodeAt(k - 1);
    if (!isLetter(c)) break;
    folded = fold(c);
    if (k === j) backLast = folded;
    hash = hashStepFolded(hash, folded);
    power = nextPower(power);
    k--;
  }
  backEnd = j;
  backHash = hash;
  backPower = power;
  backFirst = folded;
  return k === j ? -1 : k;
}

function readPrevWord(text: string, pos: number, floor: number): PrevWord {
  const k = readWordBefore(text, pos, floor);
  if (k < 0) {
    PREV.start = -1;
    PREV.end = -1;
    PREV.info = undefined;
  } else {
    const j = backEnd;
    PREV.start = k;
    PREV.end = j;
    PREV.hash = backHash;
    PREV.power = backPower;
    // Only what a contextual word says is asked of this one (contextFrom, the label
    // test): for any other word, knowing nothing is the same answer, found cheaper.
    PREV.info = mayBeContextual(j - k, backFirst, backLast) ? WORDS.getHashed(text, k, j, backHash) : undefined;
  }
  return PREV;
}

/** Reads the words just before a number (same line, not past `floor`). */
function contextBefore(text: string, pos: number, floor: number): Context {
  return contextFrom(text, floor, readPrevWord(text, pos, floor));
}

/** The start of the word before `pos` (as readWordBefore reads it) when it is `word`, in any case; else -1. */
function wordBeforeIs(text: string, pos: number, floor: number, word: string): number {
  const k = readWordBefore(text, pos, floor);
  return k >= 0 && backEnd - k === word.length && text.slice(k, backEnd).toLowerCase() === word ? k : -1;
}

/** The context said before "từ" opening a range ("giảm từ 5 đến 7%"), or `ctx` as it was. */
function contextBeforeTu(text: string, pos: number, floor: number, ctx: Context): Context {
  const k = wordBeforeIs(text, pos, floor, 'từ');
  if (k < 0) return ctx;
  const before = contextBefore(text, k, floor);
  return before.change ? { qualifier: ctx.qualifier ?? before.qualifier, change: before.change, rank: false, label: false } : ctx;
}

/** Comparatives before "hơn": which way they compare. */
const COMPARATIVES = new Map<string, 'more' | 'less'>([
  ['cao', 'more'], ['lớn', 'more'], ['nhiều', 'more'], ['thấp', 'less'], ['nhỏ', 'less'], ['ít', 'less'],
]);

/**
 * What a change or qualifier word ending the line before says ("tăng\n12,5%": a hard
 * wrap is a space). Labels and ranks are not read across a line: a heading ending in
 * "xã" does not make the next paragraph's first number a name.
 */
function contextAcrossWrap(text: string, pos: number, floor: number): Context {
  let j = pos;
  while (j > floor && isHSpace(text.charCodeAt(j - 1))) j--;
  if (j <= floor || text.charCodeAt(j - 1) !== 0x0a) return NO_CONTEXT;
  j--;
  if (j > floor && text.charCodeAt(j - 1) === 0x0d) j--;
  const ctx = contextFrom(text, floor, readPrevWord(text, j, floor));
  return ctx.label || ctx.rank ? NO_CONTEXT : ctx;
}

/** As contextBefore, from the word before the number already read. */
function contextFrom(text: string, floor: number, prev: PrevWord): Context {
  const s0 = prev.start;
  const e0 = prev.end;
  const i0 = prev.info;
  if (i0 === undefined || !i0.contextual) return NO_CONTEXT;
  let s1 = -1;
  let i1: WordInfo | undefined;
  let pair: PairInfo | undefined;
  if (i0.pairSecond) {
    s1 = readWordBefore(text, s0, floor);
    if (s1 >= 0) {
      const e1 = backEnd;
      // That word is asked about only by a rank ("xếp thứ", "đứng hạng").
      if (i0.rankWord) i1 = WORDS.getHashed(text, s1, e1, backHash);
      // Read in place when one space parts the words (the table reads it as " "), the
      // pair's hash grown from the words' own: H(a·b) = H(a) + P^|a|·H(b).
      pair =
        s0 === e1 + 1
          ? PAIRS.getHashed(text, s1, e0, (backHash + Math.imul(backPower, hashStepBackward(prev.hash, text.charCodeAt(e1)))) | 0)
          : PAIRS.get(`${text.slice(s1, e1)} ${text.slice(s0, e0)}`, 0, e1 - s1 + 1 + e0 - s0);
    }
  }
  if (i0.rankWord && i1?.rankVerb) return RANK;
  if ((i0.label && !pair?.notLabel) || pair?.label || (pair?.nameLabel && isUpper(text.charCodeAt(s1)))) return LABEL;
  let qualifier: Qualifier | null = null;
  let at = s0; // start of the words read so far
  const pairQualifier = pair?.qualifier;
  if (pairQualifier) {
    qualifier = pairQualifier;
    at = s1;
  } else if (i0.qualifier) qualifier = i0.qualifier;
  let c: WordInfo | undefined = i0;
  if (qualifier) {
    const cs = readWordBefore(text, at, floor);
    c = cs >= 0 ? WORDS.getHashed(text, cs, backEnd, backHash) : undefined;
    at = cs;
  }
  // "tăng thêm 5%", "tăng bình quân 7%": at most two fillers between change and number.
  for (let k = 0; k < 2 && c?.changeFiller && at >= 0; k++) {
    const cs = readWordBefore(text, at, floor);
    c = cs >= 0 ? WORDS.getHashed(text, cs, backEnd, backHash) : undefined;
    at = cs;
  }
  const change = c?.change ?? null;
  if (!qualifier && !change) return NO_CONTEXT;
  // "ước tăng 12,4%": an estimate said before the change word.
  if (!qualifier && at > floor) {
    const qs = readWordBefore(text, at, floor);
    if (qs >= 0 && WORDS.getHashed(text, qs, backEnd, backHash)?.qualifier === 'approx') qualifier = 'approx';
  }
  // "thấp hơn 1,2 điểm phần trăm", "cao hơn 2%": a comparison, no bound; "không thấp
  // hơn 15%" is at least, "không cao hơn" at most.
  if (qualifier === 'over' && !pairQualifier && e0 - s0 === 3 && text.slice(s0, e0).toLowerCase() === 'hơn') {
    const ws = readWordBefore(text, s0, floor);
    const w = ws >= 0 ? text.slice(ws, backEnd).toLowerCase() : '';
    const kind = COMPARATIVES.get(w);
    if (kind !== undefined) {
      const negated = wordBeforeIs(text, ws, floor, 'không') >= 0;
      // "nhiều hơn 500 người", "ít hơn 5 hộ" bound a count; "cao hơn 2%" compares.
      qualifier = negated ? (kind === 'more' ? 'atMost' : 'atLeast') : w === 'nhiều' ? 'over' : w === 'ít' ? 'under' : null;
    }
  }
  if (!qualifier && !change) return NO_CONTEXT;
  return { qualifier, change, rank: false, label: false };
}

/**
 * A label names things with plain numbers ("thôn 5", "đường 3/2", "Km 12"): a number
 * written with a thousands dot or a decimal comma and followed by a unit is a quantity
 * all the same ("tuyến đường 1.250 m", "khu 2,5 ha"). A space between digit groups does
 * not count: "tháng 12 981 người" is a month and a count.
 */
function quantityDespiteLabel(text: string, num: ParsedNumber): boolean {
  if (!num.formatted) return false;
  const sep = text.charCodeAt(num.start + num.intLen);
  if (sep !== 0x2e && sep !== 0x2c) return false;
  const unit = unitAfter(text, num.end, UNIT);
  return unit !== null && unit.quantity !== 'duration';
}

const OUT_OF_WORDS = new WordTable<number>([['trên', 1], ['trong', 1], ['tổng', 2], ['số', 3]]);

/**
 * After a number, "trên" or "trong" and another number, perhaps with "số" or "tổng số"
 * between ("12 trên 15 xã", "3 trong số 5 dự án"): the second number is parsed into
 * SECOND and its start returned, else -1. A number before "trên" is no qualifier's:
 * "trên" reads "out of" there.
 */
function outOfDenominator(text: string, pos: number): number {
  let i = skipGap(text, pos);
  if (i === pos || (text.charCodeAt(i) | 0x20) !== 0x74 /* t */) return -1;
  let e = letterEnd(text, i);
  if (OUT_OF_WORDS.get(text, i, e) !== 1) return -1;
  i = skipGap(text, e);
  if (i === e) return -1;
  if (!isDigit(text.charCodeAt(i))) {
    e = letterEnd(text, i);
    const word = OUT_OF_WORDS.get(text, i, e);
    if (word === 2) {
      i = skipGap(text, e);
      e = letterEnd(text, i);
      if (i === e || OUT_OF_WORDS.get(text, i, e) !== 3) return -1;
    } else if (word !== 3) return -1;
    i = skipGap(text, e);
    if (i === e) return -1;
  }
  if (!isDigit(text.charCodeAt(i))) return -1;
  const den = parseNumber(text, i, SECOND);
  return runsOn(text, den.end) || text.charCodeAt(den.end) === 0x2f ? -1 : i;
}

function isYearLike(n: ParsedNumber): boolean {
  return !n.formatted && n.intLen === 4 && n.value >= 1900 && n.value <= 2100;
}

/** "Covid – 19", "COVID - 19": a label word, a dash between spaces, and the number at `pos`. */
function labelBeforeDash(text: string, pos: number, floor: number): boolean {
  let j = pos;
  while (j > floor && pos - j < 2 && isHSpace(text.charCodeAt(j - 1))) j--;
  if (j === pos || j <= floor || !isDash(text.charCodeAt(j - 1))) return false;
  const dash = --j;
  while (j > floor && dash - j < 2 && isHSpace(text.charCodeAt(j - 1))) j--;
  if (j === dash) return false;
  const e = j;
  let k = e;
  while (k > floor && e - k < 16 && isLetter(text.charCodeAt(k - 1))) k--;
  return k < e && WORDS.get(text, k, e)?.label === true;
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
    // "đến" or "tới" (any case): their first letter rules out most words unread.
    if (c !== 0x111 && c !== 0x110 && c !== 0x74 && c !== 0x54) return -1;
    const e = letterEnd(text, i);
    if (e === i) return -1;
    if (!RANGE_WORDS.get(text, i, e)) return -1;
    if (skipGap(text, e) === e) return -1;
    i = e;
  }
  i = skipGap(text, i);
  return isDigit(text.charCodeAt(i)) ? i : -1;
}

function newFigure(start: number, end: number, value: number, quantity: Quantity, unit: string | null, ctx: Context): FigureHit {
  return {
    kind: 'figure',
    start,
    end,
    text: '',
    value,
    valueTo: null,
    quantity,
    unit,
    qualifier: ctx.qualifier,
    change: ctx.change,
    denominator: null,
  };
}

function makeFigure(start: number, end: number, num: ParsedNumber, unit: UnitHit, ctx: Context): FigureHit {
  return newFigure(start, end, scaleNumber(num, unit.scale) + unit.extra, unit.quantity, unit.unit, ctx);
}

/** "xếp thứ 5", "xếp thứ 04/63": a rank, no unit. */
function makeRank(start: number, end: number, num: ParsedNumber): FigureHit {
  return newFigure(start, end, num.value, 'rank', null, NO_CONTEXT);
}

/** The end of a chain of numbers joined by range connectors ("1 - 2 - 3"), skipped at once. */
function skipRangeChain(text: string, from: number): number {
  let end = skipNumericRun(text, from);
  for (;;) {
    const next = rangeNext(text, end);
    if (next < 0) return end;
    end = skipNumericRun(text, next);
  }
}

// Where scanning goes on after the last scanFigure, read at once by its caller: the
// scanner runs once per number, and a result object (fresh, or reused and pointed at
// each new figure) would cost the collector either way.
let scanNext = 0;

/** Where scanning goes on after the number scanFigure read last. */
export function lastScanEnd(): number {
  return scanNext;
}

// The two numbers a figure can have (value and denominator or range end), reused: the
// scanner runs once per number, and its callers read them at once.
const FIRST = newParsedNumber();
const SECOND = newParsedNumber();
// The smaller part of a compound amount ("1 tỷ 200 triệu"), read inside unitAfter.
const PART = newParsedNumber();
// What follows the first number and the second (range end or denominator), likewise reused.
const UNIT = newUnitHit();
const UNIT2 = newUnitHit();

function skipTo(pos: number, to: number): null {
  scanNext = Math.max(to, pos + 1);
  return null;
}

function found(figure: FigureHit, next: number): FigureHit {
  scanNext = next;
  return figure;
}

/** "843/843 thôn", "xếp thứ 04/63", "18/24" — and "27/7", a date, which is no figure. */
function scanFraction(text: string, num: ParsedNumber, ctx: Context): FigureHit | null {
  const pos = num.start;
  const den = parseNumber(text, num.end + 1, SECOND);
  if (runsOn(text, den.end) || text.charCodeAt(den.end) === 0x2f) return skipTo(pos, skipNumericRun(text, den.end));
  if (ctx.label || isYearLike(den)) return skipTo(pos, den.end); // "tháng 12/2021", "91/2020"
  if (ctx.rank) {
    const fig = makeRank(pos, den.end, num);
    fig.denominator = den.value;
    return found(fig, den.end);
  }
  const nounStart = skipGap(text, den.end);
  let noun = nounStart > den.end ? countNounAt(text, nounStart, UNIT2) : null;
  // "120/150 ha": a share of a measured whole keeps the measure's unit.
  if (!noun && nounStart > den.end) {
    const measure = unitAfter(text, den.end, UNIT2);
    // "450/500 tỷ đồng": both ends in the amount's scale.
    if (measure && measure.extra === 0 && measure.quantity !== 'duration' && measure.quantity !== 'percent') {
      // A part larger than the whole is kept, as with a counted noun ("12/10 xã"): the unit says it is a share.
      const fig = newFigure(pos, measure.end, scaleNumber(num, measure.scale), 'ratio', measure.unit, ctx);
      fig.denominator = scaleNumber(den, measure.scale);
      return found(fig, measure.end);
    }
  }
  const dayMonth = !num.formatted && !den.formatted && num.value >= 1 && num.value <= 31 && den.value >= 1 && den.value <= 12;
  if (dayMonth && !(noun && !noun.openClass)) return skipTo(pos, den.end);
  if (num.value > den.value && !noun) return skipTo(pos, den.end);
  const end = noun ? noun.end : den.end;
  const fig = newFigure(pos, end, num.value, 'ratio', noun ? noun.unit : null, ctx);
  fig.denominator = den.value;
  return found(fig, end);
}

/**
 * Decides what the number at `pos` is. `floor` is where the previous entity ended.
 * Returns the figure, if any; where to continue is lastScanEnd().
 */
export function scanFigure(text: string, pos: number, floor: number): FigureHit | null {
  const num = parseNumber(text, pos, FIRST);
  // What follows the number, read once for the three tests that ask (runsOn, isListNumber
  // and the fraction's "/"): most numbers stand before a space.
  const next = text.charCodeAt(num.end);
  if ((next === 0x2e || next === 0x2c || next === 0x3a) && runsOn(text, num.end)) {
    return skipTo(pos, skipNumericRun(text, num.end));
  }
  // Phone and fax numbers, postal codes: a leading zero and four or more digits.
  if (num.intLen >= 4 && num.leadingZero) return skipTo(pos, skipNumericRun(text, num.end));
  // Hotlines: "1900 1234", "1800 1091" (free and paid lines, four digits then the rest).
  if (num.intLen === 4 && (num.value === 1900 || num.value === 1800) && isHSpace(next) && isDigit(text.charCodeAt(num.end + 1))) {
    return skipTo(pos, skipNumericRun(text, num.end + 1));
  }
  if ((next === 0x2e || next === 0x29) && isListNumber(text, num)) return skipTo(pos, num.end + 1);
  if (next === 0x2f && isDigit(text.charCodeAt(num.end + 1))) {
    return scanFraction(text, num, contextBefore(text, pos, floor));
  }
  let ctx: Context | null = null;
  // A label word just before ("năm 2021", "ngày 15", "Điều 5") decides at once, before
  // any unit is read: one look-up, and these numbers are many.
  const prev = readPrevWord(text, pos, floor);
  if (prev.start < 0 && labelBeforeDash(text, pos, floor)) return skipTo(pos, num.end);
  if (prev.info?.label) {
    ctx = contextFrom(text, floor, prev);
    if (ctx.label && quantityDespiteLabel(text, num)) ctx = NO_CONTEXT;
    if (ctx.label) {
      const second = rangeNext(text, num.end);
      return skipTo(pos, second >= 0 ? skipRangeChain(text, second) : num.end);
    }
  }
  // Then what follows: most numbers with nothing after them are decided there, without
  // reading further back.
  const unit = unitAfter(text, num.end, UNIT);
  // A range: "5 - 7%", "từ 5 đến 7 tỷ đồng", "5% - 7%".
  if (!unit || unit.quantity !== 'count') {
    // "từ 5 triệu đến 7 triệu đồng": a scale word alone is no unit, but the range
    // goes on after it, and the first end keeps its scale.
    const bare = unit ? null : bareScaleAfter(text, num.end);
    const secondStart = rangeNext(text, unit ? unit.end : bare ? bare.end : num.end);
    if (secondStart >= 0) {
      const second = parseNumber(text, secondStart, SECOND);
      if (runsOn(text, second.end)) return skipTo(pos, skipNumericRun(text, second.end));
      ctx ??= prev.start < 0 ? contextAcrossWrap(text, pos, floor) : contextFrom(text, floor, prev);
      // "giảm từ 5 đến 7%": the change is said before the range's "từ".
      if (!ctx.change && !ctx.label) ctx = contextBeforeTu(text, pos, floor, ctx);
      // "giai đoạn 2016-2020": a name, and so is the range that follows it.
      if (ctx.label) return skipTo(pos, skipRangeChain(text, second.end));
      const unit2 = unitAfter(text, second.end, UNIT2);
      const compatible = unit2 !== null && (!unit || (unit.quantity === unit2.quantity && unit.unit === unit2.unit));
      // Each end in its own scale and with its own compound rest when it has a unit
      // ("từ 500.000 đồng đến 1 triệu đồng", "5 tỷ 200 triệu đến 7 tỷ"); a bare first
      // number takes the second's scale ("5 - 7 tỷ đồng").
      const scale = unit ? unit.scale : bare ? bare.scale : unit2 ? unit2.scale : 1;
      const value = scaleNumber(num, scale) + (unit ? unit.extra : 0);
      const valueTo = unit2 ? scaleNumber(second, unit2.scale) + unit2.extra : 0;
      if (compatible && !(isYearLike(num) && isYearLike(second)) && valueTo >= value) {
        const fig = newFigure(pos, unit2.end, value, unit2.quantity, unit2.unit, ctx);
        fig.valueTo = valueTo;
        return found(fig, unit2.end);
      }
      if (!unit) return skipTo(pos, skipRangeChain(text, second.end)); // "2016-2020", "1 - 1 - 1": no figure
    }
  }
  if (!unit) {
    // "12 trên 15 xã", "3 trong số 5 dự án": a share, as "12/15 xã" is; after "xếp thứ"
    // ("xếp thứ 5 trên 63 tỉnh") a rank out of so many.
    const den = outOfDenominator(text, num.end);
    if (den >= 0 && num.value <= SECOND.value) {
      ctx ??= contextFrom(text, floor, prev);
      if (ctx.label) return skipTo(pos, SECOND.end);
      if (ctx.rank) {
        const rank = makeRank(pos, SECOND.end, num);
        rank.denominator = SECOND.value;
        return found(rank, SECOND.end);
      }
      const noun = countNounAt(text, skipGap(text, SECOND.end), UNIT2);
      if (noun) {
        const fig = newFigure(pos, noun.end, num.value, 'ratio', noun.unit, ctx);
        fig.denominator = SECOND.value;
        return found(fig, noun.end);
      }
    }
    // "xếp thứ 5", "xếp hạng 3": a rank needs no unit. Look back only when it can be one.
    const before = prev.start;
    if (before >= 0 && (text.charCodeAt(before) === 0x74 || text.charCodeAt(before) === 0x68)) {
      ctx ??= contextFrom(text, floor, prev);
      if (ctx.rank) {
        return found(makeRank(pos, num.end, num), num.end);
      }
    }
    return skipTo(pos, num.end);
  }
  ctx ??= prev.start < 0 ? contextAcrossWrap(text, pos, floor) : contextFrom(text, floor, prev);
  if (ctx.label) return skipTo(pos, num.end);
  if (ctx.rank) {
    return found(makeRank(pos, num.end, num), num.end);
  }
  if (isYearLike(num) && (unit.openClass || unit.quantity === 'duration')) return skipTo(pos, num.end);
  const fig = makeFigure(pos, unit.end, num, unit, ctx);
  // "98,5 km/102,38 km": a share of a measured whole, each end with its unit.
  if (unit.quantity !== 'count' && unit.quantity !== 'percent' && unit.quantity !== 'duration' && text.charCodeAt(unit.end) === 0x2f && isDigit(text.charCodeAt(unit.end + 1))) {
    const den = parseNumber(text, unit.end + 1, SECOND);
    const unit2 = runsOn(text, den.end) ? null : unitAfter(text, den.end, UNIT2);
    if (unit2 && unit2.quantity === unit.quantity && unit2.unit === unit.unit) {
      fig.end = unit2.end;
      fig.quantity = 'ratio';
      fig.denominator = scaleNumber(den, unit2.scale) + unit2.extra;
      return found(fig, unit2.end);
    }
  }
  if (fig.qualifier === 'over' && perBase(text, pos, floor, fig.value, num.value === 1 && unit.scale === 1 && unit.extra === 0)) fig.qualifier = null;
  if ((unit.quantity === 'percent' || unit.quantity === 'money') && fig.value > 0) {
    if (minusBefore(text, pos, floor)) {
      fig.start = pos - 1;
      fig.value = -fig.value;
    } else if (saidNegative(text, pos, floor)) fig.value = -fig.value;
  }
  return found(fig, unit.end);
}

/**
 * "12 bác sĩ trên 1 vạn dân", "30 giường bệnh trên 10.000 dân": "trên" right after a
 * figure and before a round base (1, 10, 100…) means "per", not "over" ("100 người
 * trên 50 tuổi" stays "over"); before a bare one ("thu được trên 1 ha canh tác") it
 * always does.
 */
function perBase(text: string, pos: number, floor: number, value: number, one: boolean): boolean {
  if (!one && (floor <= 0 || !(value >= 1 && value <= 1e6) || 10 ** Math.round(Math.log10(value)) !== value)) return false;
  const k = wordBeforeIs(text, pos, floor, 'trên');
  if (k < 0) return false;
  if (one) return true;
  let m = k;
  while (m > floor && isHSpace(text.charCodeAt(m - 1))) m--;
  return m === floor && k > floor;
}

/** "tăng trưởng âm 2,1%", "lợi nhuận âm 5 tỷ đồng": "âm" (negative) just before the number. */
function saidNegative(text: string, pos: number, floor: number): boolean {
  return wordBeforeIs(text, pos, floor, 'âm') >= 0;
}

/**
 * A minus sign on the number at `pos` ("CPI −0,3%", "lợi nhuận: -1,2 tỷ đồng"): the
 * sign itself, or a hyphen stuck to the number after a word and a space. A hyphen at a
 * line's start is a list's dash, and one after a number a range's ("5 -7%").
 */
function minusBefore(text: string, pos: number, floor: number): boolean {
  if (pos - 1 < floor) return false;
  const c = text.charCodeAt(pos - 1);
  if (c === 0x2212) return true;
  if (c !== 0x2d || pos - 2 < floor) return false;
  let j = pos - 2;
  if (!isHSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x28) return false;
  while (j > floor && isHSpace(text.charCodeAt(j))) j--;
  const b = text.charCodeAt(j);
  return isLetter(b) || b === 0x3a || b === 0x28;
}
