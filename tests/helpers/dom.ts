import { parseHTML } from 'linkedom';

/**
 * A linkedom document for unit tests, with the few browser pieces linkedom lacks
 * and the highlight code needs: `StaticRange` (a plain record of its boundaries).
 */
export class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed: boolean;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
    this.collapsed = this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

export function testDocument(html: string): Document {
  const { document, window } = parseHTML(html);
  Object.assign(window, { StaticRange: FakeStaticRange });
  return document as unknown as Document;
}

/** The text a static range covers, read from its boundary nodes (document order, Text nodes only). */
export function rangeText(range: AbstractRange): string {
  const start = range.startContainer as Text;
  const end = range.endContainer as Text;
  if (start === end) return start.data.slice(range.startOffset, range.endOffset);
  const doc = start.ownerDocument;
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  let out = '';
  let on = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (n === start) {
      out += n.data.slice(range.startOffset);
      on = true;
    } else if (n === end) {
      out += n.data.slice(0, range.endOffset);
      break;
    } else if (on) {
      out += n.data;
    }
  }
  return out;
}
