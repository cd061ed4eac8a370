// First, before Dexie loads: Dexie's live queries need a global indexedDB when the module initialises.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../lib/store/errors.ts';
import { SCHEMA_VERSION, type ClippingRecord } from '../../lib/store/records.ts';
import { clip, clip3307, DOC, entitiesIn, FIG, fresh, PAGE, QUOTE_3307 } from './helpers.ts';

describe('saving', () => {
  it('saves a clipping with its page and derived fields', async () => {
    const { repo } = fresh();
    const { clipping, page } = await repo.saveClipping(clip3307({ note: 'Kiểm tra lại', tags: ['  ngân   sách ', 'Đầu tư'] }));

    expect(page).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      canonicalUrl: 'https://bdv.binhphuoc.gov.vn/tin-tuc/giai-ngan-von-dau-tu-1234.html',
      url: 'https://bdv.binhphuoc.gov.vn/tin-tuc/giai-ngan-von-dau-tu-1234.html', // trackers and fragment gone
      host: 'bdv.binhphuoc.gov.vn',
      province: 'Bình Phước',
      publishedAt: Date.parse('2024-03-12T08:30:00+07:00'),
      deleted: false,
    });
    expect(clipping).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      pageId: page.id,
      quote: QUOTE_3307,
      note: 'Kiểm tra lại',
      tags: ['ngân sách', 'Đầu tư'],
      colour: 'yellow',
      deleted: false,
      deletedAt: null,
      host: 'bdv.binhphuoc.gov.vn',
      province: 'Bình Phước',
      kinds: ['document', 'figure'],
      docCodes: ['3307/qd-ubnd'],
      figureUnits: ['VND'],
    });
    expect(clipping.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(clipping.tokens).toEqual(expect.arrayContaining(['quyet', '3307/qd-ubnd', '1640', 'kiem', 'ngan', 'giai', 'binh']));
    expect(clipping.createdAt).toBe(clipping.updatedAt);
  });

  it('upserts the page by canonical URL, from any link to it, and keeps newer metadata', async () => {
    const { repo } = fresh();
    const a = await repo.saveClipping(clip3307());
    const b = await repo.saveClipping(
      clip('Một đoạn khác.', {}, { url: `${PAGE.canonicalUrl}?fbclid=abc#x`, title: 'Tiêu đề đã sửa', published: null }),
    );
    expect(b.page.id).toBe(a.page.id);
    expect(b.page.title).toBe('Tiêu đề đã sửa');
    expect(b.page.published).toBe(PAGE.published); // null does not erase what is known
    expect(b.page.firstSeen).toBe(a.page.firstSeen);
    // the older clipping follows its page's new title in search
    const found = await repo.search('tieu de da sua');
    expect(found.items.map((v) => v.clipping.quote).sort()).toEqual(['Một đoạn khác.', QUOTE_3307].sort());
  });

  it('keeps one clipping when the same text at the same place is saved twice', async () => {
    const { repo } = fresh();
    const a = await repo.saveClipping(clip3307());
    const b = await repo.saveClipping(clip3307());
    expect(b.clipping.id).toBe(a.clipping.id);
    expect((await repo.stats()).clippings).toBe(1);
  });

  it('saves a page alone', async () => {
    const { repo } = fresh();
    const page = await repo.savePage({ url: 'https://hanoi.gov.vn/tin/1?utm_source=x' });
    expect(page).toMatchObject({ canonicalUrl: 'https://hanoi.gov.vn/tin/1', province: 'Hà Nội', title: null });
    expect((await repo.savePage({ url: 'https://hanoi.gov.vn/tin/1' })).id).toBe(page.id);
  });

  it('saves many clippings in one transaction', async () => {
    const { repo } = fresh();
    const views = await repo.saveClippings([clip3307(), clip('Đoạn hai.'), clip('Đoạn ba.', {}, { url: 'https://danang.gov.vn/x' })]);
    expect(views).toHaveLength(3);
    expect(new Set(views.map((v) => v.page.id)).size).toBe(2);
    const s = await repo.stats();
    expect(s).toMatchObject({ clippings: 3, pages: 2 });
  });

  it('remembers recent tags', async () => {
    const { repo } = fresh();
    await repo.saveClipping(clip('Một.', { tags: ['a', 'b'] }));
    await repo.saveClipping(clip('Hai.', { tags: ['c', 'A'] }));
    expect((await repo.getSettings()).recentTags).toEqual(['c', 'A', 'b']);
  });
});

describe('validation', () => {
  it.each([
    ['a quote that differs from its selector', () => ({ ...clip3307(), quote: 'khác' })],
    ['an entity whose offsets miss its text', () => clip3307({ entities: [{ ...entitiesIn(QUOTE_3307, [['3307', DOC('3307')]])[0]!, start: 0 }] })],
    ['an entity past the end', () => clip('ngắn', { entities: entitiesIn('ngắn gọn', [['gọn', DOC(null)]]) })],
    ['an unknown document type', () => clip3307({ entities: entitiesIn(QUOTE_3307, [['3307', { ...DOC('3307'), docType: 'Bí mật' }]]) })],
    ['a non-http page', () => clip('x', {}, { url: 'javascript:alert(1)' })],
    ['an empty quote', () => clip('')],
    ['a negative position', () => ({ ...clip('x'), selectors: { ...clip('x').selectors, position: { type: 'TextPositionSelector' as const, start: -1, end: 0 } } })],
    ['an unknown colour', () => clip('x', { colour: 'red' as never })],
    ['too many tags', () => clip('x', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })],
    ['a huge note', () => clip('x', { note: 'a'.repeat(20_001) })],
    ['not an object', () => 'clip' as never],
  ])('refuses %s and writes nothing', async (_, make) => {
    const { repo } = fresh();
    const error = await repo.saveClipping(make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('invalid');
    expect((error as StoreError).messageKey).toBe('storeErrorInvalid');
    expect(await repo.stats()).toMatchObject({ clippings: 0, pages: 0 });
  });

  it('names the problem', async () => {
    const { repo } = fresh();
    await expect(repo.saveClipping(clip('x', { colour: 'red' as never }))).rejects.toThrow(/colour/);
  });

  it('drops unknown keys, __proto__ included', async () => {
    const { repo } = fresh();
    const input = JSON.parse(`{"__proto__": {"polluted": true}, "extra": 1}`) as object;
    const { clipping } = await repo.saveClipping({ ...clip('x'), ...input } as never);
    expect(Object.keys(clipping)).not.toContain('extra');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('editing and deleting', () => {
  it('updates note, tags and colour, and search follows', async () => {
    const { repo } = fresh();
    const { clipping } = await repo.saveClipping(clip3307());
    const { clipping: updated } = await repo.updateClipping(clipping.id, { note: 'Đối chiếu số liệu', tags: ['hạ tầng'], colour: 'blue' });
    expect(updated).toMatchObject({ note: 'Đối chiếu số liệu', tags: ['hạ tầng'], colour: 'blue', createdAt: clipping.createdAt });
    expect(updated.updatedAt).toBeGreaterThan(clipping.updatedAt);
    expect((await repo.search('doi chieu')).items).toHaveLength(1);
    expect((await repo.listClippings({ filter: { tag: 'hạ tầng' } })).items).toHaveLength(1);
  });

  it('refuses to update a clipping that does not exist', async () => {
    const { repo } = fresh();
    await expect(repo.updateClipping('nope', { note: 'x' })).rejects.toMatchObject({ code: 'not-found', messageKey: 'storeErrorNotFound' });
  });

  it('deletes to a tombstone, hides it everywhere, and undoes', async () => {
    const { repo } = fresh();
    const { clipping } = await repo.saveClipping(clip3307());
    const { clipping: dead } = await repo.deleteClipping(clipping.id);
    expect(dead).toMatchObject({ deleted: true, id: clipping.id });
    expect(dead.deletedAt).toBeTypeOf('number');

    expect((await repo.listClippings()).items).toHaveLength(0);
    expect((await repo.listClippings()).total).toBe(0);
    expect((await repo.search('3307')).items).toHaveLength(0);
    expect((await repo.clippingsForPage(PAGE.url)).clippings).toHaveLength(0);
    expect((await repo.citationIndex()).rows).toHaveLength(0);
    expect(await repo.ledger()).toHaveLength(0);
    expect(await repo.stats()).toMatchObject({ clippings: 0, tombstones: 1, documents: 0, byKind: { document: 0, figure: 0 } });

    // deleting again changes nothing
    expect((await repo.deleteClipping(clipping.id)).clipping.deletedAt).toBe(dead.deletedAt);

    const { clipping: back } = await repo.undoDelete(clipping.id);
    expect(back).toMatchObject({ deleted: false, deletedAt: null });
    expect((await repo.search('3307')).items).toHaveLength(1);
    expect((await repo.stats()).tombstones).toBe(0);
  });

  it('purges old tombstones for good', async () => {
    const { repo, clock } = fresh();
    const a = await repo.saveClipping(clip('Một.'));
    const b = await repo.saveClipping(clip('Hai.'));
    await repo.deleteClipping(a.clipping.id);
    const cut = clock.t + 1;
    await repo.deleteClipping(b.clipping.id);
    expect(await repo.purgeTombstones(cut)).toBe(1);
    expect((await repo.getClippings([a.clipping.id, b.clipping.id])).map((v) => v.clipping.id)).toEqual([b.clipping.id]);
  });
});

describe('reading', () => {
  it('lists newest first, page by page with cursors, without gaps or repeats', async () => {
    const { repo } = fresh();
    const saved: ClippingRecord[] = [];
    for (let i = 0; i < 23; i++) saved.push((await repo.saveClipping(clip(`Đoạn số ${i}.`))).clipping);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await repo.listClippings({ limit: 5, cursor });
      expect(page.total).toBe(23);
      seen.push(...page.items.map((v) => v.clipping.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(saved.map((c) => c.id).reverse());
  });

  it('orders by last change on request, and pages with an offset', async () => {
    const { repo } = fresh();
    const a = await repo.saveClipping(clip('Một.'));
    await repo.saveClipping(clip('Hai.'));
    await repo.updateClipping(a.clipping.id, { note: 'mới sửa' });
    expect((await repo.listClippings({ order: 'updated' })).items[0]!.clipping.id).toBe(a.clipping.id);
    expect((await repo.listClippings({ order: 'created' })).items[0]!.clipping.quote).toBe('Hai.');
    expect((await repo.listClippings({ offset: 1, limit: 1 })).items[0]!.clipping.id).toBe(a.clipping.id);
  });

  it("returns a page's clippings in text order from any link to it", async () => {
    const { repo } = fresh();
    await repo.saveClipping({ ...clip('Sau.'), selectors: { ...clip('Sau.').selectors, position: { type: 'TextPositionSelector' as const, start: 500, end: 504 } } });
    await repo.saveClipping({ ...clip('Trước.'), selectors: { ...clip('Trước.').selectors, position: { type: 'TextPositionSelector' as const, start: 10, end: 16 } } });
    const { page, clippings } = await repo.clippingsForPage(`${PAGE.canonicalUrl}?utm_source=zalo#comments`);
    expect(page?.canonicalUrl).toBe(PAGE.canonicalUrl);
    expect(clippings.map((c) => c.quote)).toEqual(['Trước.', 'Sau.']);
    expect(await repo.clippingsForPage('https://other.gov.vn/x')).toEqual({ page: null, clippings: [] });
    expect(await repo.clippingsForPage('not a url')).toEqual({ page: null, clippings: [] });
  });

  it('rejects a forged cursor', async () => {
    const { repo } = fresh();
    await expect(repo.listClippings({ cursor: '{"__proto__":1}' })).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('hostile text', () => {
  const HOSTILE = [
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)>',
    '\u202Etxt.exe\u202C \u2066ẩn\u2069 \u200B',
    '=HYPERLINK("http://x.invalid")',
    "'; DROP TABLE clippings; --",
    'dòng một\r\ndòng hai\u0000nul',
  ];

  it('stores markup, scripts and bidi controls verbatim, in every text field', async () => {
    const { repo } = fresh();
    for (const h of HOSTILE) {
      const { clipping, page } = await repo.saveClipping(
        clip(`Trích: ${h}`, { note: h, tags: [`${h}`.slice(0, 100)] }, { url: 'https://hanoi.gov.vn/x', title: h, author: h, site: h }),
      );
      const [back] = await repo.getClippings([clipping.id]);
      expect(back!.clipping.quote).toBe(`Trích: ${h}`);
      expect(back!.clipping.note).toBe(h);
      expect(back!.page.title).toBe(h);
      expect(page.author).toBe(h);
    }
    // and they are searchable as words, not interpreted
    expect((await repo.search('script alert')).items.length).toBeGreaterThan(0);
  });
});

describe('live updates', () => {
  /** Waits until `ok()` holds (liveQuery emits asynchronously), at most two seconds. */
  async function until(ok: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !ok(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('re-runs a read when a save changes what it read', async () => {
    const { repo } = fresh();
    const counts: number[] = [];
    const errors: unknown[] = [];
    const sub = repo.live((r) => r.listClippings()).subscribe({
      next: (page) => counts.push(page.items.length),
      error: (e: unknown) => errors.push(e),
    });
    await until(() => counts.length > 0 || errors.length > 0);
    await repo.saveClipping(clip3307());
    await until(() => counts.includes(1) || errors.length > 0);
    sub.unsubscribe();
    expect(errors).toEqual([]);
    expect(counts[0]).toBe(0);
    expect(counts[counts.length - 1]).toBe(1);
  });

  it('keeps every kind of read live once the archive has data', async () => {
    const { repo } = fresh();
    await repo.saveClipping(clip('Đoạn đầu tiên.'));
    const seen: Record<string, number[]> = { list: [], search: [], stats: [], cites: [], page: [] };
    const errors: unknown[] = [];
    const subs = [
      repo.live((r) => r.listClippings({ filter: { province: 'Bình Phước' } })).subscribe({ next: (p) => seen.list!.push(p.items.length), error: (e: unknown) => errors.push(e) }),
      repo.live((r) => r.search('quyet dinh 3307')).subscribe({ next: (p) => seen.search!.push(p.items.length), error: (e: unknown) => errors.push(e) }),
      repo.live((r) => r.stats()).subscribe({ next: (s) => seen.stats!.push(s.clippings), error: (e: unknown) => errors.push(e) }),
      repo.live((r) => r.citationIndex()).subscribe({ next: (c) => seen.cites!.push(c.total), error: (e: unknown) => errors.push(e) }),
      repo.live((r) => r.clippingsForPage(PAGE.url)).subscribe({ next: (p) => seen.page!.push(p.clippings.length), error: (e: unknown) => errors.push(e) }),
    ];
    await until(() => Object.values(seen).every((v) => v.length > 0) || errors.length > 0);
    await repo.saveClipping(clip3307());
    await until(() => (seen.cites!.includes(1) && seen.page!.includes(2) && seen.search!.includes(1) && seen.stats!.includes(2)) || errors.length > 0);
    subs.forEach((s) => s.unsubscribe());
    expect(errors).toEqual([]);
    expect(seen.list!.at(-1)).toBe(2);
    expect(seen.search!.at(-1)).toBe(1);
    expect(seen.stats!.at(-1)).toBe(2);
    expect(seen.cites!.at(-1)).toBe(1);
    expect(seen.page!.at(-1)).toBe(2);
  });
});
