/**
 * In-page highlighting: entities → CSS Custom Highlights, and back from the pointer
 * or the keyboard to an entity. DOM only (no extension APIs), so it runs the same in
 * the content script and in tests.
 */
export { Annotation, DEFAULT_SLICE_SIZE, type AnnotateOptions, type PlacedEntity } from './annotate';
export { caretAt, rangeHasPoint, type CaretPosition } from './hit';
export { isEditable, stepForKey, type Step } from './keys';
export { HIGHLIGHT_NAMES, HighlightLayer, highlightApi, type HighlightApi, type HighlightName } from './layer';
export { TextOffsets } from './positions';
export { liveRange, staticRange } from './ranges';
export { idleScheduler, runChunked, STEP_BUDGET_MS, type ChunkedJob, type IdleScheduler } from './schedule';
export { textSlices } from './slices';
export { SpanIndex, type Span } from './spans';
export { adoptStyles, highlightCss, luminance, paletteFor, parseRgb, type Palette } from './styles';
export { FOLLOW_THRESHOLD, MAX_WINDOW, ViewportMarks, type Geometry, type Mark, type MarkSink, type ViewportMarksOptions } from './viewport';
export { watchDom, type Watch, type WatchOptions } from './watch';
