/**
 * The recognizer: text in, entities out. One public entry point, `recognize()`, used
 * by the content script, the extension pages and the command line alike.
 *
 * It walks the digits of the text once: every cited document and every figure has a
 * digit in it (a code, a year, a number), so each digit run is a place to look, and
 * everything else is read outwards from there within a bounded window. Whatever the
 * input, the work is linear in its length.
 */
import type { DocumentEntity, Entity } from './types';
import { normalizeText, isDigit, isLetter, isDash, isHSpace, isSpace } from './text';
import { isListGap, matchDocument, matchNamedDocument, numberEnd, shareListFields, type DocumentHit } from './documents';
import { fullDateEnd, lastPartialMonthEnd } from './dates';
import { lastScanEnd, scanFigure, type FigureHit } from './figures';

export * from './types';

const DIGIT = /\d/g;

/**
 * Skips a run of letters and digits ("K72", "Covid19", "F0"): names, not numbers. The
 * name goes on across a separator between digits ("47C-123.45", a number plate): its
 * last group is no figure either.
 */
function skipWord(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || isDigit(c)) i++;
    else if ((c === 0x2e || c === 0x2c || c === 0x3a) && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) i++;
    else break;
  }
  return i;
}

/**
 * After a day's digits: "/", "." or "-" and one or two digits and the same separator
 * again ("28/12/…", "30.3.…"), or " tháng", may make it a date. Read by code unit: this
 * runs at every short number, and "1.640" must not cost a regex.
 */
function mayStartDate(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c === 0x2f || c === 0x2e || isDash(c)) {
    let i = e + 1;
    while (isHSpace(text.charCodeAt(i)) && i - e < 3) i++;
    if (!isDigit(text.charCodeAt(i))) return false;
    i++;
    if (isDigit(text.charCodeAt(i))) i++;
    while (isHSpace(text.charCodeAt(i)) && i - e < 8) i++;
    return text.charCodeAt(i) === c;
  }
  const next = text.charCodeAt(skipSpaceFrom(text, e));
  return next === 0x74 /* t */ || next === 0x54 /* T */;
}

function skipSpaceFrom(text: string, e: number): number {
  let i = e;
  while (i < text.length && i - e < 3 && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The entities of `text`, in text order; where documents stand among them goes to
 * `docSlots`. With `cutFigureText` (the text is the caller's own string) each figure's
 * text is cut as it is found, while the object is at hand: one pass over thousands of
 * figures at the end would fetch each from memory again.
 */
function findEntities(text: string, cutFigureText: boolean, docSlots: number[]): (DocumentHit | FigureHit)[] {
  const hits: (DocumentHit | FigureHit)[] = [];
  const docs: DocumentHit[] = [];
  const listGaps: boolean[] = []; // see shareListFields
  const addDocument = (doc: DocumentHit) => {
    const last = docs.length > 0 ? docs[docs.length - 1]! : null;
    listGaps.push(last !== null && isListGap(text, last.end, doc.start));
    docSlots.push(hits.length);
    hits.push(doc);
    docs.push(doc);
  };
  let floor = 0; // where the last entity ended: nothing may reach back past it
  let pos = 0;
  for (;;) {
    // `test` rather than `exec`: the same search without a match array per number.
    DIGIT.lastIndex = pos;
    if (!DIGIT.test(text)) break;
    const p = DIGIT.lastIndex - 1;
    const prev = p > 0 ? text.charCodeAt(p - 1) : 0;
    // Digits glued to letters are part of a name ("K72", "Covid-19", "truy cập19").
    if (isLetter(prev) || (p > 1 && (isDash(prev) || prev === 0x2f) && isLetter(text.charCodeAt(p - 2)))) {
      pos = skipWord(text, p);
      continue;
    }
    let e = p + 1;
    while (e < text.length && isDigit(text.charCodeAt(e))) e++;
    // Codes continue with "/" or "-" (perhaps after a stray space): only then try one.
    // Their number may carry thousands dots ("2.345/QĐ-UBND").
    const ce = text.charCodeAt(e);
    const numEnd = ce === 0x2e || (ce >= 0x61 && ce <= 0x7a) ? numberEnd(text, p) : e;
    const after = text.charCodeAt(isHSpace(text.charCodeAt(numEnd)) ? numEnd + 1 : numEnd);
    const doc =
      after === 0x2f || isDash(after)
        ? matchDocument(text, p, floor, docs.length ? docs[docs.length - 1]! : null)
        : null;
    if (doc) {
      addDocument(doc);
      pos = floor = doc.end;
      continue;
    }
    const tryDate = e - p <= 2 && mayStartDate(text, e);
    const dateEnd = tryDate ? fullDateEnd(text, p) : -1;
    if (dateEnd >= 0) {
      pos = dateEnd;
      continue;
    }
    // "ngày 12 tháng 12" with no year: a date all the same, no figure in it. (What this
    // skips besides, "3 tháng 10 ngày" as two durations, the spec leaves optional.)
    if (tryDate) {
      const monthEnd = lastPartialMonthEnd();
      if (monthEnd >= 0) {
        pos = monthEnd;
        continue;
      }
    }
    if (e - p === 4 && text.charCodeAt(p - 1) === 0x20) {
      const named = matchNamedDocument(text, p, p + 4, floor);
      if (named) {
        addDocument(named);
        pos = floor = named.end;
        continue;
      }
    }
    const figure = scanFigure(text, p, floor);
    if (figure) {
      if (cutFigureText) figure.text = text.slice(figure.start, figure.end);
      if (figure.change === null && hits.length > 0) shareChange(text, hits[hits.length - 1]!, figure);
      hits.push(figure);
      floor = figure.end;
    }
    pos = lastScanEnd();
  }
  shareListFields(docs, listGaps);
  return hits;
}

/**
 * "tăng lần lượt 5,2% và 3,1%", "giảm 1,2%, 0,8%": a figure listed right after one with a
 * change, in the same unit, changes the same way.
 */
function shareChange(text: string, prev: DocumentHit | FigureHit, figure: FigureHit): void {
  if (prev.kind !== 'figure' || prev.change === null || prev.unit !== figure.unit || prev.quantity !== figure.quantity) return;
  if (figure.start - prev.end > 6) return;
  const gap = text.slice(prev.end, figure.start);
  if (/^(?:\s*,)?\s*(?:và\s*)?$/.test(gap) && gap.trim() !== '') figure.change = prev.change;
}

/** Finds cited documents and figures in `input`; offsets are UTF-16 into `input` itself. */
export function recognize(input: string): Entity[] {
  if (typeof input !== 'string' || input.length === 0) return [];
  const norm = normalizeText(input);
  const map = norm.toOriginal; // null when the text was NFC already: offsets carry over
  const docSlots: number[] = [];
  const hits = findEntities(norm.text, map === null, docSlots);
  // Figures are many: they are returned as the scanner made them, their offsets mapped
  // back (and their text cut) only when normalization moved them.
  if (map) {
    for (const hit of hits) {
      if (hit.kind !== 'figure') continue;
      hit.start = map[hit.start]!;
      hit.end = map[hit.end]!;
      hit.text = input.slice(hit.start, hit.end);
    }
  }
  // Documents become entities in their place, without the scanner's working fields.
  const out = hits as (DocumentHit | FigureHit | Entity)[];
  for (const k of docSlots) {
    const hit = hits[k] as DocumentHit;
    const start = map ? map[hit.start]! : hit.start;
    const end = map ? map[hit.end]! : hit.end;
    const doc: DocumentEntity = {
      kind: 'document',
      start,
      end,
      text: input.slice(start, end),
      docType: hit.docType,
      code: hit.code,
      number: hit.number,
      year: hit.year,
      date: hit.date,
      issuer: hit.issuer,
    };
    out[k] = doc;
  }
  return out as Entity[];
}
