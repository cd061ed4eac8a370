import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { textSlices } from '@/lib/highlight/slices';
import { extractArticle } from '@/lib/article';
import { recognize } from '@/lib/recognize';
import { makeLargeArticle } from '../fixtures/pages/make-large';

function covers(text: string, slices: [number, number][]): void {
  let at = 0;
  for (const [from, to] of slices) {
    expect(from).toBe(at);
    expect(to).toBeGreaterThan(from);
    at = to;
  }
  expect(at).toBe(text.length);
}

describe('textSlices', () => {
  it('cuts right after a line break', () => {
    const text = 'aaaa\nbbbb\ncccc\ndddd';
    const slices = textSlices(text, 3);
    covers(text, slices);
    for (const [, to] of slices.slice(0, -1)) expect(text[to - 1]).toBe('\n');
  });

  it('returns nothing for an empty text and one slice for a short one', () => {
    expect(textSlices('', 10)).toEqual([]);
    expect(textSlices('ngắn', 10)).toEqual([[0, 4]]);
  });

  it('cuts an over-long paragraph after a sentence, else at a space', () => {
    const sentences = 'Câu một dài. Câu hai dài. Câu ba dài. '.repeat(10);
    for (const [, to] of textSlices(sentences, 20).slice(0, -1)) expect(sentences.slice(to - 2, to)).toBe('. ');
    const words = 'từ '.repeat(100);
    for (const [, to] of textSlices(words, 20).slice(0, -1)) expect(words[to - 1]).toBe(' ');
  });

  it('always covers the text, in order (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '.', 'b'), maxLength: 400 }), fc.integer({ min: 1, max: 50 }), (text, size) => {
        covers(text, textSlices(text, size));
      }),
    );
  });

  it('finds by slices exactly what the recognizer finds in the whole text', () => {
    const { document } = parseHTML(makeLargeArticle({ targetBytes: 200_000 }));
    const { text } = extractArticle(document as unknown as Document, 'https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html');
    const whole = recognize(text);
    const sliced = textSlices(text, 2000).flatMap(([from, to]) =>
      recognize(text.slice(from, to)).map((e) => ({ ...e, start: e.start + from, end: e.end + from })),
    );
    expect(whole.length).toBeGreaterThan(500);
    expect(sliced).toEqual(whole);
  });
});
