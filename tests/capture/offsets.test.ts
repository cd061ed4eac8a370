import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article';
import { elementText } from '@/lib/article/text';
import { comparePoints, selectionSpan } from '@/lib/capture';
import { FIXTURES, readFixture } from '../fixtures/pages/catalog';
import { testDocument } from '../helpers/dom';

const HTML = `<html><body>
  <h1 id="title">Tiêu đề bài viết</h1>
  <div id="body">
    <p id="p1">Theo báo cáo, <b>tổng vốn</b> đầu tư là 1.640 tỷ đồng.</p>
    <figure><img src="a.jpg"><figcaption id="cap">Ảnh minh hoạ</figcaption></figure>
    <p id="p2">Đến nay,   843/843 thôn đã có mô hình.</p>
  </div>
  <aside id="aside">Tin liên quan</aside>
</body></html>`;

function setup() {
  const doc = testDocument(HTML);
  const body = doc.getElementById('body')!;
  // The caption is left out of the article text, as extractors leave out furniture.
  const { text, map } = elementText(body, { skip: (el) => el.localName === 'figure' });
  const el = (id: string) => doc.getElementById(id)!;
  return { doc, text, map, el };
}

describe('comparePoints', () => {
  it('orders boundary points like Range does', () => {
    const { el } = setup();
    const p1 = el('p1');
    const t = p1.firstChild!;
    const b = p1.childNodes[1]!;
    expect(comparePoints(t, 2, t, 2)).toBe(0);
    expect(comparePoints(t, 1, t, 2)).toBe(-1);
    expect(comparePoints(p1, 0, t, 0)).toBe(-1);
    expect(comparePoints(p1, 1, t, 3)).toBe(1);
    expect(comparePoints(p1, 1, b.firstChild!, 0)).toBe(-1);
    expect(comparePoints(b.firstChild!, 0, p1, 1)).toBe(1);
    expect(comparePoints(el('p2').firstChild!, 0, t, 5)).toBe(1);
  });
});

describe('selectionSpan', () => {
  it('maps a selection inside text nodes to the article text, across inline elements', () => {
    const { text, map, el } = setup();
    const t1 = el('p1').firstChild as Text;
    const t3 = el('p1').lastChild as Text;
    const span = selectionSpan(map, text, { startContainer: t1, startOffset: 0, endContainer: t3, endOffset: t3.data.length });
    expect(span).not.toBeNull();
    expect(text.slice(span!.start, span!.end)).toBe('Theo báo cáo, tổng vốn đầu tư là 1.640 tỷ đồng.');
  });

  it('clips a selection that starts in the headline or ends in the sidebar to the article', () => {
    const { text, map, el } = setup();
    const span = selectionSpan(map, text, {
      startContainer: el('title').firstChild!,
      startOffset: 3,
      endContainer: el('aside').firstChild!,
      endOffset: 4,
    });
    expect(span).toEqual({ start: 0, end: text.length });
  });

  it('takes element boundaries (a triple click ends at the next paragraph) to the text they enclose', () => {
    const { text, map, el } = setup();
    const p1 = el('p1');
    const body = el('body');
    const index = [...body.childNodes].indexOf(p1);
    const span = selectionSpan(map, text, { startContainer: body, startOffset: index, endContainer: body, endOffset: index + 1 });
    expect(text.slice(span!.start, span!.end)).toBe('Theo báo cáo, tổng vốn đầu tư là 1.640 tỷ đồng.');
  });

  it('skips a caption left out of the article text, and collapsed white space maps to one space', () => {
    const { text, map, el } = setup();
    const span = selectionSpan(map, text, {
      startContainer: el('cap').firstChild!,
      startOffset: 2,
      endContainer: el('p2').firstChild!,
      endOffset: 'Đến nay,   843'.length,
    });
    expect(text.slice(span!.start, span!.end)).toBe('Đến nay, 843');
  });

  it('is null for a selection with no article text in it', () => {
    const { text, map, el } = setup();
    expect(selectionSpan(map, text, { startContainer: el('title').firstChild!, startOffset: 0, endContainer: el('title').firstChild!, endOffset: 4 })).toBeNull();
    expect(selectionSpan(map, text, { startContainer: el('cap').firstChild!, startOffset: 0, endContainer: el('cap').firstChild!, endOffset: 4 })).toBeNull();
    expect(selectionSpan(map, text, { startContainer: el('aside').firstChild!, startOffset: 0, endContainer: el('aside').firstChild!, endOffset: 3 })).toBeNull();
    // Only white space.
    const p2 = el('p2').firstChild!;
    expect(selectionSpan(map, text, { startContainer: p2, startOffset: 8, endContainer: p2, endOffset: 11 })).toBeNull();
  });

  it('works on a real portal page, where the article text starts with its lead', () => {
    const fx = FIXTURES.find((f) => f.file === 'nukeviet-bdv-article.html')!;
    const doc = testDocument(readFixture(fx.file));
    const article = extractArticle(doc, fx.location);
    const sentence = 'đóng góp hơn 1.640 tỷ đồng';
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(sentence);
      if (at < 0) continue;
      const span = selectionSpan(article.map, article.text, { startContainer: n, startOffset: at, endContainer: n, endOffset: at + sentence.length });
      expect(span).toEqual({ start: article.text.indexOf(sentence), end: article.text.indexOf(sentence) + sentence.length });
      return;
    }
    throw new Error('sentence not found');
  });
});
