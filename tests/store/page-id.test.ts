/**
 * A page a save creates takes the id derived from its address (lib/store/page-id.ts), so
 * a later save finds its clippings in its first round of requests. Pages stored under any
 * other id (older saves, imports) keep working the same, and a derived id already held by
 * another page is never taken over.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, readSnapshot } from '../../lib/export/index.ts';
import { applyImport, readImport } from '../../lib/import/index.ts';
import { pageIdOf } from '../../lib/store/page-id.ts';
import { clip, clip3307, fresh, PAGE } from './helpers.ts';
import { textOf } from '../export/helpers.ts';

const OTHER = { ...PAGE, url: 'https://sotc.binhphuoc.gov.vn/tin-tuc/du-toan-ngan-sach-88.html', canonicalUrl: null, title: 'Dự toán ngân sách' };

describe('page ids', () => {
  it('are derived from the canonical address, the same for the same page, UUID-shaped', async () => {
    const { repo } = fresh();
    const a = await repo.saveClipping(clip3307());
    const b = await repo.saveClipping(clip('Một đoạn khác của bài.'));
    expect(a.page.id).toBe(pageIdOf('https://bdv.binhphuoc.gov.vn/tin-tuc/giai-ngan-von-dau-tu-1234.html'));
    expect(b.page.id).toBe(a.page.id);
    expect(a.page.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pageIdOf('https://a.gov.vn/x')).not.toBe(pageIdOf('https://a.gov.vn/y'));
    // Saving the same text at the same place again: the clipping already there.
    expect((await repo.saveClipping(clip3307())).clipping.id).toBe(a.clipping.id);
  });

  it('of pages stored under another id still find repeats, and a derived id held by another page is left to it', async () => {
    const source = fresh();
    const saved = await source.repo.saveClipping(clip3307());
    const backup = JSON.parse(textOf(await exportBackup(await readSnapshot(source.db))));
    // The page arrives under a random id, and that page's derived id is held by a page of
    // another address (an older archive, another device: anything can be in a backup).
    backup.pages[0].id = 'b7d3a0c2-5f1e-4c8a-9d2b-0e6f4a1c3b5d';
    backup.clippings[0].pageId = backup.pages[0].id;
    backup.pages.push({ ...backup.pages[0], id: pageIdOf('https://sotc.binhphuoc.gov.vn/tin-tuc/du-toan-ngan-sach-88.html'), url: 'https://sotc.binhphuoc.gov.vn/tin-tuc/mot-trang-khac.html', canonicalUrl: 'https://sotc.binhphuoc.gov.vn/tin-tuc/mot-trang-khac.html' });
    const { db, repo } = fresh();
    await applyImport(db, await readImport(JSON.stringify(backup)));

    const again = await repo.saveClipping(clip3307());
    expect(again.clipping.id).toBe(saved.clipping.id);
    expect(again.page.id).toBe('b7d3a0c2-5f1e-4c8a-9d2b-0e6f4a1c3b5d');

    const other = await repo.saveClipping(clip('Dự toán thu ngân sách năm nay.', {}, OTHER));
    expect(other.page.id).not.toBe(pageIdOf(other.page.canonicalUrl));
    expect((await repo.saveClipping(clip('Dự toán thu ngân sách năm nay.', {}, OTHER))).clipping.id).toBe(other.clipping.id);
    const pages = await db.pages.toArray();
    expect(pages.map((p) => p.canonicalUrl).sort()).toEqual([
      'https://bdv.binhphuoc.gov.vn/tin-tuc/giai-ngan-von-dau-tu-1234.html',
      'https://sotc.binhphuoc.gov.vn/tin-tuc/du-toan-ngan-sach-88.html',
      'https://sotc.binhphuoc.gov.vn/tin-tuc/mot-trang-khac.html',
    ]);
  });
});
