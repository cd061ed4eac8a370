/**
 * Getting the records an export reads: the whole archive in one read transaction (a
 * consistent snapshot, tombstones included, for the backup), or the clippings a filter
 * shows in the library (`snapshotOfViews`). Exporters themselves never touch the
 * database: they read a Snapshot.
 */
import type { Snapshot } from '../backup/format.ts';
import type { ArchiveDB } from '../store/db.ts';
import type { ClippingRecord, ClippingView, PageRecord, SettingsRecord } from '../store/records.ts';

export type { Snapshot } from '../backup/format.ts';

/** Every record of the archive as stored. Not `async`: see `guard` in lib/store/errors.ts. */
export function readSnapshot(db: ArchiveDB): Promise<Snapshot> {
  return db.transaction('r', db.pages, db.clippings, db.settings, () =>
    Promise.all([db.pages.toArray(), db.clippings.toArray(), db.settings.get('archive')]).then(([pages, clippings, settings]) => ({
      pages,
      clippings,
      settings: settings ?? null,
    })),
  );
}

/** The snapshot of a filtered list (what the library shows): those clippings and their pages. */
export function snapshotOfViews(views: readonly ClippingView[], settings: SettingsRecord | null = null): Snapshot {
  const pages = new Map<string, PageRecord>();
  for (const v of views) pages.set(v.page.id, v.page);
  return { pages: [...pages.values()], clippings: views.map((v) => v.clipping), settings };
}

/**
 * The live clippings with their pages, newest first (the library's order), for the
 * exports meant to be read rather than restored. Tombstones and clippings whose page
 * is missing or deleted are left out.
 */
export function liveViews(snapshot: Snapshot): ClippingView[] {
  const pages = new Map<string, PageRecord>();
  for (const p of snapshot.pages) if (!p.deleted) pages.set(p.id, p);
  const out: ClippingView[] = [];
  for (const clipping of snapshot.clippings) {
    if (clipping.deleted) continue;
    const page = pages.get(clipping.pageId);
    if (page) out.push({ clipping, page });
  }
  return out.sort((a, b) => newestFirst(a.clipping, b.clipping));
}

function newestFirst(a: ClippingRecord, b: ClippingRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
