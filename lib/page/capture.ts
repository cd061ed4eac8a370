/**
 * The reader's ways of saving a clipping on the page: the selection (with the button
 * beside it, Alt+Shift+S, or — through the background — the context menu and the
 * browser command), and the card's "save", which keeps an entity with its sentence.
 * The span is turned into a clipping here (lib/capture) and sent to the archive; the
 * outcome is shown in the toast, and a saved clipping is marked on the page at once.
 */
import type { Article } from '../article';
import { MAX_QUOTE } from '../capture/clipping';
import { selectionSpan } from '../capture/offsets';
import { isEditable } from '../highlight';
import type { Translate } from '../i18n';
import type { Entity } from '../recognize/types';
import type { SelectionButton } from '../ui/selection-button';
import { guard } from './guard';
import type { PageClippings } from './clippings';
import type { ArchiveClient, CaptureKit, SaveOutcome, ToastApi } from './types';

/** Delays, in milliseconds; tests shorten them. */
export const CAPTURE_TIMING = {
  /** Quiet time after the selection changes before the button is shown for it. */
  selectionSettle: 250,
  /** A second request for the same span within this time is the same save (a key bound twice), unless the first failed. */
  repeatWindow: 1500,
};

/** Alt+Shift+S (matched on the physical key, like the stepping keys; see lib/highlight/keys.ts). */
export function isSaveKey(event: Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'isComposing'>): boolean {
  return event.code === 'KeyS' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.isComposing;
}

export interface CaptureOptions {
  doc: Document;
  t: Translate;
  archive: ArchiveClient | null;
  /** What a save needs (lib/capture's clipping, lib/anchor's selectors), loaded on the first save: the content script carries only what shows the button. */
  loadKit(): Promise<CaptureKit>;
  clippings: PageClippings;
  toast: ToastApi;
  button: SelectionButton;
  /** The tab's address. */
  location(): string;
  /** Entities of the article found so far (offsets into its text), and whether that is all of them. */
  entities(): { entities: readonly Entity[]; complete: boolean };
  /** The recognizer once loaded: a quote saved before the article is fully read is recognized on its own. */
  recognize(): ((text: string) => Entity[]) | null;
  /** Whether the page UI may open the side panel (Chromium: yes; Firefox refuses from a page). */
  openPanel?: () => void;
  timing?: Partial<typeof CAPTURE_TIMING>;
}

const STORE_UNKNOWN: SaveOutcome = { ok: false, reason: 'store', code: 'unknown', messageKey: 'storeErrorUnknown' };

export class Capture {
  private article: Article | null = null;
  private listeners: AbortController | null = null;
  private readonly timing: typeof CAPTURE_TIMING;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerDown = false;
  /** The span the selection button stands for, taken when it was shown. */
  private buttonSpan: { start: number; end: number } | null = null;
  private last: { start: number; end: number; at: number; outcome: Promise<SaveOutcome> } | null = null;

  constructor(private readonly options: CaptureOptions) {
    this.timing = { ...CAPTURE_TIMING, ...options.timing };
  }

  /** The article to save from (null: none, stop listening). */
  follow(article: Article | null): void {
    this.article = article;
    this.hideButton();
    if (article) this.listen();
    else this.stopListening();
  }

  destroy(): void {
    this.follow(null);
    this.last = null;
  }

  /** Saves the current selection (a shortcut, the context menu, the browser command). */
  saveSelection(): Promise<SaveOutcome> {
    const article = this.article;
    if (!article) return Promise.resolve({ ok: false, reason: 'no-article' });
    const span = this.selectedSpan(article);
    if (!span) {
      this.options.toast.info(this.options.t('toastSelectFirst'));
      return Promise.resolve({ ok: false, reason: 'no-selection' });
    }
    return this.saveSpan(span.start, span.end, true);
  }

  /** Saves an entity with the sentence around it (the card's "save"). */
  async saveEntity(entity: Entity): Promise<SaveOutcome> {
    const article = this.article;
    if (!article) return { ok: false, reason: 'no-article' };
    const kit = await this.loadKit();
    if (!kit || this.article !== article) return STORE_UNKNOWN;
    const { start, end } = kit.sentenceAround(article.text, entity.start, entity.end);
    return this.saveSpan(start, end, false);
  }

  /** The kit, or null (said in the toast) when it cannot be loaded. */
  private async loadKit(): Promise<CaptureKit | null> {
    const kit = await this.options.loadKit().catch(() => null);
    if (!kit) this.options.toast.error(this.options.t('storeErrorUnknown'));
    return kit;
  }

  private selectedSpan(article: Article): { start: number; end: number } | null {
    const selection = this.options.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const first = selection.getRangeAt(0);
    const last = selection.getRangeAt(selection.rangeCount - 1);
    return selectionSpan(article.map, article.text, {
      startContainer: first.startContainer,
      startOffset: first.startOffset,
      endContainer: last.endContainer,
      endOffset: last.endOffset,
    });
  }

  private saveSpan(start: number, end: number, fromSelection: boolean): Promise<SaveOutcome> {
    const now = Date.now();
    const last = this.last;
    if (last && last.start === start && last.end === end && now - last.at < this.timing.repeatWindow) return last.outcome;
    const outcome = this.save(start, end, fromSelection);
    const entry = { start, end, at: now, outcome };
    this.last = entry;
    // A failed save may be tried again at once.
    void outcome.then((o) => {
      if (!o.ok && this.last === entry) this.last = null;
    });
    return outcome;
  }

  private async save(start: number, end: number, fromSelection: boolean): Promise<SaveOutcome> {
    const { t, toast } = this.options;
    const article = this.article!;
    this.hideButton();
    if (end - start > MAX_QUOTE) {
      toast.error(t('toastTooLong'));
      return { ok: false, reason: 'too-long' };
    }
    const kit = await this.loadKit();
    if (!kit || this.article !== article) return STORE_UNKNOWN;
    return kit.saveSpan(this.options, kit, { article, start, end, fromSelection, isCurrent: () => this.article === article });
  }

  // --- listening ---------------------------------------------------------------

  private listen(): void {
    if (this.listeners) return;
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    const doc = this.options.doc;
    const view = doc.defaultView!;
    // Capture, so that a page handler stopping the event cannot swallow the shortcut.
    view.addEventListener('keydown', guard(this.onKeyDown), { capture: true, signal });
    doc.addEventListener('selectionchange', guard(this.onSelectionChange), { signal });
    doc.addEventListener('mousedown', guard(this.onMouseDown), { capture: true, passive: true, signal });
    doc.addEventListener('mouseup', guard(this.onMouseUp), { capture: true, passive: true, signal });
    view.addEventListener('scroll', guard(this.onScroll), { capture: true, passive: true, signal });
  }

  private stopListening(): void {
    this.listeners?.abort();
    this.listeners = null;
    clearTimeout(this.settleTimer);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!isSaveKey(event) || !this.article) return;
    const origin = event.composedPath?.()[0] ?? event.target;
    if (isEditable(origin)) return;
    event.preventDefault();
    void this.saveSelection();
  };

  private readonly onMouseDown = (event: MouseEvent): void => {
    if (this.options.button.isShown && this.isOurs(event.target)) return;
    this.pointerDown = true;
    this.hideButton();
  };

  private readonly onMouseUp = (event: MouseEvent): void => {
    this.pointerDown = false;
    if (this.isOurs(event.target)) return;
    this.scheduleButton(10);
  };

  private readonly onSelectionChange = (): void => {
    // While the mouse is down the reader is still selecting; mouseup shows the button.
    if (!this.pointerDown) this.scheduleButton(this.timing.selectionSettle);
  };

  private readonly onScroll = (): void => {
    if (this.options.button.isShown) this.scheduleButton(this.timing.selectionSettle);
  };

  private isOurs(target: EventTarget | null): boolean {
    return (target as Element | null)?.localName === 'trich-luc-ui';
  }

  private scheduleButton(delay: number): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(guard(() => this.updateButton()), delay);
  }

  /** Shows the button beside a selection of article text, or hides it. */
  private updateButton(): void {
    const article = this.article;
    const selection = this.options.doc.getSelection();
    const span = article ? this.selectedSpan(article) : null;
    if (!span || !selection || selection.rangeCount === 0) {
      this.hideButton();
      return;
    }
    const range = selection.getRangeAt(selection.rangeCount - 1);
    const rects = range.getClientRects();
    const box = rects.length > 0 ? rects[rects.length - 1]! : range.getBoundingClientRect();
    const view = this.options.doc.defaultView!;
    if (box.bottom < 0 || box.top > view.innerHeight) {
      this.hideButton();
      return;
    }
    this.buttonSpan = span;
    this.options.button.show(box);
  }

  private hideButton(): void {
    this.buttonSpan = null;
    this.options.button.hide();
  }

  /** The button was pressed: save the span it was shown for. */
  readonly pressButton = (): void => {
    const span = this.buttonSpan;
    if (!span || !this.article) return;
    void this.saveSpan(span.start, span.end, true);
  };
}
