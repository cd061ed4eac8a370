/**
 * The ordered ids of a filter's matches (order.ts) must be exactly what checking every
 * record gives, newest first, for any filter and search the library can ask; and they
 * must follow the archive as it changes (a save, a delete, an undo, a purge).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { queryTerms } from '../../lib/search/index.ts';
import { openArchiveDB, type ArchiveDB } from '../../lib/store/db.ts';
import { matchesFilter, normalizeFilter, type ClippingFilter, type NormalFilter } from '../../lib/store/filter.ts';
import { seedArchive } from '../../lib/store/fixtures.ts';
import { canOrder, orderedIds, type OrderTrace } from '../../lib/store/order.ts';
import type { ClippingRecord } from '../../lib/store/records.ts';
import { createRepo } from '../../lib/store/repo.ts';
import { clip, fresh } from './helpers.ts';

const N = 1_200;
let db: ArchiveDB;
let all: ClippingRecord[];

beforeAll(async () => {
  ({ db } = fresh());
  await seedArchive(db, N, { seed: 7, codes: 30, hostile: 0.05 });
  const repo = createRepo(db, { now: () => Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 1e6) });
  const ids = (await db.clippings.limit(40).primaryKeys()) as string[];
  for (const id of ids.slice(0, 20)) await repo.updateClipping(id, { note: 'sửa lại' });
  for (const id of ids.slice(20)) await repo.deleteClipping(id);
  all = await db.clippings.toArray();
}, 120_000);

function brute(records: readonly ClippingRecord[], f: NormalFilter): string[] {
  return records
    .filter((c) => matchesFilter(c, f))
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((c) => c.id);
}

function ordered(d: ArchiveDB, f: NormalFilter, trace?: OrderTrace): Promise<string[] | null> {
  return d.transaction('r', [d.clippings, d.searchLog], () => orderedIds(d, f, trace));
}

const WORDS = ['quyet', 'dinh', 'ubnd', 'ty', 'dong', 'ha', 'von', 'giai', 'ngan', 'luat', 'dat', 'kiem', '2024', '350', 'qd-ubnd', 'xyz'];

describe('ordered ids', () => {
  it('agree with checking every record, for random filters and searches', async () => {
    const sample = (xs: string[]) => fc.constantFrom(...xs);
    const hosts = [...new Set(all.map((c) => c.host))];
    const provinces = [...new Set(all.flatMap((c) => (c.province ? [c.province] : [])))];
    const times = all.map((c) => c.createdAt).sort((a, b) => a - b);
    const filter: fc.Arbitrary<ClippingFilter> = fc.record(
      {
        host: sample(hosts),
        province: sample(provinces),
        tag: sample([...new Set(all.flatMap((c) => c.tags))]),
        kind: fc.constant('document' as const),
        docCode: sample([...new Set(all.flatMap((c) => c.docCodes))].slice(0, 20)),
        unit: sample([...new Set(all.flatMap((c) => c.figureUnits))]),
        pageId: sample([...new Set(all.map((c) => c.pageId))].slice(0, 20)),
        published: fc.record({ from: fc.constantFrom('2022-01-01', '2023-06-15'), to: fc.constantFrom('2024-12-31', '2025-12-31') }),
        // Save-time bounds on saved clippings exactly, to check both ends are inclusive.
        saved: fc.record({ from: fc.constantFrom(times[100]!, times[400]!), to: fc.constantFrom(times[700]!, times[1_100]!) }),
      },
      { requiredKeys: [] },
    );
    const query = fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((ws) => ws.join(' '));
    await fc.assert(
      fc.asyncProperty(filter, query, async (flt, q) => {
        const f = normalizeFilter(flt, queryTerms(q));
        expect(await ordered(db, f)).toEqual(brute(all, f));
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('the whole list, a site, a province with a site, without reading a record', async () => {
    for (const flt of [{}, { host: all[0]!.host }, { host: all[0]!.host, province: 'Hà Nội' }, { kind: 'document' as const }]) {
      const f = normalizeFilter(flt);
      const trace: OrderTrace = { keys: 0 };
      const ids = await ordered(db, f, trace);
      expect(ids).toEqual(brute(all, f));
      // Keys only: the order, the tombstones, one set per other criterion.
      expect(trace.keys).toBeLessThanOrEqual(2 * N + 100);
    }
  });

  it('has no answer for the kind "figure" (no index tells it)', async () => {
    const f = normalizeFilter({ kind: 'figure' });
    expect(canOrder(f)).toBe(false);
    expect(await ordered(db, f)).toBeNull();
  });

  it('follows saves, deletes, undos and purges', async () => {
    const { db: d, repo, clock } = fresh();
    const a = (await repo.saveClipping(clip('một quyết định'))).clipping.id;
    const b = (await repo.saveClipping(clip('hai quyết định'))).clipping.id;
    const c = (await repo.saveClipping(clip('ba quyết định'))).clipping.id;
    const f = normalizeFilter({}, queryTerms('quyet'));
    expect(await ordered(d, f)).toEqual([c, b, a]);
    await repo.deleteClipping(b);
    expect(await ordered(d, f)).toEqual([c, a]);
    expect(await repo.matchOrder('')).toEqual([c, a]);
    await repo.undoDelete(b);
    expect(await repo.matchOrder('quyet')).toEqual([c, b, a]);
    await repo.updateClipping(a, { note: 'khác' });
    expect(await repo.matchOrder('khac')).toEqual([a]);
    await repo.deleteClipping(c);
    await repo.purgeTombstones(clock.t + 1);
    expect(await repo.matchOrder('')).toEqual([b, a]);
    expect(await repo.matchOrder('', { kind: 'figure' })).toBeNull();
    // Many changes at once (the order is sorted afresh rather than patched), some older than the rest.
    clock.t -= 1e9;
    const batch = await repo.saveClippings(Array.from({ length: 100 }, (_, i) => clip(`lô ${i} quyết định`)));
    const records = await d.clippings.toArray();
    expect(await repo.matchOrder('')).toEqual(brute(records, normalizeFilter({})));
    expect(await repo.matchOrder('quyet', { saved: { from: batch[10]!.clipping.createdAt, to: batch[20]!.clipping.createdAt } })).toEqual(
      batch.slice(10, 21).map((v) => v.clipping.id).reverse(),
    );
  });

  it('reads index keys for an archive whose log has no save times, and agrees', async () => {
    const { db: d, factory } = fresh();
    await seedArchive(d, 300, { seed: 9 });
    const repo = createRepo(d);
    const some = (await d.clippings.limit(5).primaryKeys()) as string[];
    for (const id of some) await repo.deleteClipping(id);
    // The log as a v4 archive wrote it.
    await d.searchLog.toCollection().modify((r) => {
      delete r.created;
    });
    const other = openArchiveDB({ name: d.name, indexedDB: factory, IDBKeyRange });
    const records = await other.clippings.toArray();
    for (const flt of [{}, { host: records[0]!.host }, { tag: records[0]!.tags[0] ?? 'x' }]) {
      const f = normalizeFilter(flt, queryTerms('quyet'));
      const trace: OrderTrace = { keys: 0 };
      expect(await ordered(other, f, trace)).toEqual(brute(records, f));
      // The order's keys were read: at least the lane's.
      expect(trace.keys).toBeGreaterThan(0);
    }
    other.close();
  });
});
