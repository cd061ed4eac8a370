import {
  caretAt,
  isEditable,
  liveRange,
  rangeHasPoint,
  stepForKey,
  type Annotation,
  type HighlightLayer,
  type PlacedEntity,
  type Step,
} from '../highlight';
import type { Translate } from '../i18n';
import type { Entity } from '../recognize/types';
import { CardLayer } from '../ui/card';
import type { CardView } from '../ui/card-view';
import type { UiRoot } from '../ui/host';
import type { Box } from '../ui/place';
import { guard } from './guard';

/** Delays, in milliseconds; tests shorten them. */
export const HOVER_TIMING = {
  /** Pointer resting on an entity before its card opens: long enough not to flash cards at a passing pointer. */
  hoverOpen: 300,
  /** Pointer gone from the entity and the card before a hover card closes: time to cross the gap to the card. */
  hoverClose: 350,
};

export interface InteractionOptions {
  doc: Document;
  /** Our shadow root, where the card shows. */
  ui: UiRoot;
  layer: HighlightLayer | null;
  t: Translate;
  locale: string;
  /** The page address appended to copied text. */
  pageUrl(): string | null;
  /** Loads the card's rendering the first time a card opens (see CardLayer). */
  loadCardView(): Promise<CardView>;
  /** The card's "save": the entity with its sentence, as a clipping. */
  saveEntity?(entity: Entity): Promise<unknown>;
  timing?: Partial<typeof HOVER_TIMING>;
}

/**
 * How a hover card opened: `hover` closes when the pointer leaves; `pinned` (a click,
 * the popup) and `keyboard` (a shortcut; focus moves into the card) stay until
 * closed, and a passing pointer does not replace them.
 */
type CardMode = 'hover' | 'pinned' | 'keyboard';

/**
 * The reader's side of the highlights: which entity is under the pointer (caret
 * position → text offset → span search, confirmed by the range's geometry), the
 * card for it, and the keyboard shortcuts that step from entity to entity. Listens
 * on the page only while it has entities to answer for.
 */
export class Interaction {
  private annotation: Annotation | null = null;
  private readonly card: CardLayer;
  private readonly view: Window;
  private readonly timing: typeof HOVER_TIMING;
  private listeners: AbortController | null = null;
  /** The entity whose card is open, or that the keyboard last stepped to. */
  private active = -1;
  private cardMode: CardMode | null = null;
  private hovered = -1;
  private pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private hoverFrame = 0;
  private followFrame = 0;

  constructor(private readonly options: InteractionOptions) {
    this.view = options.doc.defaultView!;
    this.timing = { ...HOVER_TIMING, ...options.timing };
    this.card = new CardLayer(options.doc, {
      ui: options.ui,
      ...(options.saveEntity ? { saveEntity: options.saveEntity } : {}),
      t: options.t,
      locale: options.locale,
      pageUrl: options.pageUrl,
      loadView: options.loadCardView,
      onClosed: () => this.cardClosed(),
    });
  }

  /** Whether a node is our UI (for the page watchers, which must ignore it). */
  owns(node: EventTarget | null): boolean {
    return this.card.owns(node);
  }

  /** Answers for these entities from now on (null: none), starting to listen on first use. */
  follow(annotation: Annotation | null): void {
    this.closeCard();
    this.annotation = annotation;
    this.active = this.hovered = -1;
    if (annotation) this.listen();
  }

  /** Stops listening and takes the card off the page. */
  destroy(): void {
    this.closeCard();
    this.annotation = null;
    this.card.destroy();
    this.listeners?.abort();
    this.listeners = null;
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
    if (this.followFrame) cancelAnimationFrame(this.followFrame);
    this.hoverFrame = this.followFrame = 0;
  }

  /** Scrolls to the entity starting at text offset `start` and opens its card. */
  reveal(start: number): boolean {
    const annotation = this.annotation;
    if (!annotation) return false;
    const i = annotation.after(start - 1);
    if (i < 0 || annotation.placed[i]!.entity.start !== start) return false;
    this.revealIndex(i, 'pinned');
    return true;
  }

  private placed(): readonly PlacedEntity[] {
    return this.annotation?.placed ?? [];
  }

  private listen(): void {
    if (this.listeners) return;
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    const doc = this.options.doc;
    doc.addEventListener('mousemove', guard(this.onMouseMove), { passive: true, signal });
    doc.addEventListener('mouseout', guard(this.onMouseOut), { passive: true, signal });
    doc.addEventListener('click', guard(this.onClick), { signal });
    // Capture, so that a page handler stopping the event cannot swallow our shortcuts.
    this.view.addEventListener('keydown', guard(this.onKeyDown), { capture: true, signal });
    const follow = guard(() => this.followCard());
    this.view.addEventListener('scroll', follow, { capture: true, passive: true, signal });
    this.view.addEventListener('resize', follow, { passive: true, signal });
  }

  private readonly onMouseMove = (event: MouseEvent): void => {
    this.pointer = { x: event.clientX, y: event.clientY, target: event.target };
    // One hit test per frame, however fast the pointer moves.
    this.hoverFrame ||= requestAnimationFrame(
      guard(() => {
        this.hoverFrame = 0;
        this.hover();
      }),
    );
  };

  private readonly onMouseOut = (event: MouseEvent): void => {
    // Left the window: nothing is hovered any more.
    if (event.relatedTarget === null) {
      this.pointer = null;
      this.hovered = -1;
      clearTimeout(this.openTimer);
      if (this.cardMode === 'hover') this.scheduleClose();
    }
  };

  private hover(): void {
    const p = this.pointer;
    if (!p) return;
    const overCard = this.card.owns(p.target);
    const i = overCard ? -1 : this.entityAt(p.x, p.y);
    if (i !== this.hovered) {
      this.hovered = i;
      clearTimeout(this.openTimer);
      const pinned = this.cardMode === 'pinned' || this.cardMode === 'keyboard';
      if (i >= 0 && !(this.card.isOpen && this.active === i) && !pinned) {
        this.openTimer = setTimeout(guard(() => this.openCard(i, 'hover')), this.timing.hoverOpen);
      }
    }
    if (this.cardMode === 'hover') {
      if (overCard || i === this.active) clearTimeout(this.closeTimer);
      else this.scheduleClose();
    }
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(guard(() => this.closeCard()), this.timing.hoverClose);
  }

  private readonly onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || this.card.owns(event.target)) return;
    // The end of a text selection is not a click on an entity.
    const selection = this.view.getSelection();
    if (selection && !selection.isCollapsed) return;
    const i = this.entityAt(event.clientX, event.clientY);
    if (i >= 0) this.openCard(i, 'pinned');
    else this.closeCard();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (this.card.isOpen) this.closeCard();
      return;
    }
    const step = stepForKey(event);
    if (step === 0 || this.placed().length === 0) return;
    const origin = event.composedPath?.()[0] ?? event.target;
    if (isEditable(origin)) return;
    event.preventDefault();
    this.step(step);
  };

  /** The entity under (x, y): caret position → text offset → span search, confirmed by geometry. */
  private entityAt(x: number, y: number): number {
    const annotation = this.annotation;
    if (!annotation || annotation.placed.length === 0) return -1;
    const caret = caretAt(this.options.doc, x, y);
    if (!caret) return -1;
    for (const i of annotation.candidatesAt(caret.node, caret.offset)) {
      if (rangeHasPoint(liveRange(this.options.doc, annotation.placed[i]!.range), x, y)) return i;
    }
    return -1;
  }

  private step(direction: Step): void {
    const n = this.placed().length;
    const i = this.active >= 0 ? (this.active + direction + n) % n : direction > 0 ? this.firstInView() : this.lastInView();
    this.revealIndex(i, 'keyboard');
  }

  private box(i: number): DOMRect {
    return liveRange(this.options.doc, this.placed()[i]!.range).getBoundingClientRect();
  }

  /** The first entity not above the viewport (binary search: entities are in document order). */
  private firstInView(): number {
    const n = this.placed().length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.box(mid).bottom > 0) hi = mid;
      else lo = mid + 1;
    }
    return lo < n ? lo : 0;
  }

  /** The last entity not below the viewport. */
  private lastInView(): number {
    const n = this.placed().length;
    let lo = -1;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.box(mid).top < this.view.innerHeight) lo = mid;
      else hi = mid - 1;
    }
    return lo >= 0 ? lo : n - 1;
  }

  private revealIndex(i: number, mode: CardMode): void {
    const item = this.placed()[i];
    if (!item) return;
    // On a page with many entities only those near the viewport are highlighted: this
    // one is registered before the page scrolls to it, so it never shows unmarked.
    this.annotation?.show(i);
    const range = liveRange(this.options.doc, item.range);
    let rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > this.view.innerHeight) {
      // Nested scrollers first (the paragraph into its box), then the window, to a third of the way down.
      range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      rect = range.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > this.view.innerHeight) {
        this.view.scrollBy({ top: rect.top - this.view.innerHeight / 3, behavior: 'instant' });
      }
    }
    this.openCard(i, mode);
  }

  private openCard(i: number, mode: CardMode): void {
    const item = this.placed()[i];
    if (!item) return;
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.active = i;
    this.cardMode = mode;
    this.options.layer?.setActive(item.range);
    const doc = this.options.doc;
    this.card.open(item.entity, () => liveRange(doc, item.range).getBoundingClientRect() as Box, {
      focus: mode === 'keyboard',
    });
  }

  private closeCard(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    if (this.card.isOpen) this.card.close();
    this.cardClosed();
  }

  /** The card is gone (closed by us or by itself). */
  private cardClosed(): void {
    this.cardMode = null;
    this.options.layer?.setActive(null);
  }

  private followCard(): void {
    if (!this.card.isOpen || this.followFrame) return;
    this.followFrame = requestAnimationFrame(
      guard(() => {
        this.followFrame = 0;
        this.card.reposition();
      }),
    );
  }
}
