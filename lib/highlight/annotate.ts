import type { TextMap } from '../article/text';
import type { Entity } from '../recognize/types';
import { HIGHLIGHT_NAMES, type HighlightLayer } from './layer';
import { TextOffsets } from './positions';
import { staticRange } from './ranges';
import { runChunked, type ChunkedJob, type IdleScheduler } from './schedule';
import { SpanIndex } from './spans';
import { textSlices } from './slices';
import { FOLLOW_THRESHOLD, ViewportMarks, type Mark, type ViewportMarksOptions } from './viewport';

/** An entity found in the article and the place on the page it covers. */
export interface PlacedEntity {
  entity: Entity;
  range: AbstractRange;
}

export interface AnnotateOptions {
  /** The recognizer (`recognize` from lib/recognize), passed in to keep this module DOM-only. */
  recognize: (text: string) => Entity[];
  /** Where to paint; null to only find the entities (no Highlight API). */
  layer: HighlightLayer | null;
  schedule: IdleScheduler;
  /**
   * Characters recognized per step. ~8 000 characters take 1–3 ms in the recognizer
   * and make a handful of ranges, so a step stays far below the 50 ms of a long task.
   */
  sliceSize?: number;
  /** Called after each step that placed entities, with the ones it placed. */
  onProgress?: (placed: readonly PlacedEntity[]) => void;
  /** How the highlights follow the viewport on a page with many entities (tests pass geometry). */
  viewport?: ViewportMarksOptions;
}

export const DEFAULT_SLICE_SIZE = 8000;

/**
 * The entities of one article text and their highlights, built step by step: each
 * step recognizes one slice of the text (cut between paragraphs) and turns its
 * entities into ranges.
 *
 * Ranges reach the page in two registrations, not one per step: the first step's (the
 * top of the article, marked at once) and all the rest when the text is done. Chromium
 * re-creates the markers of *every* registered range in the frame after any change to
 * the registry (its cost grows with the total, ~100 ms for 7 000 ranges), so
 * registering slice by slice would pay for the first slices again in every frame.
 *
 * Past `FOLLOW_THRESHOLD` entities only those near the viewport are registered at all
 * (./viewport.ts): each step's entities then go to the window at once, which registers
 * the few of them near the screen. Every entity stays placed either way — for the
 * count, the lists, the keyboard and the pointer.
 */
export class Annotation {
  readonly placed: PlacedEntity[] = [];
  private readonly spans = new SpanIndex();
  private offsets: TextOffsets | null = null;
  private job: ChunkedJob | null = null;
  /** Placed but not yet handed to the marks, in text order. */
  private pending: Mark[] = [];
  private marks: ViewportMarks | null = null;

  constructor(
    private readonly doc: Document,
    readonly text: string,
    private readonly map: TextMap,
  ) {}

  /** Starts the work; `done` settles true once the whole text is annotated. */
  run(options: AnnotateOptions): Promise<boolean> {
    const slices = textSlices(this.text, options.sliceSize ?? DEFAULT_SLICE_SIZE);
    this.marks = options.layer ? new ViewportMarks(this.doc, options.layer, options.viewport) : null;
    const threshold = options.viewport?.threshold ?? FOLLOW_THRESHOLD;
    let next = 0;
    let registered = false;
    const step = (): boolean => {
      const slice = slices[next++];
      if (!slice) return false;
      const [from, to] = slice;
      const added: PlacedEntity[] = [];
      for (const found of options.recognize(this.text.slice(from, to))) {
        const start = from + found.start;
        const end = from + found.end;
        const range = staticRange(this.doc, this.map, start, end);
        if (!range) continue;
        const entity = { ...found, start, end };
        const item = { entity, range };
        this.placed.push(item);
        this.spans.push(entity);
        this.pending.push({ name: HIGHLIGHT_NAMES[entity.kind], range });
        added.push(item);
      }
      const more = next < slices.length;
      // The first screen at once; everything else in one registration at the end —
      // or, past the threshold, step by step to the window near the viewport.
      if (!more || (!registered && added.length > 0) || this.placed.length > threshold) {
        registered = true;
        this.register();
      }
      if (added.length > 0) options.onProgress?.(added);
      return more;
    };
    this.job = runChunked(step, options.schedule);
    return this.job.done;
  }

  /** Stops the work; what was placed so far stays placed (and highlighted). */
  cancel(): void {
    this.job?.cancel();
    this.register();
  }

  /**
   * Stops the work and the following of the viewport, for good: the caller clears the
   * layer (the article is read again, or the session ends).
   */
  dispose(): void {
    this.job?.cancel();
    this.pending = [];
    this.marks?.destroy();
  }

  /** Registers entity `i`'s highlight now if it was left out (far from the viewport), before scrolling to it. */
  show(i: number): void {
    this.marks?.reveal(i);
  }

  /** How many of the entities' highlights are registered now (all, or the window near the viewport). */
  get registered(): number {
    return this.marks?.registered ?? 0;
  }

  /** Hands the ranges placed since the last registration to the marks. */
  private register(): void {
    if (this.pending.length === 0) return;
    const pending = this.pending;
    this.pending = [];
    this.marks?.add(pending);
  }

  /** Indices of the entities whose span touches the caret position (node, offset), nearest first. */
  candidatesAt(node: Node, offset: number): number[] {
    this.offsets ??= new TextOffsets(this.map);
    const pos = this.offsets.offsetOf(node, offset);
    return pos === null ? [] : this.spans.around(pos);
  }

  /** Index of the first entity after text offset `pos`, or -1. */
  after(pos: number): number {
    return this.spans.after(pos);
  }

  /** Index of the last entity before text offset `pos`, or -1. */
  before(pos: number): number {
    return this.spans.before(pos);
  }
}
