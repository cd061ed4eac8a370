import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, type Article } from '../../lib/article/index.ts';
import { FIXTURES, readFixture } from '../fixtures/pages/catalog.ts';
import { parse } from './helpers.ts';

function check(a: Article): void {
  expect(typeof a.isArticle).toBe('boolean');
  expect(typeof a.template).toBe('string');
  expect(a.map.length).toBe(a.text.length);
  if (!a.isArticle) {
    expect(a.body).toBeNull();
    expect(a.text).toBe('');
  }
}

const ARTICLE_BODY =
  '<h1>Hội nghị sơ kết công tác dân vận quý I năm 2023</h1><p class="date">Thứ ba - 22/03/2022 21:58</p>' +
  '<p>Theo báo cáo, thực hiện Kế hoạch số 145-KH/TU ngày 12/01/2021 của Ban Thường vụ Tỉnh ủy, các cấp ủy, chính quyền đã cụ thể hóa thành chương trình, kế hoạch phù hợp.</p>'.repeat(2) +
  '<p>Từ các mô hình, nhân dân trong tỉnh đã tự nguyện hiến trên 86 ha đất, đóng góp hơn 1.640 tỷ đồng và hàng chục nghìn ngày công, 843/843 thôn có mô hình.</p>'.repeat(3);

describe('extractArticle never throws', () => {
  it.each([
    ['empty string', ''],
    ['whitespace', '   \n '],
    ['text only', 'Xin chào'],
    ['a fragment', '<p>Một đoạn</p><p>Hai đoạn</p>'],
    ['head only', '<html><head><title>T</title></head></html>'],
    ['no body', '<html><head><meta property="og:title" content="X"><link rel="canonical" href="/a"></head></html>'],
    ['empty body', '<html><body></body></html>'],
    ['comment only', '<!-- nothing -->'],
    ['doctype only', '<!DOCTYPE html>'],
    ['frameset', '<html><frameset><frame src="a.html"></frameset></html>'],
    ['svg root', '<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>'],
    ['unclosed tags', '<div><p>Một <b>hai <i>ba <p>bốn <table><tr><td>năm'],
    ['broken JSON-LD', '<html><head><script type="application/ld+json">{"@graph": [null, 1, "x", {"@type": 5}]</script><script type="application/ld+json">}{</script></head><body><p>x</p></body></html>'],
    ['weird meta', '<html><head><meta property="article:published_time" content="9999-99-99"><meta name="date"><meta property="og:url" content="::::"></head><body></body></html>'],
  ])('%s', (_name, html) => {
    const doc = parseHTML(html).document as unknown as Document;
    const a = extractArticle(doc);
    check(a);
    expect(a.isArticle).toBe(false);
    check(extractArticle(doc, 'not a url'));
    check(extractArticle(doc, 'https://x.gov.vn/a.html'));
  });

  it('a document without a root element', () => {
    const doc = parseHTML('').document as unknown as Document;
    expect(doc.documentElement).toBeNull();
    check(extractArticle(doc, 'https://x.gov.vn/'));
  });

  it('10 000 nested elements around an article', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}${ARTICLE_BODY}${'</div>'.repeat(10_000)}</body></html>`;
    const t = performance.now();
    const a = extractArticle(parse(html), 'https://x.gov.vn/tin-tuc/a-1.html');
    const ms = performance.now() - t;
    check(a);
    expect(a.isArticle).toBe(true);
    expect(a.title).toBe('Hội nghị sơ kết công tác dân vận quý I năm 2023');
    expect(a.published).toBe('2022-03-22T21:58:00+07:00');
    expect(a.text).toContain('843/843 thôn');
    console.log(`10 000 levels: ${ms.toFixed(1)} ms`);
  });

  it('10 000 nested inline and mixed elements', () => {
    const tags = ['span', 'b', 'div', 'section', 'font', 'p', 'td', 'li'];
    let open = '';
    let close = '';
    for (let i = 0; i < 10_000; i++) {
      const t = tags[i % tags.length]!;
      open += `<${t} class="c${i}">x `;
      close = `</${t}>` + close;
    }
    const a = extractArticle(parse(`<html><body>${open}${close}</body></html>`));
    check(a);
    expect(a.isArticle).toBe(false);
  });

  it('huge attribute values, title, meta and JSON-LD', () => {
    const big = 'x'.repeat(2_000_000);
    const html =
      `<html><head><title>${'Tiêu đề '.repeat(50_000)}</title>` +
      `<meta property="og:title" content="${big}"><meta name="description" content="${big}">` +
      `<link rel="canonical" href="https://x.gov.vn/${big}">` +
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${big}","datePublished":"${big}"}</script></head>` +
      `<body class="${big}"><div id="${big}" style="${big}" data-x="${big}" title="${big}">${ARTICLE_BODY}</div>` +
      `<a href="https://x.gov.vn/${big}">${'liên kết '.repeat(10)}</a></body></html>`;
    const t = performance.now();
    const a = extractArticle(parse(html), 'https://x.gov.vn/tin-tuc/a-1.html');
    const ms = performance.now() - t;
    check(a);
    expect(a.isArticle).toBe(true);
    expect(a.text).toContain('1.640 tỷ đồng');
    expect(a.published).toBe('2022-03-22T21:58:00+07:00');
    console.log(`huge attributes: ${ms.toFixed(1)} ms`);
  });

  it('a million-character text node', () => {
    const a = extractArticle(parse(`<html><body><p>${'chữ '.repeat(250_000)}</p></body></html>`));
    check(a);
  });

  it('random tag soup (property)', () => {
    const tag = fc.constantFrom('div', 'p', 'span', 'a', 'ul', 'li', 'table', 'tr', 'td', 'h1', 'h2', 'script', 'style', 'br', 'img', 'article', 'nav', 'form', 'figure');
    const attr = fc.constantFrom('', ' class="news_column"', ' id="news-bodyhtml"', ' class="detail-content"', ' class="related"', ' hidden', ' style="display:none"', ' itemprop="articleBody"', ' class="ms-rtestate-field"');
    const text = fc.constantFrom('Ngày cập nhật 15/06/2020', 'Thứ ba - 22/03/2022 21:58', 'Nguồn tin: A', 'Các tin khác', 'LÊ TOÀN', '1.640 tỷ đồng, tăng 0,43%', '<', '&amp;', ' ', 'Theo kế hoạch, năm 2023 tỉnh phấn đấu thu ngân sách 13.000 tỷ đồng, tăng 8%.');
    const piece = fc.oneof(
      text,
      fc.tuple(tag, attr).map(([t, a]) => `<${t}${a}>`),
      tag.map((t) => `</${t}>`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.boolean(), (pieces, wrap) => {
        const html = wrap ? `<html><head><meta name="generator" content="NukeViet v4.5"></head><body>${pieces.join('')}</body></html>` : pieces.join('');
        const a = extractArticle(parseHTML(html).document as unknown as Document, 'https://x.gov.vn/a/b.html');
        check(a);
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractArticle leaves the page as it was', () => {
  it.each(FIXTURES.map((f) => f.file))('%s', (file) => {
    const { document } = parseHTML(readFixture(file));
    const before = document.toString();
    extractArticle(document as unknown as Document);
    expect(document.toString()).toBe(before);
  });
});
