/**
 * Dry run and application of an import against the archive database. Applying is one
 * read-write transaction over pages, clippings, settings, the archive's counts
 * (lib/store/tallies.ts, updated from the plan in memory, one write per count) and the
 * search words (lib/store/words.ts, a log record per thousand clippings): the plan
 * is made again inside it (the archive may have changed since the dry run), then written
 * in chunks;
 * any failure or a cancel inside it aborts the transaction, and IndexedDB leaves the
 * archive as it was. (The repository has no bulk-import method that keeps record ids
 * and times, which a restore needs, so this module writes through the ArchiveDB.)
 *
 * Inside the transaction nothing but database work is awaited: a pause on a timer
 * would let IndexedDB commit it early. The chunks still let the page breathe, since
 * each bulk write is asynchronous.
 */
import type { Snapshot } from '../backup/format.ts';
import { AbortError, CHUNK, throwIfAborted, type TaskOptions } from '../export/progress.ts';
import type { ArchiveDB } from '../store/db.ts';
import { deriveClipping } from '../store/derive.ts';
import type { ClippingRecord, PageRecord } from '../store/records.ts';
import { applyTally, Tally } from '../store/tallies.ts';
import { logClippings } from '../store/words.ts';
import { planMerge, type Existing, type MergePlan } from './merge.ts';

/** The archive records an import of `incoming` could touch. Call inside a transaction. */
async function loadExisting(db: ArchiveDB, incoming: Snapshot): Promise<Existing> {
  const [settings, somePage, someClipping] = await Promise.all([
    db.settings.get('archive'),
    db.pages.limit(1).primaryKeys(),
    db.clippings.limit(1).primaryKeys(),
  ]);
  const empty: Existing = { pagesById: new Map(), pagesByUrl: new Map(), clippingsById: new Map(), clippingsByPage: new Map(), settings: settings ?? null };
  // A restore into an empty archive (the common case, and the large one) reads nothing.
  // (Emptiness from one key of each table: a count walks the whole table in a browser.)
  if (somePage.length === 0 && someClipping.length === 0) return empty;

  const [byId, byUrl, clippings] = await Promise.all([
    db.pages.bulkGet(incoming.pages.map((p) => p.id)),
    db.pages.where('canonicalUrl').anyOf(incoming.pages.map((p) => p.canonicalUrl)).toArray(),
    db.clippings.bulkGet(incoming.clippings.map((c) => c.id)),
  ]);
  const pagesById = new Map<string, PageRecord>();
  for (const p of byId) if (p) pagesById.set(p.id, p);
  const pagesByUrl = new Map(byUrl.map((p) => [p.canonicalUrl, p] as const));
  const clippingsById = new Map<string, ClippingRecord>();
  for (const c of clippings) if (c) clippingsById.set(c.id, c);
  // Only a clipping not found by its id can be a twin under another id (merge.ts): the
  // archive's clippings are read only on the pages such clippings are on. Re-importing
  // a backup of this same archive finds every clipping by id and reads no page's list.
  const incomingPage = new Map(incoming.pages.map((p) => [p.id, p] as const));
  const targetIds = new Set<string>();
  for (const c of incoming.clippings) {
    if (clippingsById.has(c.id)) continue;
    const p = incomingPage.get(c.pageId);
    const target = p ? (pagesByUrl.get(p.canonicalUrl) ?? pagesById.get(p.id)) : undefined;
    if (target) targetIds.add(target.id);
  }
  const onPages = targetIds.size ? await db.clippings.where('pageId').anyOf([...targetIds]).toArray() : [];
  const clippingsByPage = new Map<string, ClippingRecord[]>();
  for (const c of onPages) {
    const list = clippingsByPage.get(c.pageId);
    if (list) list.push(c);
    else clippingsByPage.set(c.pageId, [c]);
  }
  return { pagesById, pagesByUrl, clippingsById, clippingsByPage, settings: settings ?? null };
}

/** The archive's counts after the plan is written (lib/store/tallies.ts): what each written record replaces, out; the record, in. */
function tallyOfPlan(plan: MergePlan, existing: Existing): Tally {
  const tally = new Tally();
  const before = new Map<string, ClippingRecord>(existing.clippingsById);
  for (const list of existing.clippingsByPage.values()) for (const c of list) before.set(c.id, c);
  for (const c of plan.clippings) tally.replace(before.get(c.id), c);
  const knownPages = new Set([...existing.pagesById.keys(), ...[...existing.pagesByUrl.values()].map((p) => p.id)]);
  for (const p of plan.pages) tally.page(p, !knownPages.has(p.id));
  return tally;
}

/** What an import would do, without writing. Not `async`: see `guard` in lib/store/errors.ts. */
export function dryRun(db: ArchiveDB, incoming: Snapshot): Promise<MergePlan> {
  return db.transaction('r', [db.pages, db.clippings, db.settings], () => loadExisting(db, incoming).then((e) => planMerge(incoming, e)));
}

/**
 * Writes in chunks, the next chunk sent before the last one is done: the page serializes
 * one while the browser's database process stores the other (two cores at work, not one
 * waiting for the other). Progress is reported as each chunk completes.
 */
async function putInChunks<T>(table: { bulkPut(items: readonly T[]): Promise<unknown> }, items: readonly T[], phase: string, options: TaskOptions): Promise<void> {
  let pending: { write: Promise<unknown>; end: number } | null = null;
  for (let start = 0; start < items.length; start += CHUNK) {
    throwIfAborted(options.signal);
    const end = Math.min(items.length, start + CHUNK);
    const write = table.bulkPut(items.slice(start, end));
    // Observed at once: if it fails while the previous chunk is awaited, that failure is the one thrown.
    write.catch(() => undefined);
    if (pending) {
      await pending.write;
      options.onProgress?.({ phase, done: pending.end, total: items.length });
    }
    pending = { write, end };
  }
  if (pending) {
    await pending.write;
    options.onProgress?.({ phase, done: pending.end, total: items.length });
  }
}

/** Merges `incoming` into the archive in one transaction; returns what was done. */
export async function apply(db: ArchiveDB, incoming: Snapshot, options: TaskOptions = {}): Promise<MergePlan> {
  throwIfAborted(options.signal);
  try {
    return await write(db, incoming, options);
  } catch (error) {
    // Dexie reports an aborted transaction as its own AbortError, with ours (or the
    // ImportError that caused it) inside: callers get the reason, not the mechanism.
    // (Caught in a native async function: an error named AbortError passing through a
    // Dexie promise's handlers is turned into a DexieError.)
    if (options.signal?.aborted) throw new AbortError();
    const inner = (error as { inner?: unknown }).inner;
    throw inner instanceof Error ? inner : error;
  }
}

function write(db: ArchiveDB, incoming: Snapshot, options: TaskOptions): Promise<MergePlan> {
  return db.transaction('rw', [db.pages, db.clippings, db.settings, db.tallies, db.searchLog], async () => {
    const existing = await loadExisting(db, incoming);
    const plan = planMerge(incoming, existing);
    await putInChunks(db.pages, plan.pages, 'write pages', options);
    await putInChunks(db.clippings, plan.clippings, 'write clippings', options);
    if (plan.changedPages.length) {
      // Clippings already in the archive on a page the import changed: derive them again.
      const written = new Set(plan.clippings.map((c) => c.id));
      const pages = new Map(plan.pages.map((p) => [p.id, p] as const));
      const others = (await db.clippings.where('pageId').anyOf(plan.changedPages).toArray()).filter((c) => !written.has(c.id));
      const rederived = others.map((c) => ({ ...c, ...deriveClipping(c, pages.get(c.pageId)!) }));
      await putInChunks(db.clippings, rederived, 'update clippings', options);
      await logClippings(db, rederived);
    }
    await logClippings(db, plan.clippings);
    if (plan.settings) await db.settings.put(plan.settings);
    await applyTally(db, tallyOfPlan(plan, existing));
    // A cancel that arrives during the last write still undoes everything.
    if (options.signal?.aborted) throw new AbortError();
    return plan;
  });
}
