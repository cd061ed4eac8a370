/**
 * The ledger's compact entries (aggregates.ts `ledgerEntries`, from the figures in the
 * search log's memory) must be the ledger that reading the clippings gives, row for row
 * and in the same order, as the archive changes; and an archive whose log predates the
 * figures gets the same answer from the records.
 */
import { describe, expect, it } from 'vitest';
import { IDBKeyRange } from 'fake-indexeddb';
import { openArchiveDB } from '../../lib/store/db.ts';
import { seedArchive } from '../../lib/store/fixtures.ts';
import { createRepo, type Repo } from '../../lib/store/repo.ts';
import { ledgerEntryOf, type LedgerEntry } from '../../lib/store/aggregates.ts';
import { clip, entitiesIn, FIG, fresh } from './helpers.ts';

/** The ledger read from the records, as entries. */
async function fromRecords(repo: Repo, unit?: string): Promise<LedgerEntry[]> {
  const rows = await repo.ledger(unit === undefined ? {} : { unit });
  return rows.map(ledgerEntryOf);
}

describe('ledger entries', () => {
  it('are the ledger the records give, for every unit, as clippings are saved, edited, deleted and restored', async () => {
    const { db, repo } = fresh();
    await seedArchive(db, 600, { seed: 21 });
    const stats = await repo.stats();
    const units = stats.units.map((u) => u.unit);
    expect(units.length).toBeGreaterThan(3);
    const check = async () => {
      for (const unit of [...units.slice(0, 6), undefined]) expect(await repo.ledgerEntries(unit === undefined ? {} : { unit })).toEqual(await fromRecords(repo, unit));
    };
    await check();
    const some = (await db.clippings.where('figureUnits').equals(units[0]!).primaryKeys()) as string[];
    await repo.deleteClipping(some[0]!);
    await repo.deleteClipping(some[1]!);
    await repo.undoDelete(some[1]!);
    await repo.updateClipping(some[2]!, { note: 'sửa' });
    const quote = 'Diện tích 120 ha và 35 ha đất.';
    await repo.saveClipping(clip(quote, { entities: entitiesIn(quote, [['120 ha', FIG(120, 'ha', 'area')], ['35 ha', FIG(35, 'ha', 'area')]]) }));
    await check();
    const ha = await repo.ledgerEntries({ unit: 'ha' });
    expect(ha.slice(0, 2).map((e) => [e.figure.value, e.entityIndex])).toEqual([
      [120, 0],
      [35, 1],
    ]);
  }, 60_000);

  it('come from the records when the log predates the figures', async () => {
    const { db, factory } = fresh();
    await seedArchive(db, 200, { seed: 4 });
    await db.searchLog.toCollection().modify((r) => {
      delete r.created;
      delete r.figures;
    });
    const repo = createRepo(openArchiveDB({ name: db.name, indexedDB: factory, IDBKeyRange }));
    const unit = (await repo.stats()).units[0]!.unit;
    const entries = await repo.ledgerEntries({ unit });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries).toEqual(await fromRecords(repo, unit));
    repo.close();
  });
});
