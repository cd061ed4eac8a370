/**
 * Every write to the archive. Each public operation is one read-write transaction: it
 * either happens whole or, if anything throws inside (a full disk, a bad record), not at
 * all. Derived fields are recomputed here on every write.
 */
import { deriveClipping, derivePage } from './derive.ts';
import type { ArchiveDB } from './db.ts';
import { StoreError } from './errors.ts';
import {
  DEFAULT_COLOUR,
  SCHEMA_VERSION,
  type ClippingRecord,
  type ClippingView,
  type PageRecord,
  type SettingsRecord,
} from './records.ts';
import { applyTally, Tally } from './tallies.ts';
import { pageIdOf } from './page-id.ts';
import { canonicalizeUrl } from './url.ts';
import { validateClipping, validatePage, validatePatch, validateSettingsPatch, type ValidClipping } from './validate.ts';
import { lastLogKey, logClippings, logRemoved } from './words.ts';

export interface StoreContext {
  db: ArchiveDB;
  /** Epoch ms; injectable so tests control time. */
  now: () => number;
  /** Stable random ids. */
  newId: () => string;
}

type PageFields = ReturnType<typeof validatePage>;

/** The settings record as stored, or the defaults for an archive that has none yet. */
export function defaultSettings(at: number): SettingsRecord {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'archive',
    defaultColour: DEFAULT_COLOUR,
    recentTags: [],
    persisted: null,
    lastExportAt: null,
    updatedAt: at,
  };
}

function identity(input: PageFields): { canonicalUrl: string; url: string } {
  const url = canonicalizeUrl(input.url);
  const canonicalUrl = (input.canonicalUrl ? canonicalizeUrl(input.canonicalUrl) : null) ?? url;
  if (!url || !canonicalUrl) throw new StoreError('invalid', 'Invalid page: url is not an http(s) address');
  return { canonicalUrl, url };
}

/** Fields of a page that clippings copy or index: when one changes, its clippings are re-derived. */
function clippingRelevant(a: PageRecord, b: PageRecord): boolean {
  return a.host !== b.host || a.province !== b.province || a.publishedAt !== b.publishedAt || a.title !== b.title || a.site !== b.site;
}

/** Derives a page's clippings again (its title and site are in their words): rewritten and logged. */
async function rederiveClippings(ctx: StoreContext, page: PageRecord): Promise<void> {
  const clippings = await ctx.db.clippings.where('pageId').equals(page.id).toArray();
  const rederived = clippings.map((c) => ({ ...c, ...deriveClipping(c, page) }));
  await ctx.db.clippings.bulkPut(rederived);
  await logClippings(ctx.db, rederived);
}

/** The page stored under a canonical URL, if any. */
function findPage(ctx: StoreContext, canonicalUrl: string): Promise<PageRecord | undefined> {
  return ctx.db.pages.where('canonicalUrl').equals(canonicalUrl).first();
}

/** What an upsert of a page writes: decided in memory, so a save can read on while it is written. */
interface PagePlan {
  page: PageRecord;
  write: 'add' | 'put' | null;
  /** Fields its clippings copy changed: they are derived again (and logged). */
  rederive: boolean;
}

/**
 * The page after an upsert, by canonical URL: created, or brought up to date. Newer
 * non-empty metadata wins (a portal may correct a title); the first address read and the
 * first-seen time are kept. A deleted page is revived. Counts it in `tally`.
 */
function planPage(ctx: StoreContext, input: PageFields, existing: PageRecord | undefined, at: number, tally: Tally, newId: string): PagePlan {
  const { canonicalUrl, url } = identity(input);
  const firstSeen = input.firstSeen ?? at;
  if (!existing) {
    const base = { canonicalUrl, published: input.published ?? null };
    const page: PageRecord = {
      schemaVersion: SCHEMA_VERSION,
      id: newId,
      url,
      canonicalUrl,
      title: input.title ?? null,
      published: base.published,
      author: input.author ?? null,
      site: input.site ?? null,
      ...derivePage(base),
      firstSeen,
      createdAt: at,
      updatedAt: at,
      deleted: false,
    };
    tally.page(page, true);
    return { page, write: 'add', rederive: false };
  }
  const merged: PageRecord = {
    ...existing,
    schemaVersion: SCHEMA_VERSION,
    title: input.title ?? existing.title,
    published: input.published ?? existing.published,
    author: input.author ?? existing.author,
    site: input.site ?? existing.site,
    firstSeen: Math.min(existing.firstSeen, firstSeen),
    deleted: false,
  };
  Object.assign(merged, derivePage(merged));
  const changed = (Object.keys(merged) as (keyof PageRecord)[]).some((k) => merged[k] !== existing[k]);
  if (!changed) return { page: existing, write: null, rederive: false };
  merged.updatedAt = at;
  tally.page(merged, false);
  return { page: merged, write: 'put', rederive: clippingRelevant(existing, merged) };
}

/** Writes a planned page. Call inside a transaction on pages, clippings and searchLog. */
async function writePage(ctx: StoreContext, plan: PagePlan): Promise<void> {
  if (plan.write === 'add') await ctx.db.pages.add(plan.page);
  else if (plan.write === 'put') await ctx.db.pages.put(plan.page);
  if (plan.rederive) await rederiveClippings(ctx, plan.page);
}

/**
 * What a new page's id will be: derived from its address (page-id.ts) unless a page has
 * that id already (`holder`, read by id), then a random one.
 */
function newPageId(ctx: StoreContext, derived: string, holder: PageRecord | undefined): string {
  return holder ? ctx.newId() : derived;
}

/**
 * The page under a canonical URL, and the id it has: its own, or the one a new page will
 * take (`derived`, page-id.ts, unless another page holds it).
 */
function findPageAndId(ctx: StoreContext, canonicalUrl: string, derived = pageIdOf(canonicalUrl)): Promise<[PageRecord | undefined, string]> {
  return Promise.all([findPage(ctx, canonicalUrl), ctx.db.pages.get(derived)]).then(([existing, holder]) => [existing, existing ? existing.id : newPageId(ctx, derived, holder)]);
}

/** Creates the page or brings it up to date (`planPage`), by canonical URL. */
async function upsertPage(ctx: StoreContext, input: PageFields, at: number, tally: Tally): Promise<PageRecord> {
  const [existing, id] = await findPageAndId(ctx, identity(input).canonicalUrl);
  const plan = planPage(ctx, input, existing, at, tally, id);
  await writePage(ctx, plan);
  return plan.page;
}

export async function savePage(ctx: StoreContext, input: unknown): Promise<PageRecord> {
  const valid = validatePage(input);
  const { db } = ctx;
  return db.transaction('rw', [db.pages, db.clippings, db.tallies, db.searchLog], async () => {
    const tally = new Tally();
    const page = await upsertPage(ctx, valid, ctx.now(), tally);
    await applyTally(db, tally);
    return page;
  });
}

async function settingsOf(ctx: StoreContext, at: number): Promise<SettingsRecord> {
  return (await ctx.db.settings.get('archive')) ?? defaultSettings(at);
}

const RECENT_TAGS = 30;

/** Puts the tags first in the recent ones; `known` is the settings when the caller read them in this transaction. */
async function rememberTags(ctx: StoreContext, tags: readonly string[], at: number, known?: SettingsRecord): Promise<void> {
  if (tags.length === 0) return;
  const s = known ?? (await settingsOf(ctx, at));
  const lower = new Set(tags.map((t) => t.toLowerCase()));
  const recentTags = [...tags, ...s.recentTags.filter((t) => !lower.has(t.toLowerCase()))].slice(0, RECENT_TAGS);
  await ctx.db.settings.put({ ...s, recentTags, updatedAt: at });
}

/** The clippings of a page, tombstones too. */
function clippingsOf(ctx: StoreContext, pageId: string): Promise<ClippingRecord[]> {
  return ctx.db.clippings.where('pageId').equals(pageId).toArray();
}

/** A live clipping of the same text at the same place among a page's: saving twice (a double click) keeps one. */
function sameAmong(siblings: readonly ClippingRecord[], c: ValidClipping): ClippingRecord | undefined {
  const q = c.selectors.quote;
  return siblings.find(
    (s) =>
      !s.deleted &&
      s.quote === c.quote &&
      s.selectors.position.start === c.selectors.position.start &&
      s.selectors.quote.prefix === q.prefix &&
      s.selectors.quote.suffix === q.suffix,
  );
}

function newClipping(ctx: StoreContext, c: ValidClipping, page: PageRecord, at: number, defaultColour: ClippingRecord['colour']): ClippingRecord {
  const source = {
    quote: c.quote,
    selectors: c.selectors,
    entities: c.entities,
    note: c.note,
    tags: c.tags,
    deleted: false,
    updatedAt: at,
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    id: ctx.newId(),
    pageId: page.id,
    ...source,
    colour: c.colour ?? defaultColour,
    createdAt: at,
    ...deriveClipping(source, page),
  };
}

/**
 * Saves a clipping and its page (upserted by canonical URL) in one transaction. Saving
 * the same text at the same place of a page again returns the clipping already there.
 *
 * In a browser each request waits a round trip to the database process, so the save is
 * two rounds of requests issued together rather than a chain of them: (1) the settings,
 * the page, the log's last key, and the clippings under the id the page has when the
 * save created it (page-id.ts: a repeat?); (2) the page, the clipping, the recent tags
 * and the log entry written. Every read is of a record no other request of this
 * transaction writes before it, so the order within a round does not matter. The counts
 * the save changes ride on its log entry (tallies.ts): reading and writing them here was
 * a dozen records each way. A page stored under another id costs a round more (its
 * clippings), and so does a page whose title or site changed (its clippings are derived
 * again, and a repeat among them read again).
 */
export async function saveClipping(ctx: StoreContext, input: unknown): Promise<ClippingView> {
  const valid = validateClipping(input);
  const { db } = ctx;
  const { canonicalUrl } = identity(valid.page);
  const derivedId = pageIdOf(canonicalUrl);
  return db.transaction('rw', [db.pages, db.clippings, db.settings, db.tallies, db.searchLog], async () => {
    const at = ctx.now();
    const tally = new Tally();
    const [settings, [existing, pageId], logKey, derivedSiblings] = await Promise.all([
      settingsOf(ctx, at),
      findPageAndId(ctx, canonicalUrl, derivedId),
      lastLogKey(db),
      clippingsOf(ctx, derivedId),
    ]);
    const plan = planPage(ctx, valid.page, existing, at, tally, pageId);
    const { page } = plan;
    // A new page has no clippings yet: nothing to repeat.
    let same: ClippingRecord | undefined;
    if (existing) {
      same = sameAmong(existing.id === derivedId ? derivedSiblings : await clippingsOf(ctx, existing.id), valid);
    }
    // Clippings derived again are logged past the key read in round 1; and a repeat found
    // before they were rewritten is read again as rewritten.
    if (plan.rederive) {
      await writePage(ctx, plan);
      if (same) same = await db.clippings.get(same.id);
    }
    const known = plan.rederive ? undefined : logKey;
    // Otherwise the page is written beside the rest.
    const pageWritten = plan.rederive ? null : writePage(ctx, plan);
    if (same) {
      await Promise.all([pageWritten, applyTally(db, tally)]);
      return { clipping: same, page };
    }
    const clipping = newClipping(ctx, valid, page, at, settings.defaultColour);
    tally.clipping(clipping, 1);
    await Promise.all([
      pageWritten,
      db.clippings.add(clipping),
      rememberTags(ctx, valid.tags, at, settings),
      logClippings(db, [clipping], known, tally),
    ]);
    return { clipping, page };
  });
}

/** Page inputs of a batch folded per canonical URL, in order: later non-empty metadata wins. */
function foldPages(pages: readonly PageFields[]): Map<string, PageFields> {
  const out = new Map<string, PageFields>();
  for (const p of pages) {
    const key = identity(p).canonicalUrl;
    const prev = out.get(key);
    if (!prev) {
      out.set(key, p);
      continue;
    }
    const firstSeen = Math.min(prev.firstSeen ?? Infinity, p.firstSeen ?? Infinity);
    out.set(key, {
      url: prev.url,
      canonicalUrl: prev.canonicalUrl ?? p.canonicalUrl ?? null,
      title: p.title ?? prev.title,
      published: p.published ?? prev.published,
      author: p.author ?? prev.author,
      site: p.site ?? prev.site,
      ...(Number.isFinite(firstSeen) ? { firstSeen } : {}),
    });
  }
  return out;
}

/**
 * Saves many clippings in one transaction: all or none. For imports and benchmarks; it
 * does not look for repeats of clippings already saved.
 */
export async function saveClippings(ctx: StoreContext, inputs: readonly unknown[]): Promise<ClippingView[]> {
  const valid = inputs.map((input, i) => {
    try {
      return validateClipping(input);
    } catch (e) {
      if (e instanceof StoreError) throw new StoreError(e.code, `Item ${i}: ${e.message}`, { cause: e });
      throw e;
    }
  });
  const pageInputs = foldPages(valid.map((c) => c.page));
  const { db } = ctx;
  return db.transaction('rw', [db.pages, db.clippings, db.settings, db.tallies, db.searchLog], async () => {
    const settings = await settingsOf(ctx, ctx.now());
    const tally = new Tally();
    // Each page once, then every clipping from its page's final state. (Awaiting only
    // database work inside the transaction: Dexie keeps its transaction across those.)
    const pages = new Map<string, PageRecord>();
    for (const [key, input] of pageInputs) pages.set(key, await upsertPage(ctx, input, ctx.now(), tally));
    // The clock is read per clipping: an import or a seeded archive spreads its save times.
    const views = valid.map((c) => {
      const page = pages.get(identity(c.page).canonicalUrl)!;
      return { clipping: newClipping(ctx, c, page, ctx.now(), settings.defaultColour), page };
    });
    // One bulk write: far cheaper than one add per record (Dexie tracks each single
    // write's index keys for live queries; a bulk write is tracked by its keys alone).
    await db.clippings.bulkAdd(views.map((v) => v.clipping));
    for (const v of views) tally.clipping(v.clipping, 1);
    await Promise.all([applyTally(db, tally), logClippings(db, views.map((v) => v.clipping))]);
    return views;
  });
}

async function change(
  ctx: StoreContext,
  id: string,
  edit: (c: ClippingRecord, at: number) => ClippingRecord | null,
  also?: (at: number) => Promise<void>,
): Promise<ClippingView> {
  const { db } = ctx;
  return db.transaction('rw', [db.pages, db.clippings, db.settings, db.tallies, db.searchLog], async () => {
    const at = ctx.now();
    const current = await db.clippings.get(id);
    if (!current) throw new StoreError('not-found', `No clipping ${id}`);
    const page = await db.pages.get(current.pageId);
    if (!page) throw new StoreError('not-found', `No page ${current.pageId} for clipping ${id}`);
    const edited = edit(current, at);
    if (!edited) return { clipping: current, page };
    const clipping: ClippingRecord = { ...edited, schemaVersion: SCHEMA_VERSION, updatedAt: at };
    Object.assign(clipping, deriveClipping(clipping, page));
    await db.clippings.put(clipping);
    const tally = new Tally();
    tally.replace(current, clipping);
    await logClippings(db, [clipping], undefined, tally);
    if (also) await also(at);
    return { clipping, page };
  });
}

/** Changes the note, tags or colour of a clipping. */
export async function updateClipping(ctx: StoreContext, id: string, patch: unknown): Promise<ClippingView> {
  const p = validatePatch(patch);
  return change(
    ctx,
    id,
    (c) => ({
      ...c,
      ...(p.note !== undefined ? { note: p.note } : {}),
      ...(p.tags !== undefined ? { tags: p.tags } : {}),
      ...(p.colour !== undefined ? { colour: p.colour } : {}),
    }),
    (at) => rememberTags(ctx, p.tags ?? [], at),
  );
}

/** Marks a clipping deleted (a tombstone, kept for merges and undo). Deleting twice changes nothing. */
export async function deleteClipping(ctx: StoreContext, id: string): Promise<ClippingView> {
  return change(ctx, id, (c, at) => (c.deleted ? null : { ...c, deleted: true, deletedAt: at }));
}

/** Brings a deleted clipping back. */
export async function undoDelete(ctx: StoreContext, id: string): Promise<ClippingView> {
  return change(ctx, id, (c) => (c.deleted ? { ...c, deleted: false, deletedAt: null } : null));
}

/**
 * Removes tombstones deleted before `before` for good (after an export or a merge has
 * carried them). Returns how many were removed.
 */
export async function purgeTombstones(ctx: StoreContext, before: number): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', [db.clippings, db.tallies, db.searchLog], async () => {
    // Tombstones are few until purged, and only they are in the `deletedAt` index.
    const gone = await db.clippings.where('deletedAt').below(before).primaryKeys();
    if (gone.length === 0) return 0;
    await db.clippings.bulkDelete(gone);
    const tally = new Tally();
    tally.add('all', '', -gone.length);
    await Promise.all([applyTally(db, tally), logRemoved(db, gone)]);
    return gone.length;
  });
}

export type SettingsPatch = Partial<Pick<SettingsRecord, 'defaultColour' | 'persisted' | 'lastExportAt'>>;

export async function updateSettings(ctx: StoreContext, input: unknown): Promise<SettingsRecord> {
  const patch = validateSettingsPatch(input);
  return ctx.db.transaction('rw', ctx.db.settings, async () => {
    const at = ctx.now();
    const s = await settingsOf(ctx, at);
    const next: SettingsRecord = { ...s, ...patch, schemaVersion: SCHEMA_VERSION, updatedAt: at };
    await ctx.db.settings.put(next);
    return next;
  });
}

export function getSettings(ctx: StoreContext): Promise<SettingsRecord> {
  const at = ctx.now();
  return ctx.db.settings.get('archive').then((s) => s ?? defaultSettings(at));
}
