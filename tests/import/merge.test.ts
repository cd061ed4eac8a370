/**
 * Merging an import into an archive that already has records: the dry run's counts
 * (new, duplicate, conflicting), identity by id and by canonical URL or quoted place,
 * the later `updatedAt` winning a conflict, tombstones carried both ways, settings.
 */
import { describe, expect, it } from 'vitest';
import { toBackupClipping, toBackupPage, type BackupFile } from '../../lib/backup/format.ts';
import { exportBackup, readSnapshot } from '../../lib/export/index.ts';
import { applyImport, previewImport, readImport } from '../../lib/import/index.ts';
import { emptyArchive, seededArchive, sorted, textOf } from '../export/helpers.ts';

async function backupOf(n: number, seed: number): Promise<{ json: string; doc: BackupFile }> {
  const a = await seededArchive(n, { seed });
  const json = textOf(await exportBackup(a.snapshot));
  return { json, doc: JSON.parse(json) as BackupFile };
}

describe('merge import', () => {
  it('counts everything as duplicate when the archive already has the file, and writes nothing', async () => {
    const a = await seededArchive(30, { seed: 1 });
    const before = await readSnapshot(a.db);
    const parsed = await readImport(textOf(await exportBackup(before)));
    const summary = await applyImport(a.db, parsed);
    expect(summary.pages).toEqual({ new: 0, duplicate: before.pages.length, conflict: 0, replaced: 0 });
    expect(summary.clippings).toEqual({ new: 0, duplicate: 30, conflict: 0, replaced: 0 });
    expect(summary.settings).toBe('duplicate');
    expect(sorted(await readSnapshot(a.db))).toEqual(sorted(before));
  });

  it('lets the later updatedAt win a conflict, and the dry run says so first', async () => {
    const a = await seededArchive(20, { seed: 2 });
    const { doc } = await backupOf(0, 0);
    const before = await readSnapshot(a.db);
    const live = before.clippings.filter((c) => !c.deleted);
    const [newer, older, deleteIt] = [live[0]!, live[1]!, live[2]!];
    doc.pages = before.pages.map(toBackupPage);
    doc.clippings = [
      { ...newer, note: 'bản mới hơn', updatedAt: newer.updatedAt + 1 },
      { ...older, note: 'bản cũ hơn', updatedAt: older.updatedAt - 1 },
      { ...deleteIt, deleted: true, deletedAt: deleteIt.updatedAt + 5, updatedAt: deleteIt.updatedAt + 5 },
    ].map(toBackupClipping);
    const parsed = await readImport(JSON.stringify(doc));
    const preview = await previewImport(a.db, parsed);
    expect(preview.clippings).toEqual({ new: 0, duplicate: 0, conflict: 3, replaced: 2 });
    expect(sorted(await readSnapshot(a.db))).toEqual(sorted(before)); // the dry run wrote nothing
    await applyImport(a.db, parsed);
    const after = new Map((await readSnapshot(a.db)).clippings.map((c) => [c.id, c]));
    expect(after.get(newer.id)!.note).toBe('bản mới hơn');
    expect(after.get(newer.id)!.tokens).toContain('ban'); // derived again from the new note
    expect(after.get(older.id)!.note).toBe(older.note);
    expect(after.get(deleteIt.id)).toMatchObject({ deleted: true, deletedAt: deleteIt.updatedAt + 5 });
  });

  it('knows a page by its canonical URL and a clipping by its quoted place, whatever their ids', async () => {
    const a = await seededArchive(15, { seed: 3 });
    const before = await readSnapshot(a.db);
    const doc = JSON.parse(textOf(await exportBackup(before))) as BackupFile;
    // The same archive as another device would have it: every id different.
    const rename = new Map(doc.pages.map((p) => [p.id, `other-${p.id}`]));
    doc.pages = doc.pages.map((p) => ({ ...p, id: rename.get(p.id)! }));
    doc.clippings = doc.clippings.map((c) => ({ ...c, id: `other-${c.id}`, pageId: rename.get(c.pageId)! }));
    const summary = await applyImport(a.db, await readImport(JSON.stringify(doc)));
    const live = before.clippings.filter((c) => !c.deleted).length;
    expect(summary.pages.duplicate).toBe(before.pages.length);
    // Live clippings are found by place; tombstones are not matched by content, so they come in as tombstones.
    expect(summary.clippings.duplicate).toBe(live);
    expect(summary.clippings.new).toBe(before.clippings.length - live);
    const after = await readSnapshot(a.db);
    expect(after.pages.length).toBe(before.pages.length);
    expect(after.clippings.filter((c) => !c.deleted).length).toBe(live);
  });

  it('adds another archive to this one without touching what is here', async () => {
    const a = await seededArchive(25, { seed: 4 });
    const before = await readSnapshot(a.db);
    const { json, doc } = await backupOf(25, 5);
    const summary = await applyImport(a.db, await readImport(json));
    const after = await readSnapshot(a.db);
    expect(after.clippings.length).toBe(before.clippings.length + summary.clippings.new);
    expect(summary.clippings.new).toBe(doc.clippings.length);
    const kept = new Map(after.clippings.map((c) => [c.id, c]));
    for (const c of before.clippings) expect(kept.get(c.id)).toEqual(c);
  });

  it('imports into an empty archive with a summary of all new', async () => {
    const { json, doc } = await backupOf(12, 6);
    const target = emptyArchive();
    const summary = await applyImport(target.db, await readImport(json));
    expect(summary).toMatchObject({ format: 'backup', pages: { new: doc.pages.length }, clippings: { new: 12 }, settings: 'new', skipped: [] });
  });
});

describe('merge import of pages', () => {
  it('keeps a page title that a newer file of annotations from another tool does not know', async () => {
    const a = await seededArchive(5, { seed: 9 });
    const before = await readSnapshot(a.db);
    const live = before.clippings.find((c) => !c.deleted)!;
    const page = before.pages.find((p) => p.id === live.pageId)!;
    const foreign = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        created: new Date(page.updatedAt + 60_000).toISOString(),
        target: { source: page.url, selector: { type: 'TextQuoteSelector', exact: 'một câu khác' } },
      },
    ];
    const summary = await applyImport(a.db, await readImport(JSON.stringify(foreign)));
    expect(summary.pages).toEqual({ new: 0, duplicate: 0, conflict: 1, replaced: 0 });
    expect(summary.clippings.new).toBe(1);
    const after = await readSnapshot(a.db);
    expect(after.pages.find((p) => p.id === page.id)).toEqual(page);
    expect(after.clippings.find((c) => c.quote === 'một câu khác')!.pageId).toBe(page.id);
  });
});
