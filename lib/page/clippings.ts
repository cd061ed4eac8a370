/**
 * The reader's saved clippings on the page they came from: fetched from the archive
 * (by message: the content script never opens the database) when an article is read,
 * found again in today's text with lib/anchor (exact, then by context, then
 * approximately), and marked with the third highlight style. Clippings that cannot be
 * placed are orphans; placed ones whose figures or codes changed carry `changes`.
 * Both are reported (`onChange`) for the notice and the side panel. Their marks follow
 * the same rule as the entities': all registered, or past a few hundred only those near
 * the viewport (lib/highlight/viewport.ts).
 */
import type { AnchorResult } from '../anchor';
import type { Article } from '../article';
import type { HighlightLayer, Mark, ViewportMarksOptions } from '../highlight';
import { HIGHLIGHT_NAMES, liveRange, staticRange, ViewportMarks } from '../highlight';
import type { ClippingRecord } from '../store';
import type { Anchoring, ArchiveClient, ClippingAnchor, PageAnchors } from './types';

interface Placed {
  record: ClippingRecord;
  result: AnchorResult;
  range: AbstractRange | null;
}

export interface PageClippingsOptions {
  doc: Document;
  layer: HighlightLayer | null;
  archive: ArchiveClient | null;
  /** lib/anchor, loaded the first time the page has clippings to place. */
  loadAnchoring(): Promise<Anchoring>;
  /** The page's identity for the archive: the article's canonical address, else the tab's. */
  pageUrl(article: Article): string;
  /** After every change to the placed clippings: loaded, saved, removed, article read again. */
  onChange(anchors: PageAnchors, firstLoad: boolean): void;
  /** How the marks follow the viewport when there are many (tests pass geometry). */
  viewport?: ViewportMarksOptions;
}

export class PageClippings {
  private article: Article | null = null;
  private url: string | null = null;
  private records: ClippingRecord[] = [];
  private placed: Placed[] = [];
  private loaded = false;
  /** Bumped on every (re)load, so that a late answer for an older page is dropped. */
  private generation = 0;
  private anchoring: Anchoring | null = null;
  private waitingForAnchoring = false;
  private readonly marks: ViewportMarks;
  /** Index of each placed clipping's mark in `marks` (document order), by id. */
  private markIndex = new Map<string, number>();

  constructor(private readonly options: PageClippingsOptions) {
    this.marks = new ViewportMarks(options.doc, options.layer, options.viewport);
  }

  /** The article was read (or read again, or is gone: null): place the clippings on it. */
  follow(article: Article | null): void {
    this.article = article;
    const url = article ? this.options.pageUrl(article) : null;
    if (url !== this.url) {
      this.url = url;
      this.records = [];
      this.loaded = false;
      this.place();
      if (url) void this.load(url, true);
      return;
    }
    this.place();
  }

  /** Asks the archive again (the side panel deleted or restored one). */
  refresh(): Promise<void> {
    return this.url ? this.load(this.url, false) : Promise.resolve();
  }

  /** A clipping just saved from this page, at the span it was saved from. */
  added(record: ClippingRecord): void {
    if (this.records.some((r) => r.id === record.id)) return;
    this.records.push(record);
    this.records.sort((a, b) => a.selectors.position.start - b.selectors.position.start || a.createdAt - b.createdAt);
    this.place();
  }

  /** A clipping deleted from this page (the toast's undo). */
  removed(id: string): void {
    const before = this.records.length;
    this.records = this.records.filter((r) => r.id !== id);
    if (this.records.length !== before) this.place();
  }

  anchors(): PageAnchors {
    return { url: this.url, loaded: this.loaded, anchors: this.placed.map(toAnchor) };
  }

  /** Registers a placed clipping's mark now if it was left out (far from the viewport), before scrolling to it. */
  show(id: string): void {
    const i = this.markIndex.get(id);
    if (i !== undefined) this.marks.reveal(i);
  }

  /** A live range over a placed clipping, for scrolling to it. */
  rangeOf(id: string): Range | null {
    const p = this.placed.find((x) => x.record.id === id);
    return p?.range ? liveRange(this.options.doc, p.range) : null;
  }

  destroy(): void {
    this.generation++;
    this.article = null;
    this.url = null;
    this.records = [];
    this.placed = [];
    this.marks.destroy();
    this.markIndex.clear();
    this.options.layer?.clearClippings();
  }

  private async load(url: string, firstLoad: boolean): Promise<void> {
    const archive = this.options.archive;
    if (!archive) return;
    const generation = ++this.generation;
    const asked = new Set(this.records.map((r) => r.id));
    const reply = await archive.forPage(url).catch(() => null);
    if (generation !== this.generation || url !== this.url) return;
    if (!reply || !reply.ok) {
      // The archive could not answer (being upgraded, the extension reloading): no marks,
      // nothing claimed lost. The next read of the article asks again.
      this.url = null;
      return;
    }
    // The archive's answer, and clippings saved on this page while it was on its way.
    const known = new Set(reply.clippings.map((c) => c.id));
    this.records = [...reply.clippings, ...this.records.filter((r) => !known.has(r.id) && !asked.has(r.id))];
    this.loaded = true;
    this.place(firstLoad);
  }

  /** Anchors every clipping on the current text and marks the placed ones. */
  private place(firstLoad = false): void {
    const { layer, doc } = this.options;
    const article = this.article;
    const anchoring = this.anchoring;
    if (article && this.records.length > 0 && !anchoring) {
      this.waitForAnchoring(firstLoad);
      return;
    }
    this.marks.clear();
    this.markIndex.clear();
    layer?.clearClippings();
    if (!article) {
      this.placed = [];
      return;
    }
    this.placed = this.records.map((record) => {
      let result: AnchorResult;
      try {
        result = anchoring!.anchor(article.text, record.selectors);
      } catch {
        result = { status: 'orphan' };
      }
      const range = result.status === 'orphan' ? null : staticRange(doc, article.map, result.start, result.end);
      return { record, result, range };
    });
    // The marks in document order, as the viewport window needs them.
    const marked = this.placed
      .filter((p) => p.range !== null && p.result.status !== 'orphan')
      .sort((a, b) => start(a) - start(b));
    const marks: Mark[] = marked.map((p, i) => {
      this.markIndex.set(p.record.id, i);
      return { name: HIGHLIGHT_NAMES.clipping, range: p.range! };
    });
    this.marks.add(marks);
    this.options.onChange(this.anchors(), firstLoad);
  }

  /** Loads lib/anchor, then places the clippings (again). Our own script failing to load leaves them unmarked. */
  private waitForAnchoring(firstLoad: boolean): void {
    if (this.waitingForAnchoring) return;
    this.waitingForAnchoring = true;
    this.options.loadAnchoring().then(
      (anchoring) => {
        this.waitingForAnchoring = false;
        this.anchoring = anchoring;
        this.place(firstLoad);
      },
      () => {
        this.waitingForAnchoring = false;
      },
    );
  }
}

function start({ result }: Placed): number {
  return result.status === 'orphan' ? 0 : result.start;
}

function toAnchor({ record, result }: Placed): ClippingAnchor {
  if (result.status === 'orphan') return { id: record.id, status: 'orphan', changes: [] };
  return { id: record.id, status: result.status, start: result.start, end: result.end, changes: result.changes ?? [] };
}
