import type { EntityKind } from '../recognize/types';

/**
 * Our marks on the page, as CSS Custom Highlights: ranges registered in
 * `CSS.highlights` and painted by `::highlight(name)` rules. The page's DOM is
 * never touched — no wrapper elements, no attributes — so the page's scripts, its
 * layout and its own selection behave exactly as without the extension.
 */
export const HIGHLIGHT_NAMES = {
  document: 'trichluc-document',
  figure: 'trichluc-figure',
  /** The entity whose card is open, or that the keyboard stepped to. */
  active: 'trichluc-active',
  /** The reader's saved clippings, found again on the page (lib/page/clippings.ts). */
  clipping: 'trichluc-clipping',
} as const satisfies Record<EntityKind | 'active' | 'clipping', string>;

export type HighlightName = (typeof HIGHLIGHT_NAMES)[keyof typeof HIGHLIGHT_NAMES];

/** The parts of the window this module uses, so that tests can pass a fake. */
export interface HighlightApi {
  registry: HighlightRegistry;
  create(): Highlight;
}

/** The window's Highlight API, or null where the browser has none (Chrome < 105, Firefox < 140). */
export function highlightApi(view: Window | null): HighlightApi | null {
  const w = view as (Window & typeof globalThis) | null;
  const registry = w?.CSS?.highlights;
  const Ctor = w?.Highlight;
  if (!registry || typeof Ctor !== 'function') return null;
  return { registry, create: () => new Ctor() };
}

export class HighlightLayer {
  private readonly highlights = new Map<HighlightName, Highlight>();

  constructor(private readonly api: HighlightApi) {}

  /** The highlight registered under `name`, created and registered on first use. */
  private highlight(name: HighlightName): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = this.api.create();
      // The active mark is painted over the kind's own when both cover a character;
      // a clipping's mark under the entities inside it.
      if (name === HIGHLIGHT_NAMES.active) highlight.priority = 1;
      if (name === HIGHLIGHT_NAMES.clipping) highlight.priority = -1;
      this.highlights.set(name, highlight);
      this.api.registry.set(name, highlight);
    }
    return highlight;
  }

  /** Adds one entity's range; the browser repaints once per frame, however many are added. */
  add(kind: EntityKind, range: AbstractRange): void {
    this.highlight(HIGHLIGHT_NAMES[kind]).add(range);
  }

  /**
   * Adds many entities' ranges of one kind. Chromium rebuilds the markers of every
   * registered range in the next frame after any change to the registry (~10 µs per
   * range), so callers batch: few changes, each as large as it needs to be.
   */
  addAll(kind: EntityKind, ranges: readonly AbstractRange[]): void {
    if (ranges.length === 0) return;
    const highlight = this.highlight(HIGHLIGHT_NAMES[kind]);
    for (const range of ranges) highlight.add(range);
  }

  /** Adds ranges under one of our names (lib/highlight/viewport.ts decides which are registered). */
  addRanges(name: HighlightName, ranges: readonly AbstractRange[]): void {
    if (ranges.length === 0) return;
    const highlight = this.highlight(name);
    for (const range of ranges) highlight.add(range);
  }

  /** Takes ranges out from under one of our names (scrolled far away). */
  removeRanges(name: HighlightName, ranges: readonly AbstractRange[]): void {
    const highlight = this.highlights.get(name);
    if (!highlight) return;
    for (const range of ranges) highlight.delete(range);
  }

  /** Adds one clipping's range. */
  addClipping(range: AbstractRange): void {
    this.highlight(HIGHLIGHT_NAMES.clipping).add(range);
  }

  /** Removes every clipping mark (to place them again), leaving the entities' alone. */
  clearClippings(): void {
    this.highlights.get(HIGHLIGHT_NAMES.clipping)?.clear();
  }

  /** Marks one range as the active one (or none). */
  setActive(range: AbstractRange | null): void {
    const active = this.highlight(HIGHLIGHT_NAMES.active);
    active.clear();
    if (range) active.add(range);
  }

  /** Removes every mark of ours from the page, leaving other extensions' highlights alone. */
  clear(): void {
    for (const [name, highlight] of this.highlights) {
      highlight.clear();
      // Only unregister what is still ours: another copy of the script may have taken the name.
      if (this.api.registry.get(name) === highlight) this.api.registry.delete(name);
    }
    this.highlights.clear();
  }
}
