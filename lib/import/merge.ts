/**
 * How an import merges into the archive, decided without writing anything (the dry
 * run shows this plan; applying it writes it). Pure: records in, records to write out.
 *
 * Identity: a page is the same page when its id or its canonical URL matches (two
 * devices saving one article give it two ids but one address); a clipping when its id
 * matches, or when it quotes the same text at the same place of the same page (what
 * the store itself treats as saving twice).
 *
 * Each incoming record is then
 * - new: written as it is (with its page's id in the archive);
 * - a duplicate: the same content (bookkeeping such as ids and times aside): left alone;
 * - a conflict: same identity, different content. The later `updatedAt` wins. For a
 *   clipping, whole record against whole record (a tombstone newer than the live copy
 *   deletes it, a live copy newer than a tombstone revives it). For a page, field by
 *   field as the store itself updates pages: the newer side's known metadata wins and
 *   the other side fills what it lacks (a file of annotations from another tool knows a
 *   page's address but not its title, and must not erase it); the first address read is
 *   kept. The archive's id and the earliest creation time are kept; a tie keeps what
 *   the archive has.
 */
import type { Snapshot } from '../backup/format.ts';
import { deriveClipping, derivePage } from '../store/derive.ts';
import type { ClippingRecord, PageRecord, SettingsRecord } from '../store/records.ts';
import { ImportError } from './errors.ts';

export interface Counts {
  /** Records the file adds. */
  new: number;
  /** Records the archive already has as they are. */
  duplicate: number;
  /** Records present in both with different content. */
  conflict: number;
  /** Of the conflicts, those where the import rewrites the archive's record (the file's is newer, or fills a gap). */
  replaced: number;
}

export type SettingsOutcome = 'none' | 'new' | 'duplicate' | 'replaced' | 'kept';

export interface MergeSummary {
  pages: Counts;
  clippings: Counts;
  settings: SettingsOutcome;
}

/** What the archive holds that the import touches. */
export interface Existing {
  pagesById: ReadonlyMap<string, PageRecord>;
  pagesByUrl: ReadonlyMap<string, PageRecord>;
  clippingsById: ReadonlyMap<string, ClippingRecord>;
  /** Live clippings of the pages the file's pages map to, for finding the same quote under another id. */
  clippingsByPage: ReadonlyMap<string, readonly ClippingRecord[]>;
  settings: SettingsRecord | null;
}

export interface MergePlan {
  summary: MergeSummary;
  pages: PageRecord[];
  clippings: ClippingRecord[];
  settings: SettingsRecord | null;
  /** Pages whose fields change: their other clippings must be derived again (host, title in tokens…). */
  changedPages: string[];
}

const zero = (): Counts => ({ new: 0, duplicate: 0, conflict: 0, replaced: 0 });

const PAGE_FIELDS = ['title', 'published', 'author', 'site'] as const;

/** The page after merging `p` from the file into `e` from the archive (see above). */
function mergedPage(e: PageRecord, p: PageRecord): PageRecord {
  const newer = p.updatedAt > e.updatedAt;
  const out: PageRecord = { ...e, deleted: newer ? p.deleted : e.deleted, firstSeen: Math.min(e.firstSeen, p.firstSeen), createdAt: Math.min(e.createdAt, p.createdAt) };
  for (const f of PAGE_FIELDS) out[f] = newer ? (p[f] ?? e[f]) : (e[f] ?? p[f]);
  return { ...out, ...derivePage(out) };
}

function samePage(a: PageRecord, b: PageRecord): boolean {
  return PAGE_FIELDS.every((f) => a[f] === b[f]) && a.deleted === b.deleted;
}

/** Deep equality of plain JSON values (entities, selectors). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameClipping(a: ClippingRecord, b: ClippingRecord): boolean {
  return (
    a.quote === b.quote &&
    a.note === b.note &&
    a.colour === b.colour &&
    a.deleted === b.deleted &&
    sameJson(a.tags, b.tags) &&
    sameJson(a.selectors, b.selectors) &&
    sameJson(a.entities, b.entities)
  );
}

/** The store's "same clipping" (write.ts, findSame): same text at the same place with the same context. */
function contentKey(c: ClippingRecord): string {
  const q = c.selectors.quote;
  return JSON.stringify([c.selectors.position.start, c.quote, q.prefix, q.suffix]);
}

export function planMerge(incoming: Snapshot, existing: Existing): MergePlan {
  const summary: MergeSummary = { pages: zero(), clippings: zero(), settings: 'none' };
  const pagesOut: PageRecord[] = [];
  const changedPages: string[] = [];
  /** Incoming page id → the page it is in the archive after the merge. */
  const finalPage = new Map<string, PageRecord>();

  for (const p of incoming.pages) {
    const byUrl = existing.pagesByUrl.get(p.canonicalUrl);
    const byId = existing.pagesById.get(p.id);
    if (byId && byId.canonicalUrl !== p.canonicalUrl && !byUrl) {
      throw new ImportError('conflict', `the page id ${JSON.stringify(p.id)} belongs to another page in the archive (${byId.canonicalUrl})`);
    }
    const e = byUrl ?? byId;
    if (!e) {
      summary.pages.new++;
      pagesOut.push(p);
      finalPage.set(p.id, p);
      continue;
    }
    if (samePage(e, p)) {
      summary.pages.duplicate++;
      finalPage.set(p.id, e);
      continue;
    }
    summary.pages.conflict++;
    const merged = mergedPage(e, p);
    if (samePage(merged, e)) {
      finalPage.set(p.id, e); // the archive's page already says all the file's does, and is newer
      continue;
    }
    summary.pages.replaced++;
    merged.updatedAt = Math.max(e.updatedAt, p.updatedAt);
    pagesOut.push(merged);
    changedPages.push(e.id);
    finalPage.set(p.id, merged);
  }

  const clippingsOut: ClippingRecord[] = [];
  const twins = new Map<string, Map<string, ClippingRecord>>();
  const twinOf = (pageId: string, c: ClippingRecord): ClippingRecord | undefined => {
    let byKey = twins.get(pageId);
    if (!byKey) {
      byKey = new Map();
      for (const s of existing.clippingsByPage.get(pageId) ?? []) if (!s.deleted) byKey.set(contentKey(s), s);
      twins.set(pageId, byKey);
    }
    return c.deleted ? undefined : byKey.get(contentKey(c));
  };

  for (const c of incoming.clippings) {
    const page = finalPage.get(c.pageId);
    if (!page) throw new ImportError('invalid', `the clipping ${JSON.stringify(c.id)} has no page in the file`);
    const byId = existing.clippingsById.get(c.id);
    if (byId && byId.pageId !== page.id) {
      throw new ImportError('conflict', `the clipping id ${JSON.stringify(c.id)} belongs to a clipping of another page in the archive`);
    }
    const e = byId ?? twinOf(page.id, c);
    if (!e) {
      summary.clippings.new++;
      clippingsOut.push({ ...c, pageId: page.id, ...deriveClipping(c, page) });
      continue;
    }
    if (sameClipping(e, c)) {
      summary.clippings.duplicate++;
      continue;
    }
    summary.clippings.conflict++;
    if (c.updatedAt > e.updatedAt) {
      summary.clippings.replaced++;
      const merged = { ...c, id: e.id, pageId: page.id, createdAt: Math.min(e.createdAt, c.createdAt) };
      clippingsOut.push({ ...merged, ...deriveClipping(merged, page) });
    }
  }

  let settings: SettingsRecord | null = null;
  const s = incoming.settings;
  const mine = existing.settings;
  if (s) {
    if (!mine) {
      summary.settings = 'new';
      settings = s;
    } else if (sameJson({ ...s, updatedAt: 0, persisted: null }, { ...mine, updatedAt: 0, persisted: null })) {
      summary.settings = 'duplicate';
    } else if (s.updatedAt > mine.updatedAt) {
      summary.settings = 'replaced';
      // Whether the browser granted persistent storage belongs to this browser, not the file.
      const recentTags = [...new Set([...s.recentTags, ...mine.recentTags])].slice(0, 30);
      settings = { ...s, persisted: mine.persisted, recentTags };
    } else {
      summary.settings = 'kept';
    }
  }

  return { summary, pages: pagesOut, clippings: clippingsOut, settings, changedPages };
}
