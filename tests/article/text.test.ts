import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementText, rangeFor } from '../../lib/article/text.ts';
import { parse } from './helpers.ts';

function textOf(html: string): string {
  const doc = parse(`<!DOCTYPE html><html><head></head><body><div id="root">${html}</div></body></html>`);
  return elementText(doc.querySelector('#root')).text;
}

describe('elementText', () => {
  it('joins blocks with one newline and collapses whitespace', () => {
    expect(textOf('<p>Hello   <b>world</b></p>\n\n   <p>  Next\n line </p>')).toBe('Hello world\nNext line');
    expect(textOf('<div><div><p>a</p></div></div><div>b</div>')).toBe('a\nb');
    expect(textOf('<h2>Tiêu đề</h2><ul><li>một</li><li>hai</li></ul><figure><img src=x><figcaption>Ảnh</figcaption></figure>')).toBe('Tiêu đề\nmột\nhai\nẢnh');
  });

  it('keeps inline elements inline and joins words across nodes with one space', () => {
    expect(textOf('<p><span>a </span><span> b</span><em>c</em> <a href="#">d</a></p>')).toBe('a bc d');
    expect(textOf('<p>Quyết định số <strong>3307/QĐ-UBND</strong> ngày 28/12/2020</p>')).toBe('Quyết định số 3307/QĐ-UBND ngày 28/12/2020');
  });

  it('turns <br> into a newline, never two', () => {
    expect(textOf('a<br>b')).toBe('a\nb');
    expect(textOf('a<br><br>\n<br>b<br>')).toBe('a\nb');
  });

  it('separates table cells with a space and rows with a newline', () => {
    expect(textOf('<table><tr><td>A</td><td>B</td></tr><tr><th>C</th><td> D </td></tr></table>')).toBe('A B\nC D');
  });

  it('reads &nbsp; as a space and collapses it with other whitespace', () => {
    expect(textOf('<p>&nbsp;&nbsp;1.640&nbsp;tỷ&nbsp;&nbsp; đồng&nbsp;</p>')).toBe('1.640 tỷ đồng');
    expect(textOf('<p>tăng\t0,43%</p>')).toBe('tăng 0,43%');
  });

  it('skips scripts, styles, templates, form controls and hidden elements', () => {
    expect(
      textOf(
        '<p>x<script>var a = 1;</script><style>p{}</style><noscript>no</noscript><template><p>t</p></template>' +
          '<span hidden>h</span><span style="color:red; display: none">n</span><span style="visibility:hidden">v</span>' +
          '<span class="sr-only">s</span><select><option>o</option></select><textarea>t</textarea>y</p>',
      ),
    ).toBe('xy');
  });

  it('applies a skip predicate', () => {
    const doc = parse('<html><body><div id="r"><p>keep</p><div class="share">Chia sẻ</div><p>also</p></div></body></html>');
    const r = elementText(doc.querySelector('#r'), { skip: (el) => el.getAttribute('class') === 'share' });
    expect(r.text).toBe('keep\nalso');
  });

  it('joins several roots as separate blocks', () => {
    const doc = parse('<html><body><h2 id="a">Sapo text</h2><div id="b">Body <i>text</i></div></body></html>');
    expect(elementText([doc.querySelector('#a'), null, doc.querySelector('#b')]).text).toBe('Sapo text\nBody text');
  });

  it('handles empty input', () => {
    expect(elementText(null).text).toBe('');
    expect(elementText([]).map.length).toBe(0);
    expect(textOf('')).toBe('');
    expect(textOf('<p> </p><div>\n</div>')).toBe('');
  });

  it('does not recurse: 10 000 nested elements', () => {
    const html = '<div>'.repeat(10_000) + 'deep text' + '</div>'.repeat(10_000);
    expect(textOf(html)).toBe('deep text');
  });
});

describe('rangeFor', () => {
  const doc = parse('<html><body><div id="r"><p>Theo  <b>Quyết định số 3307/QĐ-UBND</b>\n ngày 28/12/2020</p><p>tăng 0,43%</p></div></body></html>');
  const { text, map } = elementText(doc.querySelector('#r'));

  it('maps a range inside one text node', () => {
    expect(text).toBe('Theo Quyết định số 3307/QĐ-UBND ngày 28/12/2020\ntăng 0,43%');
    const start = text.indexOf('3307');
    const r = rangeFor(map, start, start + 4)!;
    expect(r.startNode).toBe(r.endNode);
    expect(r.startNode.data.slice(r.startOffset, r.endOffset)).toBe('3307');
  });

  it('maps a range across nodes and collapsed whitespace', () => {
    const start = text.indexOf('Theo');
    const end = text.indexOf('ngày') + 4;
    const r = rangeFor(map, start, end)!;
    expect(r.startNode.data.slice(r.startOffset)).toBe('Theo  ');
    expect(r.endNode.data.slice(0, r.endOffset)).toBe('\n ngày');
  });

  it('skips the inserted newline at either end', () => {
    const nl = text.indexOf('\n');
    const r1 = rangeFor(map, nl, nl + 5)!;
    expect(r1.startNode.data.slice(r1.startOffset, r1.endOffset)).toBe('tăng');
    const r2 = rangeFor(map, nl - 4, nl + 1)!;
    expect(r2.endNode.data.slice(r2.endOffset - 4, r2.endOffset)).toBe('2020');
    expect(rangeFor(map, nl, nl + 1)).toBeNull();
  });

  it('rejects empty and out-of-range requests', () => {
    expect(rangeFor(map, 3, 3)).toBeNull();
    expect(rangeFor(map, -1, 2)).toBeNull();
    expect(rangeFor(map, 0, text.length + 1)).toBeNull();
    expect(rangeFor(map, Number.NaN, 2)).toBeNull();
  });

  // random markup: every character of the text maps to the page character it came from,
  // in document order
  const word = fc.stringMatching(/^[a-zđơ0-9.,%/]{1,6}$/);
  const space = fc.constantFrom(' ', '  ', '\n', '\t ', '\u00a0', ' \n  ');
  const textArb = fc.array(fc.oneof(word, space), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
  const tagArb = fc.constantFrom('p', 'div', 'span', 'b', 'li', 'td', 'h3', 'em', 'a', 'script', 'section');
  const nodeArb: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      textArb.map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')),
      fc.constant('<br>'),
      fc.tuple(tagArb, fc.array(tie('node'), { maxLength: 4 })).map(([t, kids]) => `<${t}>${kids.join('')}</${t}>`),
    ),
  })).node;

  it('maps every character back to its source (property)', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 5 }), (parts) => {
        const d = parse(`<html><body><div id="r">${parts.join('')}</div></body></html>`);
        const { text: t, map: m } = elementText(d.querySelector('#r'));
        expect(t).not.toMatch(/^\s|\s$|\n\n|  /);
        let last: { node: Text; offset: number } | null = null;
        const order = new Map<Text, number>();
        const walk = d.createTreeWalker(d.querySelector('#r')!, 4);
        for (let n = walk.nextNode(), i = 0; n; n = walk.nextNode(), i++) order.set(n as Text, i);
        for (let i = 0; i < t.length; i++) {
          const r = rangeFor(m, i, i + 1);
          if (t[i] === '\n') continue;
          if (r === null) {
            // only separators the walk inserted between cells/blocks have no source
            expect(t[i]).toBe(' ');
            continue;
          }
          const src = r.startNode.data.slice(r.startOffset, r.endOffset);
          if (t[i] === ' ') expect(src).toMatch(/^[ \t\n\r\f\u00a0]+$/);
          else expect(src).toBe(t[i]);
          if (last) {
            const a = order.get(last.node)!;
            const b = order.get(r.startNode)!;
            expect(b > a || (b === a && r.startOffset >= last.offset)).toBe(true);
          }
          last = { node: r.endNode, offset: r.endOffset };
        }
      }),
      { numRuns: 300 },
    );
  });
});
