import type { FigureChange } from '../anchor/types';
import type { Article, Steps } from '../article';
import {
  Annotation,
  adoptStyles,
  liveRange,
  HighlightLayer,
  highlightApi,
  highlightCss,
  idleScheduler,
  paletteFor,
  watchDom,
  type IdleScheduler,
  type Watch,
} from '../highlight';
import type { Translate } from '../i18n';
import type { Entity } from '../recognize/types';
import type { CardView } from '../ui/card-view';
import { UiRoot } from '../ui/host';
import { SELECTION_CSS } from '../ui/overlay-styles';
import { SelectionButton } from '../ui/selection-button';
import { Capture, CAPTURE_TIMING } from './capture';
import { PageClippings } from './clippings';
import { guard } from './guard';
import { HOVER_TIMING, Interaction } from './interaction';
import { deferredNotice, deferredToast } from './overlay';
import { readArticle, type Reading } from './read';
import type { ArchiveClient, ClippingKit, NoticeApi, PageAnchors, PageMeta, PageState, PageSummary, SaveOutcome, ToastApi } from './types';

/** Delays, in milliseconds; tests shorten them. */
export const TIMING = {
  ...HOVER_TIMING,
  ...CAPTURE_TIMING,
  /** Quiet time after a page change before looking for a late article. */
  lateArticleDebounce: 400,
  /** How long a page without an article is watched for one to appear. */
  lateArticleGiveUp: 30_000,
  /** Quiet time after the article changes before it is read again. */
  articleChangeDebounce: 500,
};

type Recognize = (text: string) => Entity[];

/** At most this many looks for a late article: a page that keeps changing is a page, not a loading article. */
const LATE_ARTICLE_ATTEMPTS = 10;

export interface SessionOptions {
  doc: Document;
  /** The page address (for extraction and for copied citations). */
  url(): string;
  /**
   * `extractArticleSteps` from lib/article: extraction that can pause, so that a big
   * page is read over several tasks (./read.ts).
   */
  extract(doc: Document, url: string): Steps<Article>;
  /**
   * `recognize` from lib/recognize; or, instead, `loadRecognizer`, which the session
   * calls the first time it has an article to read (the content script loads its
   * recognizer script then, so that pages without an article never load it).
   */
  recognize?: Recognize;
  loadRecognizer?: () => Promise<Recognize>;
  t: Translate;
  /** UI locale, for dates on the card. */
  locale: string;
  /**
   * Loads the card's rendering the first time a card opens (the content script loads
   * its card script); without it no card can open.
   */
  loadCardView?: () => Promise<CardView>;
  /** Each time the article has been read in full. */
  onAnnotated(summary: PageSummary): void;
  /** The archive, by message (lib/page/content.ts); without it nothing is saved or shown. */
  archive?: ArchiveClient;
  /** Each time the page's clippings have been placed again (for the side panel). */
  onClippings?(anchors: PageAnchors): void;
  /** Opens the side panel from a click in our UI, where the browser allows it (Chromium). */
  openPanel?: () => void;
  /**
   * Loads what clippings need (lib/anchor, the toast, the notice: the content script
   * loads its clippings script) the first time the page has clippings or the reader
   * saves one; without it clippings are neither placed nor saved.
   */
  loadClippingKit?: () => Promise<ClippingKit>;
  schedule?: IdleScheduler;
  timing?: Partial<typeof TIMING>;
}

/**
 * Everything the extension does on one page, over time: find the article (now, or
 * when the page inserts it later), highlight its entities in idle-time steps, and
 * keep up with changes to it; the reader's side (pointer, keyboard, cards) is
 * `Interaction`'s. No extension APIs here: the content script passes in what it
 * needs and relays the results, so this runs in tests on any DOM.
 *
 * Every handler it installs on the page is wrapped: whatever goes wrong in here,
 * the page never sees an exception.
 */
export class PageSession {
  private state: PageState = 'waiting';
  private article: Article | null = null;
  private annotation: Annotation | null = null;
  private readonly layer: HighlightLayer | null;
  private readonly interaction: Interaction;
  private readonly view: Window;
  private readonly timing: typeof TIMING;
  private readonly schedule: IdleScheduler;
  private watch: Watch | null = null;
  /** A reading of the page still going on (a big page), or null. */
  private reading: Reading | null = null;
  private removeStyles: (() => void) | null = null;
  private lateAttempts = 0;
  private recognize: Recognize | null;
  private loadingRecognizer = false;
  private readonly ui: UiRoot;
  private readonly clippings: PageClippings;
  private readonly capture: Capture;
  private readonly toast: ToastApi;
  private readonly notice: NoticeApi;

  constructor(private readonly options: SessionOptions) {
    const view = options.doc.defaultView;
    if (!view) throw new Error('document without a window');
    this.view = view;
    this.recognize = options.recognize ?? null;
    this.timing = { ...TIMING, ...options.timing };
    this.schedule = options.schedule ?? idleScheduler(view);
    const api = highlightApi(view);
    this.layer = api ? new HighlightLayer(api) : null;
    const doc = options.doc;
    let kit: Promise<ClippingKit> | null = null;
    const loadKit = () => {
      // One load at a time; a failed one is tried again next time.
      kit ??= (options.loadClippingKit?.() ?? Promise.reject(new Error('no clipping kit'))).catch((error: unknown) => {
        kit = null;
        throw error;
      });
      return kit;
    };
    this.ui = new UiRoot(doc, SELECTION_CSS);
    this.toast = deferredToast(() => loadKit().then((k) => k.toast(doc, this.ui, options.t)));
    this.notice = deferredNotice(() => loadKit().then((k) => k.notice(doc, this.ui, options.t)));
    this.clippings = new PageClippings({
      doc,
      layer: this.layer,
      archive: options.archive ?? null,
      loadAnchoring: loadKit,
      pageUrl: (article) => article.url ?? options.url(),
      onChange: (anchors, firstLoad) => this.clippingsPlaced(anchors, firstLoad),
    });
    const button = new SelectionButton(doc, this.ui, options.t, () => this.capture.pressButton());
    this.capture = new Capture({
      doc,
      t: options.t,
      archive: options.archive ?? null,
      loadKit,
      clippings: this.clippings,
      toast: this.toast,
      button,
      location: options.url,
      entities: () => ({
        entities: (this.annotation?.placed ?? []).map((p) => p.entity),
        complete: this.state === 'annotated',
      }),
      recognize: () => this.recognize,
      ...(options.openPanel ? { openPanel: options.openPanel } : {}),
      timing: this.timing,
    });
    this.interaction = new Interaction({
      doc,
      ui: this.ui,
      layer: this.layer,
      t: options.t,
      locale: options.locale,
      pageUrl: () => this.article?.url ?? options.url(),
      loadCardView: options.loadCardView ?? (() => Promise.reject(new Error('no card view'))),
      saveEntity: (entity) => this.capture.saveEntity(entity),
      timing: this.timing,
    });
  }

  /** Reads the page (an ordinary one now, a big one over a few idle steps); without an article, watches for one for a while. */
  start(): void {
    this.read((article) => {
      if (article) this.annotate(article);
      else this.waitForArticle();
    });
    // A big page is being read: the popup says so rather than "not an article".
    if (this.reading) this.state = 'annotating';
  }

  /** Takes everything of ours off the page. */
  destroy(): void {
    this.state = 'off';
    this.reading?.cancel();
    this.reading = null;
    this.watch?.stop();
    this.watch = null;
    this.annotation?.dispose();
    this.annotation = null;
    this.article = null;
    this.interaction.destroy();
    this.capture.destroy();
    this.clippings.destroy();
    this.toast.destroy();
    this.notice.destroy();
    this.ui.destroy();
    this.layer?.clear();
    this.removeStyles?.();
    this.removeStyles = null;
  }

  summary(): PageSummary {
    const a = this.article;
    const page: PageMeta | null = a
      ? { title: a.title, published: a.published, author: a.author, site: a.site, url: a.url }
      : null;
    return { state: this.state, page, entities: (this.annotation?.placed ?? []).map((p) => p.entity) };
  }

  /** Scrolls to the entity starting at text offset `start` and opens its card. */
  reveal(start: number): boolean {
    return this.interaction.reveal(start);
  }

  /** Saves what the reader has selected in the article (context menu, browser command). */
  saveSelection(): Promise<SaveOutcome> {
    return this.capture.saveSelection();
  }

  /** Where each of the page's clippings was found. */
  clippingAnchors(): PageAnchors {
    return this.clippings.anchors();
  }

  /** Asks the archive again for the page's clippings (changed elsewhere). */
  refreshClippings(): Promise<void> {
    return this.clippings.refresh();
  }

  /** Scrolls a placed clipping into view and marks it as the active range. */
  revealClipping(id: string): boolean {
    const range = this.clippings.rangeOf(id);
    if (!range) return false;
    this.clippings.show(id);
    const rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > this.view.innerHeight) {
      range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const moved = range.getBoundingClientRect();
      if (moved.top < 0 || moved.bottom > this.view.innerHeight) {
        this.view.scrollBy({ top: moved.top - this.view.innerHeight / 3, behavior: 'instant' });
      }
    }
    this.layer?.setActive(liveRange(this.options.doc, range));
    return true;
  }

  /** The clippings were placed: tell the side panel, and the reader when some moved out of reach or changed. */
  private clippingsPlaced(anchors: PageAnchors, firstLoad: boolean): void {
    this.options.onClippings?.(anchors);
    if (!firstLoad && !this.notice.isOpen) return;
    let orphans = 0;
    const changes: FigureChange[] = [];
    for (const a of anchors.anchors) {
      if (a.status === 'orphan') orphans++;
      changes.push(...a.changes);
    }
    this.notice.show({ orphans, changes, ...(this.options.openPanel ? { onPanel: this.options.openPanel } : {}) });
  }

  /**
   * Reads the page and calls `then` with its article (null: none), at once for an
   * ordinary page; a reading still going on is dropped for this one.
   */
  private read(then: (article: Article | null) => void): void {
    this.reading?.cancel();
    this.reading = null;
    let finishedLater = false;
    const reading = readArticle(
      {
        doc: this.options.doc,
        steps: () => this.options.extract(this.options.doc, this.options.url()),
        schedule: this.schedule,
        owns: (node) => this.interaction.owns(node),
      },
      guard((article: Article) => {
        if (finishedLater) {
          // Only the latest reading of a live session counts.
          if (this.reading !== reading || this.state === 'off') return;
          this.reading = null;
        }
        then(article.isArticle && article.body ? article : null);
      }),
    );
    finishedLater = true;
    if (reading) this.reading = reading;
  }

  private annotate(article: Article): void {
    this.annotation?.dispose();
    this.layer?.clear();
    this.article = article;
    this.state = 'annotating';
    this.removeStyles ??= adoptStyles(this.options.doc, highlightCss(paletteFor(article.body!, this.view)));
    this.clippings.follow(article);
    this.capture.follow(article);
    this.watchArticle();
    const recognize = this.recognize;
    if (!recognize) {
      this.annotation = null;
      this.interaction.follow(null);
      this.loadRecognizer();
      return;
    }
    const annotation = new Annotation(this.options.doc, article.text, article.map);
    this.annotation = annotation;
    this.interaction.follow(annotation);
    void annotation
      .run({ recognize, layer: this.layer, schedule: this.schedule })
      .then((completed) => {
        if (!completed || this.annotation !== annotation) return;
        this.state = 'annotated';
        this.options.onAnnotated(this.summary());
      });
  }

  /** Loads the recognizer, then reads the article the session has by then (if any). */
  private loadRecognizer(): void {
    const load = this.options.loadRecognizer;
    if (this.loadingRecognizer || !load) return;
    this.loadingRecognizer = true;
    load().then(
      (recognize) => {
        this.loadingRecognizer = false;
        this.recognize = recognize;
        if (this.state === 'annotating' && this.article && !this.annotation) this.annotate(this.article);
      },
      () => {
        // Our own packaged script failed to load (the extension is being reloaded):
        // nothing is highlighted; the next change to the article tries again.
        this.loadingRecognizer = false;
      },
    );
  }

  /** No article yet: some portals insert it with a script after load. */
  private waitForArticle(): void {
    this.state = 'waiting';
    this.lateAttempts = 0;
    this.watch?.stop();
    this.watch = watchDom(this.root(), this.view, {
      debounceMs: this.timing.lateArticleDebounce,
      giveUpAfterMs: this.timing.lateArticleGiveUp,
      isRelevant: (r) => r.addedNodes.length > 0 && !this.interaction.owns(r.target),
      onChange: guard(() => {
        this.read((article) => {
          if (article) this.annotate(article);
          else if (++this.lateAttempts >= LATE_ARTICLE_ATTEMPTS) this.stopWaiting();
        });
      }),
      onGiveUp: () => this.stopWaiting(),
    });
  }

  private stopWaiting(): void {
    this.watch?.stop();
    this.watch = null;
    this.state = 'not-article';
  }

  /** Paragraphs added to the article, or the article replaced: read it again once the page settles. */
  private watchArticle(): void {
    this.watch?.stop();
    this.watch = watchDom(this.root(), this.view, {
      debounceMs: this.timing.articleChangeDebounce,
      text: true,
      isRelevant: (r) => this.touchesArticle(r.target),
      onChange: guard(() => this.recheck()),
    });
  }

  /** Our host lives under <html>, outside <body>, so watching the body never sees our UI. */
  private root(): Node {
    return this.options.doc.body ?? this.options.doc.documentElement;
  }

  private touchesArticle(target: Node): boolean {
    const a = this.article;
    if (!a?.body || this.interaction.owns(target)) return false;
    return !a.body.isConnected || a.body.contains(target) || (a.lead?.contains(target) ?? false);
  }

  private recheck(): void {
    this.read((next) => this.compare(next));
  }

  /** The article read again (`next`) against the one highlighted: forget it, keep it, or annotate the new one. */
  private compare(next: Article | null): void {
    const current = this.article;
    if (!next) {
      // The article went away (a single-page site navigated): forget it.
      if (current?.body && !current.body.isConnected) {
        this.annotation?.dispose();
        this.annotation = null;
        this.article = null;
        this.interaction.follow(null);
        this.clippings.follow(null);
        this.capture.follow(null);
        this.layer?.clear();
        this.waitForArticle();
      }
      return;
    }
    const placed = this.annotation?.placed ?? [];
    const intact =
      current !== null &&
      next.body === current.body &&
      next.text === current.text &&
      placed.every((p) => p.range.startContainer.isConnected && p.range.endContainer.isConnected);
    if (!intact) this.annotate(next);
  }
}
