/**
 * The archive's repository: the only way the rest of the product touches the database.
 * Runs wherever IndexedDB of the extension's origin is (background, extension pages, and
 * Node tests on fake-indexeddb); content scripts reach it by message, never directly.
 *
 *   const archive = openRepo();
 *   const { clipping } = await archive.saveClipping({ page, quote, selectors, entities });
 *   const { items, next } = await archive.search('quyet dinh 3307');
 *
 * Every method validates what it is given and fails with a StoreError (errors.ts);
 * every write is one transaction.
 */
import { liveQuery, type Observable } from 'dexie';
import {
  citationIndex,
  ledger,
  ledgerEntries,
  stats,
  type ArchiveStats,
  type CitationIndex,
  type CitationOptions,
  type LedgerEntry,
  type LedgerOptions,
  type LedgerRow,
} from './aggregates.ts';
import { openArchiveDB, type ArchiveDB, type OpenOptions } from './db.ts';
import { guard } from './errors.ts';
import type { ClippingFilter } from './filter.ts';
import type { PageRequest } from './plan.ts';
import { clippingsForPage, getClippings, listClippings, matchOrder, search, type ListRequest, type ListResult } from './read.ts';
import type { ClippingRecord, ClippingView, PageRecord, SettingsRecord } from './records.ts';
import type { ClippingInput, ClippingPatch, PageInput } from './validate.ts';
import * as write from './write.ts';
import { compactLog, foldDue } from './words.ts';

export interface Repo {
  /** Creates or updates a page, by canonical URL. */
  savePage(input: PageInput): Promise<PageRecord>;
  /** Saves a clipping, upserting its page; returns the stored records. */
  saveClipping(input: ClippingInput): Promise<ClippingView>;
  /** Saves many clippings in one transaction, all or none (imports, benchmarks). */
  saveClippings(inputs: readonly ClippingInput[]): Promise<ClippingView[]>;
  updateClipping(id: string, patch: ClippingPatch): Promise<ClippingView>;
  /** Tombstones a clipping; `undoDelete` brings it back. */
  deleteClipping(id: string): Promise<ClippingView>;
  undoDelete(id: string): Promise<ClippingView>;
  /** Removes tombstones deleted before `before` (epoch ms) for good; returns how many. */
  purgeTombstones(before: number): Promise<number>;

  /** One page of live clippings, newest first (by save time unless `order: 'updated'`). */
  listClippings(request?: ListRequest): Promise<ListResult>;
  /** Full-text search (lib/search rules) within a filter, newest first. */
  search(query: string, filter?: ClippingFilter, page?: PageRequest): Promise<ListResult>;
  /** The live clippings of a page (any link to it), in text order. */
  clippingsForPage(url: string): Promise<{ page: PageRecord | null; clippings: ClippingRecord[] }>;
  getClippings(ids: readonly string[]): Promise<ClippingView[]>;
  /**
   * The ids of every live clipping a search (may be empty) and filter find, newest first
   * by save time: random access to a long list. Null for a filter on the kind "figure".
   */
  matchOrder(query: string, filter?: ClippingFilter): Promise<string[] | null>;

  citationIndex(options?: CitationOptions): Promise<CitationIndex>;
  ledger(options?: LedgerOptions): Promise<LedgerRow[]>;
  /** The ledger of a unit as compact entries (no quote, no page), newest clipping first: the library's ledger, quick at any size. */
  ledgerEntries(options?: { unit?: string }): Promise<LedgerEntry[]>;
  /** Pages by id, in the order asked (undefined for a missing one). */
  getPages(ids: readonly string[]): Promise<(PageRecord | undefined)[]>;
  stats(): Promise<ArchiveStats>;

  getSettings(): Promise<SettingsRecord>;
  updateSettings(patch: write.SettingsPatch): Promise<SettingsRecord>;

  /**
   * Re-runs a read whenever the records it read change, in this page or any other of
   * the extension (Dexie's liveQuery): how lists stay current after a save elsewhere.
   */
  live<T>(read: (repo: Repo) => Promise<T>): Observable<T>;
  /**
   * Folds the search log's run of small records into a block if it is due (words.ts
   * `compactLog`). The repository does it on its own a moment after writes pause.
   */
  compactLog(): Promise<boolean>;
  close(): void;
}

/** Quiet time after a write before the search log's run is folded: a burst of saves is never slowed by it. */
export const FOLD_DELAY_MS = 1000;

export interface RepoOptions {
  now?: () => number;
  newId?: () => string;
}

export function createRepo(db: ArchiveDB, options: RepoOptions = {}): Repo {
  const ctx: write.StoreContext = {
    db,
    now: options.now ?? Date.now,
    newId: options.newId ?? (() => crypto.randomUUID()),
  };
  let foldTimer: ReturnType<typeof setTimeout> | undefined;
  const compact = () => guard(() => compactLog(db));
  // After a write that left the log's run due for folding, fold it once writes pause.
  const foldLater = <T>(result: T): T => {
    if (foldDue(db)) {
      clearTimeout(foldTimer);
      foldTimer = setTimeout(() => void compact().catch(() => undefined), FOLD_DELAY_MS);
    }
    return result;
  };
  const repo: Repo = {
    savePage: (input) => guard(() => write.savePage(ctx, input)),
    saveClipping: (input) => guard(() => write.saveClipping(ctx, input)).then(foldLater),
    saveClippings: (inputs) => guard(() => write.saveClippings(ctx, inputs)),
    updateClipping: (id, patch) => guard(() => write.updateClipping(ctx, id, patch)).then(foldLater),
    deleteClipping: (id) => guard(() => write.deleteClipping(ctx, id)).then(foldLater),
    undoDelete: (id) => guard(() => write.undoDelete(ctx, id)).then(foldLater),
    purgeTombstones: (before) => guard(() => write.purgeTombstones(ctx, before)),

    listClippings: (request) => guard(() => listClippings(db, request)),
    search: (query, filter, page) => guard(() => search(db, query, { ...page, ...(filter ? { filter } : {}) })),
    clippingsForPage: (url) => guard(() => clippingsForPage(db, url)),
    getClippings: (ids) => guard(() => getClippings(db, ids)),
    matchOrder: (query, filter) => guard(() => matchOrder(db, query, filter)),

    citationIndex: (options) => guard(() => citationIndex(db, options)),
    ledger: (options) => guard(() => ledger(db, options)),
    ledgerEntries: (options) => guard(() => ledgerEntries(db, options)),
    getPages: (ids) => guard(() => db.pages.bulkGet([...ids])),
    stats: () => guard(() => stats(db)),

    getSettings: () => guard(() => write.getSettings(ctx)),
    updateSettings: (patch) => guard(() => write.updateSettings(ctx, patch)),

    live: (read) => liveQuery(() => read(repo)),
    compactLog: compact,
    close: () => {
      clearTimeout(foldTimer);
      db.close();
    },
  };
  return repo;
}

/** Opens the archive database (current version, upgrading an older one) and its repository. */
export function openRepo(options: OpenOptions & RepoOptions = {}): Repo {
  return createRepo(openArchiveDB(options), options);
}
