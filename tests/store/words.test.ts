/**
 * The search log (lib/store/words.ts): every write reaches it, small records are folded
 * into blocks, and a connection's words follow writes made through another connection.
 */
import { describe, expect, it } from 'vitest';
import { IDBKeyRange } from 'fake-indexeddb';
import { openArchiveDB } from '../../lib/store/db.ts';
import { createRepo } from '../../lib/store/repo.ts';
import { RUN } from '../../lib/store/words.ts';
import { clip, fresh, PAGE } from './helpers.ts';

describe('search log', () => {
  it('folds a run of single saves into one block, and search still finds every one', async () => {
    const { db, repo } = fresh();
    for (let i = 0; i < RUN * 2 + 5; i++) await repo.saveClipping(clip(`đoạn số ${i} về ngân sách`));
    // Folding waits for the saves to pause (repo FOLD_DELAY_MS); asked for now, it folds now.
    expect(await repo.compactLog()).toBe(true);
    const log = await db.searchLog.toArray();
    expect(log.length).toBe(1);
    expect(log[0]!.run).toBe(0);
    expect((await repo.search('ngan sach', {}, { limit: 10 })).total).toBe(RUN * 2 + 5);
    expect((await repo.search(`so ${RUN + 3}`)).total).toBe(1);
  });

  it('follows edits, deletions, page changes and purges', async () => {
    const { repo } = fresh();
    const { clipping } = await repo.saveClipping(clip('Một đoạn trích.', { note: 'ghi chú alpha' }));
    expect((await repo.search('ghi chu alpha')).total).toBe(1);
    await repo.updateClipping(clipping.id, { note: 'ghi chú omega' });
    expect((await repo.search('ghi chu alpha')).total).toBe(0);
    expect((await repo.search('ghi chu omega')).total).toBe(1);
    await repo.savePage({ ...PAGE, title: 'Tiêu đề hoàn toàn mới' });
    expect((await repo.search('tieu de hoan toan moi')).total).toBe(1);
    await repo.deleteClipping(clipping.id);
    expect((await repo.search('ghi chu omega')).total).toBe(0);
    await repo.undoDelete(clipping.id);
    expect((await repo.search('ghi chu omega')).total).toBe(1);
    await repo.deleteClipping(clipping.id);
    await repo.purgeTombstones(Date.now() * 2);
    expect((await repo.search('ghi chu')).total).toBe(0);
  });

  it('sees what another connection wrote since its last search', async () => {
    const { factory, db, repo } = fresh();
    await repo.saveClipping(clip('Quyết định thứ nhất.'));
    const other = createRepo(openArchiveDB({ name: db.name, indexedDB: factory, IDBKeyRange }));
    expect((await other.search('quyet dinh')).total).toBe(1);
    await repo.saveClipping(clip('Quyết định thứ hai.'));
    await repo.saveClippings(Array.from({ length: RUN + 1 }, (_, i) => clip(`Quyết định lô ${i}.`)));
    expect((await other.search('quyet dinh')).total).toBe(RUN + 3);
    expect((await other.search('quyet dinh thu hai')).total).toBe(1);
    other.close();
  });
});
