import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { elementText, rangeFor } from '@/lib/article/text';
import { TextOffsets } from '@/lib/highlight/positions';
import { readFixture } from '../fixtures/pages/catalog';
import { extractArticle } from '@/lib/article';

function body(html: string): Element {
  return parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as Element;
}

describe('TextOffsets', () => {
  it('maps caret positions in text nodes back to text offsets', () => {
    const el = body('<p>  Theo   <b>Quyết định</b> số 1/QĐ-UBND</p><p>tăng <i>5%</i></p>');
    const { text, map } = elementText(el);
    expect(text).toBe('Theo Quyết định số 1/QĐ-UBND\ntăng 5%');
    const offsets = new TextOffsets(map);
    const p1 = el.firstChild!;
    const lead = p1.firstChild as Text; // "  Theo   "
    // Dropped leading whitespace lands on the first character.
    expect(offsets.offsetOf(lead, 0)).toBe(0);
    expect(offsets.offsetOf(lead, 2)).toBe(0);
    expect(offsets.offsetOf(lead, 4)).toBe(2);
    // Inside the collapsed run "   " after "Theo": its one space, or after it at its end.
    expect(offsets.offsetOf(lead, 6)).toBe(4);
    expect(offsets.offsetOf(lead, 7)).toBe(4);
    expect(offsets.offsetOf(lead, 9)).toBe(5);
    const bold = (p1.childNodes[1] as Element).firstChild as Text;
    expect(offsets.offsetOf(bold, 0)).toBe(5);
    expect(offsets.offsetOf(bold, 5)).toBe(10);
    const italic = (el.childNodes[1]!.childNodes[1] as Element).firstChild as Text;
    expect(offsets.offsetOf(italic, 1)).toBe(text.indexOf('5%') + 1);
  });

  it('knows nothing of nodes outside the text', () => {
    const el = body('<p>một</p><script>var x = 1;</script>');
    const { map } = elementText(el);
    const offsets = new TextOffsets(map);
    expect(offsets.offsetOf(el.querySelector('script')!.firstChild!, 0)).toBeNull();
    expect(offsets.offsetOf(el, 0)).toBeNull();
  });

  it('inverts rangeFor at every character of a real article', () => {
    const { document } = parseHTML(readFixture('hue-ward-article.html'));
    const article = extractArticle(document as unknown as Document, 'https://huongxuan.huongtra.thuathienhue.gov.vn/?gd=27&cn=82&tc=5129');
    const offsets = new TextOffsets(article.map);
    let checked = 0;
    for (let i = 0; i < article.text.length; i++) {
      if (/\s/.test(article.text[i]!)) continue; // separators and collapsed runs have no node of their own
      const spec = rangeFor(article.map, i, i + 1)!;
      expect(offsets.offsetOf(spec.startNode, spec.startOffset)).toBe(i);
      expect(offsets.offsetOf(spec.endNode, spec.endOffset)).toBe(i + 1);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
