/**
 * lib/anchor: quote + context ⇄ range in a text, with the W3C TextQuote and
 * TextPosition selectors. Pure and DOM-free: it works on the article's body text; the
 * content script maps text offsets to DOM ranges (lib/article keeps that map).
 */
export { anchor } from './anchor';
export { describe } from './describe';
export type {
  AnchorOptions,
  AnchorResult,
  AnchorStatus,
  Anchored,
  DescribeOptions,
  FigureChange,
  Orphan,
  Selectors,
  TextPositionSelector,
  TextQuoteSelector,
} from './types';
