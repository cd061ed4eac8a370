/**
 * lib/capture: from what the reader selected on the page to the clipping the store
 * keeps. DOM-only and free of extension APIs (the content script sends the result to
 * the background, which owns the archive).
 */
export { comparePoints, selectionSpan, type Boundaries } from './offsets';
export { sentenceAround } from './sentence';
export { assembleClipping, entitiesWithin, MAX_QUOTE, pageInput, type ClippingSource, type PageFacts } from './clipping';
