/**
 * The counts every write keeps (lib/store/tallies.ts) against the archive's records:
 * after saves, batches, edits, deletes, undos, purges, imports and the upgrade that
 * introduces them, each kept count equals the count made by reading every record, and
 * the views built on them (stats, citation index, list totals) say what the records say.
 */
import { describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { exportBackup, readSnapshot } from '../../lib/export/index.ts';
import { applyImport, readImport } from '../../lib/import/index.ts';
import { declareVersions, openArchiveDB, type ArchiveDB } from '../../lib/store/db.ts';
import { generateClippings } from '../../lib/store/fixtures.ts';
import { createRepo } from '../../lib/store/repo.ts';
import { tallyOf, type TallyRecord } from '../../lib/store/tallies.ts';
import { allTallies } from '../../lib/store/counts.ts';
import { MAX_RUN, pendingCounts, RUN } from '../../lib/store/words.ts';
import { clip, clip3307, fresh } from './helpers.ts';
import { textOf } from '../export/helpers.ts';

/** The kept counts, as a sorted list of "kind value n [label]". */
async function kept(db: ArchiveDB): Promise<string[]> {
  return (await db.transaction('r', db.tallies, db.searchLog, () => allTallies(db))).map(line).sort();
}

/** The counts made from every record. */
async function counted(db: ArchiveDB): Promise<string[]> {
  const [pages, clippings] = await Promise.all([db.pages.toArray(), db.clippings.toArray()]);
  return [...tallyOf(pages, clippings).deltas.values()].filter((t) => t.n > 0 || t.kind === 'all' || t.kind === 'pages').map(line).sort();
}

function line(t: TallyRecord): string {
  return `${t.kind} ${JSON.stringify(t.value)} ${t.n}${t.kind === 'host' ? ` ${t.label ?? ''}` : ''}`;
}

describe('kept counts', () => {
  it('follow saves that read before they write: a repeat, a new title (clippings derived again), a repeat with a new title', async () => {
    const { db, repo } = fresh();
    const first = await repo.saveClipping(clip3307());
    const second = await repo.saveClipping(clip('khác hẳn', { tags: ['một'] }));
    expect(await kept(db)).toEqual(await counted(db));
    const retitled = { ...clip3307(), page: { ...clip3307().page, title: 'Tiêu đề mới xyzzy', site: 'Cổng mới' } };
    // The same clipping on a page whose title changed: the repeat is returned as derived again.
    const again = await repo.saveClipping(retitled);
    expect(again.clipping.id).toBe(first.clipping.id);
    expect(again.clipping.tokens).toContain('xyzzy');
    expect(await kept(db)).toEqual(await counted(db));
    // A new clipping on a page whose title changes again: its words and its siblings' are logged.
    const retitled2 = { ...clip('đoạn thứ ba', { tags: ['hai'] }), page: { ...clip3307().page, title: 'Lại đổi plugh' } };
    const third = await repo.saveClipping(retitled2);
    expect(await kept(db)).toEqual(await counted(db));
    // All three are on that page.
    expect((await repo.search('plugh')).items.map((v) => v.clipping.id).sort()).toEqual([first, second, third].map((v) => v.clipping.id).sort());
    expect((await repo.getSettings()).recentTags).toEqual(['hai', 'một']);
  });

  it('follow saves, batches, edits, deletes, undos and purges', async () => {
    const { db, repo, clock } = fresh();
    await repo.saveClipping(clip3307());
    await repo.saveClipping(clip3307()); // the same clipping again: nothing new
    const batch = await repo.saveClippings(generateClippings(120, { seed: 11 }));
    expect(await kept(db)).toEqual(await counted(db));

    const ids = batch.map((v) => v.clipping.id);
    await repo.updateClipping(ids[0]!, { tags: ['mới', 'ngân sách'] });
    await repo.deleteClipping(ids[1]!);
    await repo.deleteClipping(ids[2]!);
    await repo.deleteClipping(ids[2]!); // twice: changes nothing
    await repo.undoDelete(ids[1]!);
    await repo.deleteClipping(ids[3]!);
    expect(await kept(db)).toEqual(await counted(db));

    // A page's newer metadata (its site name labels its host).
    await repo.savePage({ url: 'https://bdv.binhphuoc.gov.vn/tin-tuc/giai-ngan-von-dau-tu-1234.html', site: 'Tên mới của cổng' });
    expect(await kept(db)).toEqual(await counted(db));

    expect(await repo.purgeTombstones(clock.t + 1)).toBe(2);
    expect(await kept(db)).toEqual(await counted(db));

    const stats = await repo.stats();
    expect(stats.clippings).toBe(119);
    expect(stats.tombstones).toBe(0);
    expect(stats.pages).toBe(await db.pages.count());
    expect((await repo.listClippings()).total).toBe(119);
  });

  it('follow an import into an empty archive and into one that has some of it', async () => {
    const source = fresh();
    const views = await source.repo.saveClippings(generateClippings(150, { seed: 12 }));
    await source.repo.deleteClipping(views[0]!.clipping.id);
    await source.repo.updateClipping(views[1]!.clipping.id, { note: 'sửa' });
    const backup = textOf(await exportBackup(await readSnapshot(source.db)));

    const target = fresh();
    await target.repo.saveClippings(generateClippings(30, { seed: 13 }));
    await applyImport(target.db, await readImport(backup));
    expect(await kept(target.db)).toEqual(await counted(target.db));
    // The same file again: every record found by id, nothing counted twice.
    await applyImport(target.db, await readImport(backup));
    expect(await kept(target.db)).toEqual(await counted(target.db));

    const empty = fresh();
    await applyImport(empty.db, await readImport(backup));
    expect(await kept(empty.db)).toEqual(await counted(empty.db));
    expect((await empty.repo.stats()).clippings).toBe(149);
  });

  it('carried by single saves in the search log reach the count records when the run is folded', async () => {
    const { db, repo } = fresh();
    const inputs = generateClippings(RUN + 10, { seed: 16 });
    const saved: string[] = [];
    const tail = () => db.transaction('r', db.searchLog, () => pendingCounts(db));
    for (const [i, input] of inputs.entries()) {
      saved.push((await repo.saveClipping(input)).clipping.id);
      if (i % 9 === 4) await repo.updateClipping(saved[i - 2]!, { tags: [`sửa ${i % 3}`] });
      if (i % 11 === 5) await repo.deleteClipping(saved[i - 1]!);
      // Before and after the run is due: what readers see is what the records say.
      if (i === RUN - 8 || i === inputs.length - 1) expect(await kept(db)).toEqual(await counted(db));
    }
    // No save waited for a fold: the counts are still in the log's tail.
    expect((await tail()).some((t) => t.kind === 'doc')).toBe(true);
    const stats = await repo.stats();
    expect(stats.clippings + stats.tombstones).toBe(inputs.length);
    // Cited documents are counted from the records and the tail together.
    const live = (await db.clippings.toArray()).filter((c) => !c.deleted);
    expect(stats.documents).toBe(new Set(live.flatMap((c) => c.docCodes)).size);
    // Once saves pause, the run is folded: the records alone hold the counts.
    await vi.waitFor(async () => expect(await tail()).toEqual([]), { timeout: 10_000, interval: 100 });
    expect(await kept(db)).toEqual(await counted(db));
    expect((await db.tallies.get(['all', '']))?.n).toBe(inputs.length);
    expect(await repo.compactLog()).toBe(false); // nothing left to fold
  });

  it('are folded by a write itself when a burst of saves never pauses', async () => {
    const { db, repo } = fresh();
    const inputs = generateClippings(MAX_RUN + 3, { seed: 17 });
    for (const input of inputs) await repo.saveClipping(input);
    const last = await db.searchLog.orderBy(':id').last();
    expect(last!.run).toBeLessThanOrEqual(3);
    expect(await kept(db)).toEqual(await counted(db));
    repo.close();
  });

  it('written directly (an import) add up with those still in the log, even below zero for a while', async () => {
    const { db, repo, clock } = fresh();
    const { clipping } = await repo.saveClipping(clip('Vốn đầu tư công năm nay', { tags: ['cũ'] }));
    // The same clipping, edited elsewhere later: the import takes its tag 'cũ' away from a
    // count whose +1 is still in the log, and adds 'mới'.
    const backup = JSON.parse(textOf(await exportBackup(await readSnapshot(db))));
    backup.clippings[0].tags = ['mới'];
    backup.clippings[0].updatedAt = clock.t + 60_000;
    await applyImport(db, await readImport(JSON.stringify(backup)));
    expect((await db.tallies.get(['tag', 'cũ']))?.n).toBe(-1);
    expect(await kept(db)).toEqual(await counted(db));
    expect((await repo.stats()).tags).toEqual([{ tag: 'mới', count: 1 }]);
    expect((await repo.getClippings([clipping.id]))[0]?.clipping.tags).toEqual(['mới']);
  });

  it('are made by the upgrade from version 2', async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie('archive-v2', { indexedDB: factory, IDBKeyRange }) as ArchiveDB;
    declareVersions(v2, 2);
    let t = Date.UTC(2025, 0, 1);
    const repoV2 = createRepo(openArchiveDB({ name: 'scratch', indexedDB: new IDBFactory(), IDBKeyRange }), { now: () => (t += 1000) });
    // Records as version 2 wrote them: made by the repository elsewhere, copied in.
    const scratch = await repoV2.saveClippings([...generateClippings(40, { seed: 14 }), clip('Đoạn khác.')]);
    await v2.open();
    await v2.table('pages').bulkPut([...new Map(scratch.map((s) => [s.page.id, s.page])).values()]);
    await v2.table('clippings').bulkPut(scratch.map((s, i) => (i % 10 === 0 ? { ...s.clipping, deleted: true, deletedAt: t } : s.clipping)));
    v2.close();

    const db = openArchiveDB({ name: 'archive-v2', indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(await kept(db)).toEqual(await counted(db));
    const stats = await createRepo(db).stats();
    expect(stats.clippings + stats.tombstones).toBe(41);
    expect(stats.tombstones).toBe(5);
  });

  it('give the citation index its order and sites without reading the archive', async () => {
    const { repo } = fresh();
    await repo.saveClippings(generateClippings(200, { seed: 15 }));
    const index = await repo.citationIndex();
    const all = await repo.listClippings({ limit: Infinity });
    for (const row of index.rows.slice(0, 10)) {
      const citing = all.items.filter((v) => v.clipping.docCodes.includes(row.key));
      expect(row.clippingCount).toBe(citing.length);
      expect(new Set(row.clippingIds)).toEqual(new Set(citing.map((v) => v.clipping.id)));
      expect(row.hosts).toEqual([...new Set(citing.map((v) => v.clipping.host))].sort());
    }
    const counts = index.rows.map((r) => r.clippingCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
