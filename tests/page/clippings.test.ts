import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { anchor, describe as describeSpan } from '@/lib/anchor';
import { extractArticle, type Article } from '@/lib/article';
import { assembleClipping } from '@/lib/capture';
import { HIGHLIGHT_NAMES, HighlightLayer, type HighlightApi } from '@/lib/highlight/layer';
import { PageClippings } from '@/lib/page/clippings';
import type { ArchiveClient, PageAnchors } from '@/lib/page/types';
import { recognize } from '@/lib/recognize';
import type { Repo } from '@/lib/store';
import { FIXTURES, readFixture } from '../fixtures/pages/catalog';
import { rangeText, testDocument } from '../helpers/dom';
import { fresh } from '../store/helpers';

const FX = FIXTURES.find((f) => f.file === 'nukeviet-bdv-article.html')!;
const FIGURE_SENTENCE =
  'Từ các mô hình, nhân dân trong tỉnh đã tự nguyện hiến trên 86 ha đất, đóng góp hơn 1.640 tỷ đồng và hàng chục nghìn ngày công để làm mới, nâng cấp 1.152 km đường giao thông nông thôn, xây dựng 2.318 căn nhà đại đoàn kết.';
const DECISION = 'Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

function layer() {
  const registry = new Map<string, FakeHighlight>();
  const api = { registry, create: () => new FakeHighlight() } as unknown as HighlightApi;
  return { layer: new HighlightLayer(api), marks: () => [...(registry.get(HIGHLIGHT_NAMES.clipping) ?? [])].map(rangeText) };
}

function article(edit: (html: string) => string = (h) => h): { doc: Document; article: Article } {
  const doc = testDocument(edit(readFixture(FX.file)));
  return { doc, article: extractArticle(doc, FX.location) };
}

/** The archive as the content script sees it, over a real repository on fake-indexeddb. */
function client(repo: Repo): ArchiveClient {
  const ok = <T extends object>(p: Promise<T>) => p.then((v) => ({ ok: true as const, ...v }));
  return {
    save: (c) => ok(repo.saveClipping(c)),
    forPage: (url) => ok(repo.clippingsForPage(url)),
    update: (id, patch) => ok(repo.updateClipping(id, patch)),
    remove: (id) => ok(repo.deleteClipping(id)),
  };
}

/** Saves the clipping of `part` as the content script would, from the original page. */
async function save(repo: Repo, part: string): Promise<string> {
  const { article: a } = article();
  const start = a.text.indexOf(part);
  const input = assembleClipping(
    {
      text: a.text,
      start,
      end: start + part.length,
      entities: recognize(a.text),
      page: { location: FX.location, canonical: a.url, title: a.title, published: a.published, author: a.author, site: a.site },
    },
    describeSpan,
  );
  return (await repo.saveClipping(input)).clipping.id;
}

function setup(repo: Repo, doc: Document, archive: ArchiveClient | null = client(repo)) {
  const { layer: l, marks } = layer();
  const onChange = vi.fn<(anchors: PageAnchors, firstLoad: boolean) => void>();
  const loadAnchoring = vi.fn(async () => ({ anchor, describe: describeSpan }));
  const clippings = new PageClippings({ doc, layer: l, archive, loadAnchoring, pageUrl: (a) => a.url ?? FX.location, onChange });
  return { clippings, marks, onChange, loadAnchoring };
}

describe('PageClippings', () => {
  it('finds saved clippings on the unchanged page and marks them, in text order', async () => {
    const { repo } = fresh();
    const a = await save(repo, FIGURE_SENTENCE);
    const b = await save(repo, DECISION);
    const { doc, article: art } = article();
    const { clippings, marks, onChange } = setup(repo, doc);
    clippings.follow(art);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ loaded: true }), true));
    const { anchors } = clippings.anchors();
    expect(anchors.map((x) => [x.id, x.status, x.changes])).toEqual([
      [a, 'exact', []],
      [b, 'exact', []],
    ]);
    expect(marks()).toEqual([FIGURE_SENTENCE, DECISION]);
    expect(clippings.anchors().url).toBe(FX.url);
  });

  it('reports a changed figure, still marking the clipping where it is now', async () => {
    const { repo } = fresh();
    const id = await save(repo, FIGURE_SENTENCE);
    const { doc, article: art } = article((h) => h.replace('hơn 1.640 tỷ đồng', 'hơn 1.650 tỷ đồng'));
    const { clippings, marks, onChange } = setup(repo, doc);
    clippings.follow(art);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ loaded: true }), true));
    expect(clippings.anchors().anchors).toEqual([
      expect.objectContaining({ id, status: 'fuzzy', changes: [expect.objectContaining({ kind: 'number', before: '1.640', after: '1.650' })] }),
    ]);
    expect(marks()).toEqual([FIGURE_SENTENCE.replace('1.640', '1.650')]);
  });

  it('finds a clipping whose paragraph moved, and lists one whose sentence is gone as an orphan, unmarked', async () => {
    const { repo } = fresh();
    const moved = await save(repo, DECISION);
    const gone = await save(repo, FIGURE_SENTENCE);
    const { doc, article: art } = article((h) =>
      h
        .replace(FIGURE_SENTENCE, '')
        .replace('<p style="text-align: justify;">Công tác dân vận', '<p>Một đoạn văn mới được chèn vào bài viết sau khi đăng.</p><p style="text-align: justify;">Công tác dân vận'),
    );
    const { clippings, marks, onChange } = setup(repo, doc);
    clippings.follow(art);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ loaded: true }), true));
    const byId = new Map(clippings.anchors().anchors.map((x) => [x.id, x]));
    expect(byId.get(moved)!.status).toBe('context');
    expect(byId.get(gone)).toEqual({ id: gone, status: 'orphan', changes: [] });
    expect(marks()).toEqual([DECISION]);
  });

  it('loads lib/anchor only for pages that have clippings', async () => {
    const { repo } = fresh();
    const { doc, article: art } = article();
    const { clippings, onChange, loadAnchoring } = setup(repo, doc);
    clippings.follow(art);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith({ url: FX.url, loaded: true, anchors: [] }, true));
    expect(loadAnchoring).not.toHaveBeenCalled();
  });

  it('marks a clipping saved from the page at once, and drops it on undo', async () => {
    const { repo } = fresh();
    const { doc, article: art } = article();
    const { clippings, marks, onChange } = setup(repo, doc);
    clippings.follow(art);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ loaded: true }), true));
    const id = await save(repo, DECISION);
    const [record] = await repo.getClippings([id]);
    clippings.added(record!.clipping);
    await vi.waitFor(() => expect(marks()).toEqual([DECISION]));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ anchors: [expect.objectContaining({ id, status: 'exact' })] }), false);
    clippings.removed(id);
    expect(marks()).toEqual([]);
    expect(clippings.anchors().anchors).toEqual([]);
  });

  it('places the clippings again when the article is read again, and after a refresh from the archive', async () => {
    const { repo } = fresh();
    const id = await save(repo, DECISION);
    const { doc, article: art } = article();
    const { clippings, marks, onChange } = setup(repo, doc);
    clippings.follow(art);
    await vi.waitFor(() => expect(marks()).toEqual([DECISION]));
    // The session clears every mark before reading the article again.
    clippings.follow(extractArticle(doc, FX.location));
    expect(marks()).toEqual([DECISION]);
    await repo.deleteClipping(id);
    await clippings.refresh();
    expect(marks()).toEqual([]);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ anchors: [] }), false);
    clippings.follow(null);
    expect(clippings.anchors()).toMatchObject({ url: null, anchors: [] });
  });

  it('claims nothing when the archive cannot answer', async () => {
    const { repo } = fresh();
    await save(repo, DECISION);
    const { doc, article: art } = article();
    const failing: ArchiveClient = { ...client(repo), forPage: async () => ({ ok: false, code: 'unknown', messageKey: 'storeErrorUnknown' }) };
    const { clippings, marks, onChange } = setup(repo, doc, failing);
    clippings.follow(art);
    await new Promise((r) => setTimeout(r, 20));
    expect(marks()).toEqual([]);
    expect(onChange).not.toHaveBeenCalledWith(expect.objectContaining({ loaded: true }), expect.anything());
  });
  it('past the threshold marks only the clippings near the viewport, and one revealed far off at once', async () => {
    const { repo } = fresh();
    const { article: original } = article();
    const first = await save(repo, original.text.slice(0, 40));
    const decision = await save(repo, DECISION);
    const figures = await save(repo, FIGURE_SENTENCE);
    const { doc, article: art } = article();
    const { layer: l, marks } = layer();
    const onChange = vi.fn<(anchors: PageAnchors, firstLoad: boolean) => void>();
    let frame: (() => void) | null = null;
    // One pixel per character of the article text, a 10 px viewport at its top.
    const clippings = new PageClippings({
      doc,
      layer: l,
      archive: client(repo),
      loadAnchoring: async () => ({ anchor, describe: describeSpan }),
      pageUrl: (a) => a.url ?? FX.location,
      onChange,
      viewport: {
        threshold: 2,
        geometry: {
          span: (range) => {
            const top = art.text.indexOf(rangeText(range).replace(/\s+/g, ' ').slice(0, 30));
            return { top, bottom: top + 5 };
          },
          viewportHeight: () => 10,
        },
        frame: (callback) => {
          frame = callback;
          return () => (frame = null);
        },
      },
    });
    clippings.follow(art);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ loaded: true }), true));
    // All three are placed (for the side panel); only the one at the top is marked, from the next frame.
    expect(clippings.anchors().anchors.map((a) => a.status)).toEqual(['exact', 'exact', 'exact']);
    (frame as unknown as () => void)();
    expect(marks()).toEqual([original.text.slice(0, 40)]);
    clippings.show(figures);
    expect(marks().map((m) => m.replace(/\s+/g, ' '))).toContain(FIGURE_SENTENCE);
    expect(clippings.anchors().anchors.map((a) => a.id)).toEqual(expect.arrayContaining([first, decision, figures]));
    clippings.destroy();
    expect(marks()).toEqual([]);
  });
});
