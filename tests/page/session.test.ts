import { describe, expect, it, vi } from 'vitest';
import { extractArticle, extractArticleSteps } from '@/lib/article';
import type { IdleScheduler } from '@/lib/highlight/schedule';
import { PageSession } from '@/lib/page/session';
import type { PageSummary } from '@/lib/page/types';
import { recognize } from '@/lib/recognize';
import { FIXTURES, readFixture } from '../fixtures/pages/catalog';
import { makeLargeArticle } from '../fixtures/pages/make-large';
import { testDocument } from '../helpers/dom';
import { messagesOf } from '../helpers/i18n';

const ARTICLE = FIXTURES.find((f) => f.file === 'newspaper-article.html')!;
const LISTING = FIXTURES.find((f) => f.file === 'nukeviet-bdv-listing.html')!;
const FX_LARGE = FIXTURES.find((f) => f.file === 'nukeviet-bdv-article.html')!.location;

/** Idle callbacks run on the next macrotask, with time to spare. */
const schedule: IdleScheduler = (cb) => {
  const id = setTimeout(() => cb({ timeRemaining: () => 20 }), 0);
  return () => clearTimeout(id);
};

/** A linkedom page with what the session reads of layout stubbed (no layout in linkedom). */
function page(html: string): Document {
  const doc = testDocument(html);
  Object.assign(doc.defaultView!, {
    getComputedStyle: () => ({ backgroundColor: 'rgb(255, 255, 255)', colorScheme: 'normal' }),
    matchMedia: () => ({ matches: false }),
  });
  return doc;
}

function session(doc: Document, url: string, onAnnotated = vi.fn<(s: PageSummary) => void>()) {
  const s = new PageSession({
    doc,
    url: () => url,
    extract: extractArticleSteps,
    recognize,
    t: messagesOf('en'),
    locale: 'en',
    onAnnotated,
    schedule,
    timing: { lateArticleDebounce: 10, lateArticleGiveUp: 400, articleChangeDebounce: 10 },
  });
  return { s, onAnnotated };
}

describe('PageSession', () => {
  it('reads an article in idle steps and reports its entities and metadata', async () => {
    const doc = page(readFixture(ARTICLE.file));
    const { s, onAnnotated } = session(doc, ARTICLE.location);
    s.start();
    expect(s.summary().state).toBe('annotating');
    await vi.waitFor(() => expect(onAnnotated).toHaveBeenCalledTimes(1));
    const summary = onAnnotated.mock.calls[0]![0];
    const expected = recognize(extractArticle(page(readFixture(ARTICLE.file)), ARTICLE.location).text);
    expect(summary.state).toBe('annotated');
    expect(summary.entities).toEqual(expected);
    expect(summary.page).toEqual({
      title: ARTICLE.title,
      published: ARTICLE.published,
      author: ARTICLE.author,
      site: ARTICLE.site,
      url: ARTICLE.url,
    });
    // Nothing was added to the page: no card has been opened.
    expect(doc.querySelector('trich-luc-ui')).toBeNull();
    s.destroy();
    expect(s.summary()).toEqual({ state: 'off', page: null, entities: [] });
  });

  it('reads a ~1 MB article over several steps, saying meanwhile that it is being read', async () => {
    const html = makeLargeArticle();
    const doc = page(html);
    const { s, onAnnotated } = session(doc, FX_LARGE);
    s.start();
    // Not read yet: the first slice did not finish it, the rest comes in idle steps.
    expect(s.summary()).toEqual({ state: 'annotating', page: null, entities: [] });
    await vi.waitFor(() => expect(onAnnotated).toHaveBeenCalledTimes(1), { timeout: 30_000, interval: 50 });
    const expected = recognize(extractArticle(page(html), FX_LARGE).text);
    expect(onAnnotated.mock.calls[0]![0].entities).toEqual(expected);
    s.destroy();
  }, 60_000);

  it('waits for an article a page inserts late, then reads it', async () => {
    const doc = page('<html><head><title>Tin</title></head><body><div id="app">Đang tải…</div></body></html>');
    const { s, onAnnotated } = session(doc, 'https://baobinhphuoc.com.vn/news/4/150123/a');
    s.start();
    expect(s.summary().state).toBe('waiting');
    const article = page(readFixture(ARTICLE.file));
    doc.getElementById('app')!.append(doc.importNode(article.body, true));
    await vi.waitFor(() => expect(onAnnotated).toHaveBeenCalledTimes(1));
    expect(s.summary().entities.length).toBeGreaterThan(10);
    s.destroy();
  });

  it('gives up waiting after a while on a page that is not an article', async () => {
    const doc = page(readFixture(LISTING.file));
    const { s, onAnnotated } = session(doc, LISTING.location);
    s.start();
    // 'annotating' while a slow machine is still reading it (past the first step's budget), then 'waiting'.
    expect(['waiting', 'annotating']).toContain(s.summary().state);
    await vi.waitFor(() => expect(s.summary().state).toBe('not-article'), { timeout: 2000 });
    expect(onAnnotated).not.toHaveBeenCalled();
    expect(doc.querySelector('trich-luc-ui')).toBeNull();
  });

  it('reveals only entities it has', async () => {
    const doc = page(readFixture(ARTICLE.file));
    const { s, onAnnotated } = session(doc, ARTICLE.location);
    expect(s.reveal(0)).toBe(false);
    s.start();
    await vi.waitFor(() => expect(onAnnotated).toHaveBeenCalled());
    const first = s.summary().entities[0]!;
    expect(s.reveal(first.start + 1)).toBe(false);
    s.destroy();
  });
});

describe('PageSession with the archive', () => {
  it("places the page's saved clippings once the article is read, and tells the reader about one it cannot find", async () => {
    const { anchor, describe: describeSpan } = await import('@/lib/anchor');
    const { assembleClipping, sentenceAround } = await import('@/lib/capture');
    const { saveSpan } = await import('@/lib/page/save');
    const doc = page(readFixture(ARTICLE.file));
    const text = extractArticle(page(readFixture(ARTICLE.file)), ARTICLE.location).text;
    const here = describeSpan(text, 0, 40);
    const gone = { quote: { type: 'TextQuoteSelector' as const, exact: 'Một câu đã bị gỡ khỏi bài viết này từ lâu rồi.', prefix: '', suffix: '' } };
    const record = (id: string, selectors: unknown) => ({ id, selectors, createdAt: 1 }) as never;
    const forPage = vi.fn(async () => ({ ok: true as const, page: null, clippings: [record('here', here), record('gone', { ...gone, position: { type: 'TextPositionSelector', start: 5, end: 9 } })] }));
    const onClippings = vi.fn();
    const s = new PageSession({
      doc,
      url: () => ARTICLE.location,
      extract: extractArticleSteps,
      recognize,
      t: messagesOf('en'),
      locale: 'en',
      onAnnotated: vi.fn(),
      schedule,
      archive: { save: vi.fn(), forPage, update: vi.fn(), remove: vi.fn() },
      loadClippingKit: async () => {
        const [{ Toast }, { ClippingNotice }] = await Promise.all([import('@/lib/ui/toast'), import('@/lib/ui/notice')]);
        return { anchor, describe: describeSpan, assembleClipping, sentenceAround, saveSpan, toast: (d, ui, t) => new Toast(d, ui, t), notice: (d, ui, t) => new ClippingNotice(d, ui, t) };
      },
      onClippings,
    });
    s.start();
    await vi.waitFor(() => expect(onClippings).toHaveBeenCalledWith(expect.objectContaining({ loaded: true })));
    expect(forPage).toHaveBeenCalledWith(ARTICLE.url);
    expect(s.clippingAnchors().anchors.map((a) => [a.id, a.status])).toEqual([
      ['here', 'exact'],
      ['gone', 'orphan'],
    ]);
    const notice = doc.querySelector('trich-luc-ui')!.shadowRoot!.querySelector('.notice')!;
    expect(notice.querySelector('.orphans')!.textContent).toBe(messagesOf('en')('noticeOrphans', ['1']));
    s.destroy();
    expect(doc.querySelector('trich-luc-ui')).toBeNull();
  });
});
