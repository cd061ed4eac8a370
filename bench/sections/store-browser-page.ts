/**
 * The in-page side of `npm run bench -- store-browser`, bundled by esbuild into one IIFE
 * and evaluated in a tab of the built extension (chrome-extension://<id>/popup.html),
 * where it opens the same IndexedDB database the library page reads. It defines
 * `window.__trichLucStoreBench`, whose steps the Node side calls in order:
 *
 * 1. `makeBackup(n)`: n generated clippings (the export bench's archive) written as a
 *    JSON backup, kept in the page as a Blob: the file a reader would pick.
 * 2. `importBackup()`: that Blob read, checked and applied to the (empty) archive through
 *    lib/import, as the library's import does: this is also how the archive is seeded.
 * 3. `saves`, `searches`, `views`: the repository on top of the full archive.
 * 4. `exports()`: the archive read back (`readSnapshot`) and written as JSON and CSV Blobs,
 *    as the library's export menu does.
 *
 * Every figure is wall time in this page (performance.now()); nothing here asserts.
 */
import { exportBackup, exportClippingsCsv, readSnapshot, type ExportFile } from '../../lib/export/index.ts';
import { applyImport, ImportError, readImport } from '../../lib/import/index.ts';
import { openArchiveDB } from '../../lib/store/db.ts';
import { deriveClipping, derivePage } from '../../lib/store/derive.ts';
import { generateClippings } from '../../lib/store/fixtures.ts';
import { validateClipping } from '../../lib/store/validate.ts';
import { createRepo } from '../../lib/store/repo.ts';
import { buildSnapshot } from './export-data.ts';

export interface Timed {
  what: string;
  ms: number;
}

export interface SearchTiming {
  query: string;
  runs: number[];
  shown: number;
  total: number | null;
}

export interface StoreBenchApi {
  makeBackup(n: number): Promise<{ ms: number; bytes: number }>;
  /** `refused`: the import's size cap refused the file (it was then imported with the cap lifted, to go on). */
  importBackup(): Promise<{ parts: Timed[]; clippings: number; pages: number; refused: string | null }>;
  /** How long a whole-table count takes now (what a query paid per call before counts were kept). */
  countMs(): Promise<{ ms: number; count: number }>;
  /** `n` saves of generated clippings (`seed`), each timed. */
  saves(n: number, seed: number): Promise<number[]>;
  /** What a save costs beside its own work: medians (ms) of an empty read-write transaction over a save's stores, of one with a single read, of one writing one small record (its commit is a write's), and of checking and deriving a clipping without the database. */
  saveFloor(n: number): Promise<{ emptyTx: number; oneRead: number; oneWrite: number; validate: number }>;
  searches(queries: readonly string[], runs: number, limit: number): Promise<SearchTiming[]>;
  views(): Promise<Timed[]>;
  exports(): Promise<{ parts: Timed[]; jsonBytes: number; csvBytes: number }>;
}

const db = openArchiveDB();
// 90 s between saves on top, after the seeded archive's last save time.
let clock = Date.UTC(2025, 0, 1);
const repo = createRepo(db, { now: () => (clock += 90_000) });
let backup: Blob | null = null;

async function timed<T>(parts: Timed[], what: string, f: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const value = await f();
  parts.push({ what, ms: performance.now() - t0 });
  return value;
}

function blobOf(file: ExportFile): Blob {
  return new Blob(file.parts as BlobPart[], { type: file.type });
}

const api: StoreBenchApi = {
  async makeBackup(n) {
    const t0 = performance.now();
    backup = blobOf(await exportBackup(buildSnapshot(n)));
    return { ms: performance.now() - t0, bytes: backup.size };
  },

  async importBackup() {
    if (!backup) throw new Error('makeBackup first');
    const parts: Timed[] = [];
    let refused: string | null = null;
    const parsed = await timed(parts, 'read + validate', async () => {
      try {
        return await readImport(backup!);
      } catch (error) {
        if (!(error instanceof ImportError && error.code === 'too-large')) throw error;
        refused = error.message;
        return readImport(backup!, { maxBytes: Infinity });
      }
    });
    const done = await timed(parts, 'write', () => applyImport(db, parsed));
    backup = null; // let the collector have it before the timed steps that follow
    return { parts, clippings: done.clippings.new, pages: done.pages.new, refused };
  },

  async countMs() {
    const t0 = performance.now();
    const count = await db.clippings.count();
    return { ms: performance.now() - t0, count };
  },

  async saves(n, seed) {
    const out: number[] = [];
    for (const input of generateClippings(n, { seed })) {
      const t0 = performance.now();
      await repo.saveClipping(input);
      out.push(performance.now() - t0);
    }
    return out;
  },

  async saveFloor(n) {
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const time = async (f: () => Promise<unknown> | unknown) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await f();
        out.push(performance.now() - t0);
      }
      return med(out);
    };
    const stores = [db.pages, db.clippings, db.settings, db.tallies, db.searchLog];
    const emptyTx = await time(() => db.transaction('rw', stores, () => undefined));
    const oneRead = await time(() => db.transaction('rw', stores, () => db.settings.get('archive')));
    const oneWrite = await time(() => db.transaction('rw', stores, () => db.settings.get('archive').then((s) => s && db.settings.put(s))));
    const inputs = generateClippings(n, { seed: 8 });
    let i = 0;
    const validate = await time(() => {
      const c = validateClipping(inputs[i++ % inputs.length]);
      return deriveClipping({ ...c, updatedAt: 0, deleted: false }, derivePage({ canonicalUrl: 'https://a.gov.vn/x', published: null }) as never);
    });
    return { emptyTx, oneRead, oneWrite, validate };
  },

  async searches(queries, runs, limit) {
    const out: SearchTiming[] = [];
    for (const query of queries) {
      const times: number[] = [];
      let shown = 0;
      let total: number | null = null;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const result = await repo.search(query, {}, { limit });
        times.push(performance.now() - t0);
        shown = result.items.length;
        total = result.total;
      }
      out.push({ query, runs: times, shown, total });
    }
    return out;
  },

  async views() {
    const parts: Timed[] = [];
    const stats = await timed(parts, 'stats (the filters\' choices)', () => repo.stats());
    await timed(parts, 'citation index, first 100 rows', () => repo.citationIndex({ limit: 100 }));
    const unit = stats.units[0]?.unit;
    if (unit) {
      const rows = await timed(parts, `ledger of "${unit}", clippings read (repo.ledger)`, () => repo.ledger({ unit }));
      parts[parts.length - 1]!.what += ` (${rows.length} figures)`;
      const entries = await timed(parts, `ledger of "${unit}" from memory, as the library's ledger reads it (repo.ledgerEntries)`, () => repo.ledgerEntries({ unit }));
      parts[parts.length - 1]!.what += ` (${entries.length} figures)`;
    }
    const ids = await timed(parts, 'every clipping\'s id in list order (matchOrder, keys only)', () => repo.matchOrder(''));
    if (ids) await timed(parts, 'the 50 rows in the middle of the list by their ids (getClippings)', () => repo.getClippings(ids.slice(ids.length >> 1, (ids.length >> 1) + 50)));
    await timed(parts, 'ids of a three-word search in list order (matchOrder "quyet dinh ubnd")', () => repo.matchOrder('quyet dinh ubnd'));
    await timed(parts, 'first page, no filter (50 rows)', () => repo.listClippings({ limit: 50 }));
    await timed(parts, 'first page, province Bình Phước', () => repo.listClippings({ limit: 50, filter: { province: 'Bình Phước' } }));
    return parts;
  },

  async exports() {
    const parts: Timed[] = [];
    const snapshot = await timed(parts, 'read the archive (readSnapshot)', () => readSnapshot(db));
    const json = await timed(parts, 'JSON backup → Blob', async () => blobOf(await exportBackup(snapshot)));
    const csv = await timed(parts, 'CSV of clippings → Blob', async () => blobOf(await exportClippingsCsv(snapshot)));
    return { parts, jsonBytes: json.size, csvBytes: csv.size };
  },
};

(globalThis as unknown as { __trichLucStoreBench: StoreBenchApi }).__trichLucStoreBench = api;
