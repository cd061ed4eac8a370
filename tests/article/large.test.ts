import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, rangeFor } from '../../lib/article/index.ts';
import { FIXTURES } from '../fixtures/pages/catalog.ts';
import { makeLargeArticle, makeLargeArticleFrom, readFixture } from '../fixtures/pages/make-large.ts';

const ARTICLES = FIXTURES.filter((f) => f.isArticle && f.large !== false);

describe('~1 MB articles built from the fixtures', () => {
  it('make-large builds about 1 MB and can build other sizes', () => {
    const html = makeLargeArticle();
    const bytes = new TextEncoder().encode(html).length;
    expect(bytes).toBeGreaterThanOrEqual(1_000_000);
    expect(bytes).toBeLessThan(1_010_000);
    const small = makeLargeArticleFrom(readFixture('newspaper-article.html'), 200_000);
    expect(new TextEncoder().encode(small).length).toBeGreaterThanOrEqual(200_000);
    expect(() => makeLargeArticleFrom('<html><body><p>x</p></body></html>')).toThrow();
  });

  it.each(ARTICLES.map((f) => [f.file, f] as const))('%s', (file, fx) => {
    const html = makeLargeArticle({ fixture: file });
    const doc = parseHTML(html).document as unknown as Document;
    // timing is reported, not asserted (CI machines vary)
    const times: number[] = [];
    let a = extractArticle(doc, fx.location);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      a = extractArticle(doc, fx.location);
      times.push(performance.now() - t);
    }
    times.sort((x, y) => x - y);
    console.log(`${file}: ${(html.length / 1e6).toFixed(2)}M chars, extract median ${times[2]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)})`);
    expect(a.isArticle).toBe(true);
    expect(a.template).toBe(fx.template);
    expect(a.title).toBe(fx.title);
    expect(a.published).toBe(fx.published);
    expect(a.author).toBe(fx.author);
    expect(a.text.length).toBeGreaterThan(500_000);
    expect(a.text).toContain('(phần 100)');
    const at = a.text.lastIndexOf('(phần 1)');
    const r = rangeFor(a.map, at, at + 8);
    expect(r && r.startNode.data.slice(r.startOffset, r.startOffset + 8)).toBe('(phần 1)');
  });
});
