import { describe, expect, it } from 'vitest';
import { anchor, describe as describeSpan } from '@/lib/anchor';
import { assembleClipping, entitiesWithin, MAX_QUOTE, type PageFacts } from '@/lib/capture';
import { recognize } from '@/lib/recognize';
import { LIMITS } from '@/lib/store';
import { validateClipping } from '@/lib/store/validate';

const TEXT =
  'Sáng 22/3, hội nghị sơ kết. Nhân dân đã đóng góp hơn 1.640 tỷ đồng theo Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh. Đến nay, 843/843 thôn có mô hình.';

const PAGE: PageFacts = {
  location: 'https://bdv.binhphuoc.gov.vn/tin-tuc/a-1287.html?utm_source=zalo#top',
  canonical: 'https://bdv.binhphuoc.gov.vn/tin-tuc/a-1287.html',
  title: 'Sơ kết 2 năm',
  published: '2022-03-22T21:58:00+07:00',
  author: 'Anh Đào',
  site: 'Ban Dân vận Tỉnh ủy Bình Phước',
};

describe('assembleClipping', () => {
  it('keeps the quote, W3C selectors, the entities inside it (relative offsets) and the page', () => {
    const start = TEXT.indexOf('Nhân dân');
    const end = TEXT.indexOf('Đến nay') - 1;
    const entities = recognize(TEXT);
    const input = assembleClipping({ text: TEXT, start, end, entities, page: PAGE }, describeSpan);
    const quote = TEXT.slice(start, end);
    expect(input.quote).toBe(quote);
    expect(input.selectors.quote).toEqual({ type: 'TextQuoteSelector', exact: quote, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) });
    expect(input.selectors.position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(input.note).toBe('');
    expect(input.tags).toEqual([]);
    expect(input.page).toEqual({
      url: PAGE.location,
      canonicalUrl: PAGE.canonical,
      title: PAGE.title,
      published: PAGE.published,
      author: PAGE.author,
      site: PAGE.site,
    });
    // Only entities wholly inside, offsets into the quote.
    const texts = input.entities!.map((e) => e.text);
    expect(texts).toContain('1.640 tỷ đồng');
    expect(texts).toContain('Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh');
    expect(texts).not.toContain('843/843 thôn');
    for (const e of input.entities!) expect(quote.slice(e.start, e.end)).toBe(e.text);
    // What the store accepts, and what finds the quote again.
    expect(() => validateClipping(input)).not.toThrow();
    expect(anchor(TEXT, input.selectors)).toMatchObject({ status: 'exact', start, end });
  });

  it('leaves out entities that straddle the edges of the span', () => {
    const entities = recognize(TEXT);
    const figure = entities.find((e) => e.text === '1.640 tỷ đồng')!;
    expect(entitiesWithin(entities, figure.start + 1, figure.end + 10).map((e) => e.text)).not.toContain('1.640 tỷ đồng');
    expect(entitiesWithin(entities, figure.start, figure.end)).toEqual([{ ...figure, start: 0, end: figure.end - figure.start }]);
  });

  it("caps quotes at the store's limit", () => {
    expect(MAX_QUOTE).toBe(LIMITS.quote);
  });
});
