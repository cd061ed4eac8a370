/**
 * Shared by the export, import and convert tests: archives seeded through the real
 * repository on fake-indexeddb, export files as bytes and text.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readSnapshot, type ExportFile, type Snapshot } from '../../lib/export/index.ts';
import { seedArchive, type SeedOptions } from '../../lib/store/fixtures.ts';
import { openArchiveDB, type ArchiveDB } from '../../lib/store/db.ts';
import { createRepo, type Repo } from '../../lib/store/repo.ts';

let opened = 0;

export interface Archive {
  db: ArchiveDB;
  repo: Repo;
  factory: IDBFactory;
}

/** An empty archive on its own in-memory IndexedDB. */
export function emptyArchive(start = Date.UTC(2025, 0, 1)): Archive {
  const factory = new IDBFactory();
  const db = openArchiveDB({ name: `export-test-${++opened}`, indexedDB: factory, IDBKeyRange });
  let t = start;
  return { db, repo: createRepo(db, { now: () => (t += 1000) }), factory };
}

/** An archive of `n` generated clippings (fixtures.ts), some of them edited and deleted. */
export async function seededArchive(n: number, options: SeedOptions = {}): Promise<Archive & { snapshot: Snapshot }> {
  const archive = emptyArchive();
  await seedArchive(archive.db, n, options);
  const ids = (await archive.db.clippings.orderBy('createdAt').primaryKeys()).slice(0, Math.min(50, Math.ceil(n / 20)));
  for (const [i, id] of ids.entries()) {
    if (i % 2 === 0) await archive.repo.deleteClipping(id);
    else await archive.repo.updateClipping(id, { note: `Đã sửa lần ${i}: "trích dẫn", có dấu phẩy` });
  }
  await archive.repo.updateSettings({ defaultColour: 'green', lastExportAt: Date.UTC(2025, 0, 2) });
  return { ...archive, snapshot: await readSnapshot(archive.db) };
}

export function bytesOf(file: ExportFile): Uint8Array {
  const chunks = file.parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function textOf(file: ExportFile): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytesOf(file));
}

/** Records sorted by id, so snapshots compare whatever order the tables returned them in. */
export function sorted(snapshot: Snapshot): Snapshot {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { pages: [...snapshot.pages].sort(byId), clippings: [...snapshot.clippings].sort(byId), settings: snapshot.settings };
}
