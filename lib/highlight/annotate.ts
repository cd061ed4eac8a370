import type { TextMap } from '../article/text';
import type { Entity } from '../recognize/types';
import type { HighlightLayer } from './layer';
import { TextOffsets } from './positions';
import { staticRange } from './ranges';
import { runChunked, type ChunkedJob, type IdleScheduler } from './schedule';
import { SpanIndex } from './spans';
import { textSlices } from './slices';

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
}

export const DEFAULT_SLICE_SIZE = 8000;

type PendingRanges = Record<Entity['kind'], AbstractRange[]>;

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
 */
export class Annotation {
  readonly placed: PlacedEntity[] = [];
  private readonly spans = new SpanIndex();
  private offsets: TextOffsets | null = null;
  private job: ChunkedJob | null = null;
  /** Placed but not yet registered with the layer, by kind. */
  private pending: PendingRanges = { document: [], figure: [] };
  private layer: HighlightLayer | null = null;

  constructor(
    private readonly doc: Document,
    readonly text: string,
    private readonly map: TextMap,
  ) {}

  /** Starts the work; `done` settles true once the whole text is annotated. */
  run(options: AnnotateOptions): Promise<boolean> {
    const slices = textSlices(this.text, options.sliceSize ?? DEFAULT_SLICE_SIZE);
    this.layer = options.layer;
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
        this.pending[entity.kind].push(range);
        added.push(item);
      }
      const more = next < slices.length;
      // The first screen at once; everything else in one registration at the end.
      if (!more || (!registered && added.length > 0)) {
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

  /** Hands the ranges placed since the last registration to the layer. */
  private register(): void {
    const { document, figure } = this.pending;
    if (document.length === 0 && figure.length === 0) return;
    this.pending = { document: [], figure: [] };
    this.layer?.addAll('document', document);
    this.layer?.addAll('figure', figure);
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
