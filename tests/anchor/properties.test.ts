import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, describe } from '../../lib/anchor';
import { normalizeForMatch, normalizeString, toOriginalEnd, toOriginalStart } from '../../lib/anchor/normalize';

// Pieces of government prose, white space of every kind and decomposed letters, so
// generated texts repeat themselves and exercise normalization, as real pages do.
const PIECES = [
  'Quyết định', 'số', '3307/QĐ-UBND', 'ngày', '31/12/2022', 'của', 'UBND tỉnh', 'công tác', 'dân vận',
  '1.640', 'tỷ', 'đồng', 'tăng', '0,43%', 'so với cùng kỳ', '843/843', 'hộ nghèo', '.', ',', ';',
  '\n', '\n\n', '\u00a0', '\t', '  ', '\u200b', 'Nghị quyết'.normalize('NFD'), 'huyện'.normalize('NFD'), '😀',
];
const prose = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.join(' '));
const anyText = fc
  .oneof(prose, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }))
  .filter((text) => text.length > 0);

/** A text with a non-empty span in it. */
const textAndSpan = anyText.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
);

group('anchor: properties over generated text', () => {
  it('finds what describe() described exactly where it was', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        expect(anchor(text, describe(text, start, end))).toEqual({ status: 'exact', start, end, score: 1 });
      }),
      { numRuns: 3000 },
    );
  });

  it('follows a quote moved by an insertion when its context is unique', () => {
    // Letters only, so the quote's surroundings are not changed by normalization.
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'đ', 'ệ', 'ư'), minLength: 1, maxLength: 200 });
    const spanned = letters.chain((text) =>
      fc
        .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 400 }))
        .map(([a, b, shift]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1, shift })),
    );
    fc.assert(
      fc.property(spanned, ({ text, start, end, shift }) => {
        const sel = describe(text, start, end);
        const triple = sel.quote.prefix + sel.quote.exact + sel.quote.suffix;
        fc.pre(text.indexOf(triple) === text.lastIndexOf(triple));
        const page = '#'.repeat(shift) + text;
        expect(anchor(page, sel)).toMatchObject({ status: 'context', start: start + shift, end: end + shift });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, and gives offsets inside the text, on edited pages', () => {
    const edited = textAndSpan.chain(({ text, start, end }) =>
      fc
        .array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), { maxLength: 6 })
        .map((edits) => {
          let page = text;
          for (const [at, del, ins] of edits) page = page.slice(0, at) + ins + page.slice(at + del);
          return { text, start, end, page };
        }),
    );
    fc.assert(
      fc.property(edited, ({ text, start, end, page }) => {
        const r = anchor(page, describe(text, start, end));
        if (r.status === 'orphan') return;
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeGreaterThanOrEqual(r.start);
        expect(r.end).toBeLessThanOrEqual(page.length);
        for (const c of r.changes ?? []) if (c.start !== undefined) expect(page.slice(c.start, c.end)).toBe(c.after);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps every normalized span back over whole characters of the original', () => {
    fc.assert(
      fc.property(prose, fc.nat(), fc.nat(), (text, a, b) => {
        const m = normalizeForMatch(text);
        const n = m.text.length;
        const i = a % (n + 1);
        const j = i + (b % (n - i + 1));
        const original = text.slice(toOriginalStart(m, i), toOriginalEnd(m, i, j));
        // Equal, except that a span cutting a character (a surrogate pair, a letter
        // with its marks) is widened to the whole of it.
        expect(normalizeString(original)).toContain(m.text.slice(i, j));
        expect(normalizeString(original).length - (j - i)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 2000 },
    );
  });
});
