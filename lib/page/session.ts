import type { Article } from '../article';
import {
  Annotation,
  adoptStyles,
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
import { guard } from './guard';
import { HOVER_TIMING, Interaction } from './interaction';
import type { PageMeta, PageState, PageSummary } from './types';

/** Delays, in milliseconds; tests shorten them. */
export const TIMING = {
  ...HOVER_TIMING,
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
  /** `extractArticle` from lib/article. */
  extract(doc: Document, url: string): Article;
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
  private removeStyles: (() => void) | null = null;
  private lateAttempts = 0;
  private recognize: Recognize | null;
  private loadingRecognizer = false;

  constructor(private readonly options: SessionOptions) {
    const view = options.doc.defaultView;
    if (!view) throw new Error('document without a window');
    this.view = view;
    this.recognize = options.recognize ?? null;
    this.timing = { ...TIMING, ...options.timing };
    this.schedule = options.schedule ?? idleScheduler(view);
    const api = highlightApi(view);
    this.layer = api ? new HighlightLayer(api) : null;
    this.interaction = new Interaction({
      doc: options.doc,
      layer: this.layer,
      t: options.t,
      locale: options.locale,
      pageUrl: () => this.article?.url ?? options.url(),
      loadCardView: options.loadCardView ?? (() => Promise.reject(new Error('no card view'))),
      timing: this.timing,
    });
  }

  /** Reads the page now; without an article, watches for one for a while. */
  start(): void {
    const article = this.extract();
    if (article) this.annotate(article);
    else this.waitForArticle();
  }

  /** Takes everything of ours off the page. */
  destroy(): void {
    this.state = 'off';
    this.watch?.stop();
    this.watch = null;
    this.annotation?.cancel();
    this.annotation = null;
    this.article = null;
    this.interaction.destroy();
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

  private extract(): Article | null {
    const article = this.options.extract(this.options.doc, this.options.url());
    return article.isArticle && article.body ? article : null;
  }

  private annotate(article: Article): void {
    this.annotation?.cancel();
    this.layer?.clear();
    this.article = article;
    this.state = 'annotating';
    this.removeStyles ??= adoptStyles(this.options.doc, highlightCss(paletteFor(article.body!, this.view)));
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
        const article = this.extract();
        if (article) this.annotate(article);
        else if (++this.lateAttempts >= LATE_ARTICLE_ATTEMPTS) this.stopWaiting();
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
    const next = this.extract();
    const current = this.article;
    if (!next) {
      // The article went away (a single-page site navigated): forget it.
      if (current?.body && !current.body.isConnected) {
        this.annotation?.cancel();
        this.annotation = null;
        this.article = null;
        this.interaction.follow(null);
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
