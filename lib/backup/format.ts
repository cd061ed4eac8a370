/**
 * The JSON backup: what it holds and how its records relate to the stored ones.
 *
 *   { format: 'trich-luc-backup', version: 1, exportedAt, pages, clippings, settings }
 *
 * A backup carries every record, tombstones included (a merge on another device needs
 * them), and leaves out the fields the store derives (`DERIVED_*_FIELDS`): they are
 * recomputed on import, so a backup never disagrees with the derivation of the version
 * that reads it, and it is a third smaller. `deletedAt` is kept although the store
 * lists it as derived: it is when the reader deleted the clipping, which nothing else
 * records once the tombstone has been edited.
 *
 * `version` is the version of this file format; each record also carries the store's
 * `schemaVersion`. A change to either shape is a new version, never a silent addition.
 */
import { deriveClipping, derivePage } from '../store/derive.ts';
import type { ClippingRecord, PageRecord, SettingsRecord } from '../store/records.ts';

export const BACKUP_FORMAT = 'trich-luc-backup';
export const BACKUP_VERSION = 1;

/** What the exporters read and the importers produce: records as the store keeps them. */
export interface Snapshot {
  pages: PageRecord[];
  clippings: ClippingRecord[];
  /** Null for an archive that never saved its settings (and for formats that carry none). */
  settings: SettingsRecord | null;
}

export type BackupPage = Omit<PageRecord, 'host' | 'province' | 'publishedAt'>;
export type BackupClipping = Omit<ClippingRecord, 'host' | 'province' | 'publishedAt' | 'kinds' | 'docCodes' | 'figureUnits' | 'tokens'>;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 instant. */
  exportedAt: string;
  pages: BackupPage[];
  clippings: BackupClipping[];
  settings: SettingsRecord | null;
}

// Field by field rather than by deleting keys from a copy: a fixed key order makes
// backups of the same archive byte-identical, and a literal is what V8 builds fastest.

export function toBackupPage(p: PageRecord): BackupPage {
  return {
    schemaVersion: p.schemaVersion,
    id: p.id,
    url: p.url,
    canonicalUrl: p.canonicalUrl,
    title: p.title,
    published: p.published,
    author: p.author,
    site: p.site,
    firstSeen: p.firstSeen,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    deleted: p.deleted,
  };
}

export function toBackupClipping(c: ClippingRecord): BackupClipping {
  return {
    schemaVersion: c.schemaVersion,
    id: c.id,
    pageId: c.pageId,
    quote: c.quote,
    selectors: c.selectors,
    entities: c.entities,
    note: c.note,
    tags: c.tags,
    colour: c.colour,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    deleted: c.deleted,
    deletedAt: c.deletedAt,
  };
}

/** A stored page from its backup form: the derived fields recomputed. */
export function fromBackupPage(p: BackupPage): PageRecord {
  return { ...p, ...derivePage(p) };
}

/** A stored clipping from its backup form and its (stored) page. */
export function fromBackupClipping(c: BackupClipping, page: PageRecord): ClippingRecord {
  return { ...c, ...deriveClipping(c, page) };
}
