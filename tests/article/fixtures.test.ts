import { describe, expect, it } from 'vitest';
import { extractArticle, rangeFor } from '../../lib/article/index.ts';
import { FIXTURES, FURNITURE, readFixture } from '../fixtures/pages/catalog.ts';
import { parse } from './helpers.ts';

describe.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (_file, fx) => {
  const doc = parse(readFixture(fx.file));
  const a = extractArticle(doc, fx.location);

  it('recognizes whether the page is an article', () => {
    expect(a.isArticle).toBe(fx.isArticle);
    expect(a.template).toBe(fx.template);
  });

  it('reads title, date, author, site and canonical URL', () => {
    expect(a.title).toBe(fx.title);
    expect(a.published).toBe(fx.published);
    expect(a.author).toBe(fx.author);
    expect(a.site).toBe(fx.site);
    expect(a.url).toBe(fx.url);
  });

  if (fx.isArticle) {
    it('returns the body element and its paragraphs as text', () => {
      expect(a.body).not.toBeNull();
      for (const phrase of fx.contains) expect(a.text).toContain(phrase);
      // paragraphs are separated by single newlines, never empty lines or ragged spaces
      expect(a.text).not.toMatch(/\n\n|  |^\s|\s$| \n|\n /);
    });

    it('leaves navigation, related news, counters, ratings and footers out', () => {
      for (const phrase of [...fx.excludes, ...FURNITURE]) expect(a.text).not.toContain(phrase);
    });

    it('maps every paragraph of the text back into the page', () => {
      let at = 0;
      for (const line of a.text.split('\n')) {
        const r = rangeFor(a.map, at, at + line.length);
        expect(r, line).not.toBeNull();
        // the range starts at the line's first character in the page
        expect(r!.startNode.data.slice(r!.startOffset).trimStart().startsWith(line.slice(0, 1))).toBe(true);
        at += line.length + 1;
      }
    });
  } else {
    it('stays off the page: no body, no text', () => {
      expect(a.body).toBeNull();
      expect(a.text).toBe('');
      expect(a.map.length).toBe(0);
    });
  }

  it('gives the same answer without a location', () => {
    const b = extractArticle(parse(readFixture(fx.file)));
    expect(b.isArticle).toBe(fx.isArticle);
    expect(b.title).toBe(fx.title);
    expect(b.published).toBe(fx.published);
  });
});
