/**
 * A backup file (lib/backup/format.ts) checked and turned into stored records: the
 * envelope first (format, version), then each record against its schema in chunks
 * (so a large file keeps the page responsive), then what the schema cannot say: ids
 * unique, page addresses canonical and unique, every clipping's page present, quotes
 * and selectors agreeing, entities inside their quotes. Derived fields are recomputed.
 */
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION, fromBackupClipping, fromBackupPage, type BackupClipping, type BackupPage, type Snapshot } from '../backup/format.ts';
import { BackupClippingSchema, BackupPageSchema, SettingsSchema } from '../backup/schema.ts';
import { inChunks, type TaskOptions } from '../export/progress.ts';
import type { ClippingRecord, PageRecord } from '../store/records.ts';
import { canonicalizeUrl } from '../store/url.ts';
import { tidyTags } from '../store/validate.ts';
import { ImportError } from './errors.ts';
import { checkEntities, parseAt } from './validate.ts';

const EnvelopeSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  pages: v.array(v.unknown()),
  clippings: v.array(v.unknown()),
  settings: v.unknown(),
});

export function isBackup(value: unknown): value is { format: string } {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === BACKUP_FORMAT;
}

function checkVersion(value: { format: string }): void {
  const version = (value as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) {
    throw new ImportError(
      'unknown-version',
      `unknown backup version ${JSON.stringify(version) ?? 'none'} (this version of Trích Lục reads version ${BACKUP_VERSION}; a newer backup needs a newer Trích Lục)`,
      'version',
    );
  }
}

function checkPage(p: BackupPage, i: number): void {
  const at = `pages.${i}`;
  if (canonicalizeUrl(p.url) === null) throw new ImportError('invalid', 'not an http(s) address', `${at}.url`);
  if (canonicalizeUrl(p.canonicalUrl) !== p.canonicalUrl) throw new ImportError('invalid', 'not a canonical http(s) address', `${at}.canonicalUrl`);
}

function checkClipping(c: BackupClipping, i: number): void {
  const at = `clippings.${i}`;
  if (c.selectors.quote.exact !== c.quote) throw new ImportError('invalid', 'selectors.quote.exact differs from quote', at);
  if (c.selectors.position.end < c.selectors.position.start) throw new ImportError('invalid', 'the position ends before it starts', `${at}.selectors.position`);
  checkEntities(c.quote, c.entities, `${at}.entities`);
}

export async function snapshotFromBackup(value: { format: string }, options: TaskOptions = {}): Promise<Snapshot> {
  checkVersion(value);
  const envelope = parseAt(EnvelopeSchema, value, '');

  const pages: PageRecord[] = [];
  const pageById = new Map<string, PageRecord>();
  const urls = new Set<string>();
  await inChunks(envelope.pages, 'validate pages', options, (raw, i) => {
    const p = parseAt(BackupPageSchema, raw, `pages.${i}`);
    checkPage(p, i);
    if (pageById.has(p.id)) throw new ImportError('invalid', `the page id ${JSON.stringify(p.id)} appears twice`, `pages.${i}.id`);
    if (urls.has(p.canonicalUrl)) throw new ImportError('invalid', 'two pages have this address', `pages.${i}.canonicalUrl`);
    urls.add(p.canonicalUrl);
    const page = fromBackupPage(p);
    pageById.set(p.id, page);
    pages.push(page);
  });

  const clippings: ClippingRecord[] = [];
  const clippingIds = new Set<string>();
  await inChunks(envelope.clippings, 'validate clippings', options, (raw, i) => {
    const c = parseAt(BackupClippingSchema, raw, `clippings.${i}`);
    checkClipping(c, i);
    if (clippingIds.has(c.id)) throw new ImportError('invalid', `the clipping id ${JSON.stringify(c.id)} appears twice`, `clippings.${i}.id`);
    clippingIds.add(c.id);
    const page = pageById.get(c.pageId);
    if (!page) throw new ImportError('invalid', 'no page in the file has this id', `clippings.${i}.pageId`);
    clippings.push(fromBackupClipping({ ...c, tags: tidyTags(c.tags) }, page));
  });

  const settings = envelope.settings === null ? null : parseAt(SettingsSchema, envelope.settings, 'settings');
  return { pages, clippings, settings };
}
