import type { TextMap } from '../article/text';

/**
 * The way back from the page to the text: a DOM position (a Text node and an offset
 * in it, as the caret APIs give) → the offset in the article text built by
 * `elementText`. `TextMap` answers the other direction; this inverts it once, in one
 * pass over its segments, and then answers each question with a map look-up and a
 * short scan of that node's segments.
 */
export class TextOffsets {
  /** First segment index of each Text node; a node's segments are consecutive. */
  private readonly firstSegment = new Map<Node, number>();

  constructor(private readonly map: TextMap) {
    for (let i = 0; i < map.nodes.length; i++) {
      const node = map.nodes[i];
      if (node && !this.firstSegment.has(node)) this.firstSegment.set(node, i);
    }
  }

  /**
   * Text offset of the caret position (node, offset), or null when the node is not
   * part of the text (a caption left out, the page's menu, our own UI). A position
   * inside collapsed whitespace maps to that single space.
   */
  offsetOf(node: Node, offset: number): number | null {
    const first = this.firstSegment.get(node);
    if (first === undefined) return null;
    const { starts, nodes, offsets, nodeLens, length } = this.map;
    let best: number | null = null;
    for (let i = first; i < nodes.length && nodes[i] === node; i++) {
      const from = offsets[i]!;
      const nodeLen = nodeLens[i]!;
      const textLen = (i + 1 < starts.length ? starts[i + 1]! : length) - starts[i]!;
      if (offset < from) return best ?? starts[i]!;
      if (offset <= from + nodeLen) {
        // A collapsed run (textLen 1, nodeLen > 1) maps anywhere inside it to its start,
        // except its very end, which is the character after it.
        const within = textLen === nodeLen ? offset - from : offset >= from + nodeLen ? textLen : 0;
        return starts[i]! + within;
      }
      best = starts[i]! + textLen;
    }
    return best;
  }
}
