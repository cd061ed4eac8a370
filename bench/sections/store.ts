/**
 * The archive at 100 000 clippings: how long a save takes on top of it, how long a
 * three-word unaccented search takes, and how soon the library page shows its first rows.
 *
 * Runs on fake-indexeddb in Node, which is much slower than a browser's IndexedDB at
 * reading records (each is a structured clone in JavaScript), so these are upper bounds.
 * The library's first render is measured by rendering the real page component
 * (components/library) into linkedom, a DOM without layout: it counts the queries and
 * Preact's work, not the browser's layout and paint.
 *
 * Seeding. Saving 100 000 clippings through `saveClippings` takes minutes, most of it
 * inside fake-indexeddb inserting each clipping's index entries (about 15 since schema v4
 * dropped the 80 or so of the word index) into its red-black trees. The bench prepares the records in memory with the
 * store's own functions (validation, `canonicalizeUrl`, `derivePage`, `deriveClipping`:
 * what write.ts does for a new page and clipping) and bulk-adds them; before it does, it
 * checks on a sample that the prepared records equal what `saveClippings` writes, field
 * by field except ids and times. That skips the per-page look-ups and validation of the
 * repository path, about a quarter of the time; the index inserts it cannot skip.
 *
 * Memory and flags. 100 000 clippings take about 2.5 GB of heap in fake-indexeddb, near
 * Node's default limit, so the section runs itself in a child process with
 * `--max-old-space-size=6144 --max-semi-space-size=32` (fewer scavenges while millions of
 * short-lived index entries are made) and `--expose-gc`: the seeding's garbage is collected
 * before the timed part, so the saves pay for their own garbage, not for the seeding's.
 * `BENCH_CLIPPINGS=20000` measures a smaller archive.
 */
import 'fake-indexeddb/auto';
import { fork } from 'node:child_process';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseHTML } from 'linkedom';
import { h, options, render } from 'preact';
import { ClippingList } from '../../components/library/ClippingList.tsx';
import { LIST_CHUNK } from '../../components/library/useClippingRows.ts';
import { LibraryApp } from '../../components/library/LibraryApp.tsx';
import { memoryRouter } from '../../components/library/router.ts';
import type { Translate } from '../../lib/i18n.ts';
import { RowSource } from '../../lib/library/rows.ts';
import { openArchiveDB, type ArchiveDB } from '../../lib/store/db.ts';
import { derivePage, deriveClipping } from '../../lib/store/derive.ts';
import { generateClippings } from '../../lib/store/fixtures.ts';
import { normalizeFilter } from '../../lib/store/filter.ts';
import { queryPage, type PlanTrace } from '../../lib/store/plan.ts';
import { DEFAULT_COLOUR, SCHEMA_VERSION, type ClippingRecord, type PageRecord } from '../../lib/store/records.ts';
import { createRepo, type Repo } from '../../lib/store/repo.ts';
import { applyTally, tallyOf } from '../../lib/store/tallies.ts';
import { total } from '../../lib/store/counts.ts';
import { canonicalizeUrl } from '../../lib/store/url.ts';
import { logClippings } from '../../lib/store/words.ts';
import { validateClipping, type ClippingInput } from '../../lib/store/validate.ts';
import { queryTerms } from '../../lib/search/index.ts';
import { format, printTable } from '../table.ts';

export const title = 'archive: save, unaccented search and the library\'s first render on 100 000 clippings (fake-indexeddb)';

const CHILD_ENV = 'TRICH_LUC_STORE_BENCH_CHILD';
const FLAGS = ['--max-old-space-size=6144', '--max-semi-space-size=32', '--expose-gc'];
const N = Number(process.env.BENCH_CLIPPINGS ?? 100_000);
const SAVES = 300;
const SEARCH_RUNS = 21;
/** Rows the library asks for at once: what its searches cost. */
const LIBRARY_PAGE = LIST_CHUNK;
const SAVE_P95_TARGET_MS = 10;
const SEARCH_TARGET_MS = 50;

/** Three-word unaccented queries over the fixture vocabulary: dense, medium and selective. */
const QUERIES = [
  'quyet dinh ubnd', // dense: most clippings cite a Quyết định of some UBND
  'von dau tu', // dense
  'giai ngan binh phuoc', // a tag and a province: medium
  'nghi quyet hdnd', // medium
  'thong tu 118', // selective: one document number
  '1640 ty dong', // a number in another spelling ("1.640 tỷ đồng")
  'luat dat dai', // a law cited by name
  'kiem tra so lieu', // tags and note words
];

export async function run(): Promise<void> {
  if (process.env[CHILD_ENV] === '1') return measure();
  // In a child with the flags above (see the header): the parent's heap limit is fixed at start.
  await new Promise<void>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', import.meta.resolve('tsx'), ...FLAGS],
      env: { ...process.env, [CHILD_ENV]: '1' },
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the store bench process ended with ${signal ?? `exit code ${code}`}`))));
  });
}

// --- seeding ------------------------------------------------------------------------

interface Prepared {
  pages: PageRecord[];
  clippings: ClippingRecord[];
}

/**
 * The records `saveClippings` would write for `inputs` into an empty archive, made with
 * the store's own functions. Each clipping reads the clock once; a page takes the time
 * of its first clipping.
 */
function prepare(inputs: readonly ClippingInput[], now: () => number, newId: () => string): Prepared {
  const pages = new Map<string, PageRecord>();
  const clippings: ClippingRecord[] = [];
  for (const input of inputs) {
    const c = validateClipping(input);
    const url = canonicalizeUrl(c.page.url);
    const canonicalUrl = (c.page.canonicalUrl ? canonicalizeUrl(c.page.canonicalUrl) : null) ?? url;
    if (!url || !canonicalUrl) throw new Error(`fixture page without an http(s) address: ${c.page.url}`);
    const at = now();
    let page = pages.get(canonicalUrl);
    if (!page) {
      const published = c.page.published ?? null;
      page = {
        schemaVersion: SCHEMA_VERSION,
        id: newId(),
        url,
        canonicalUrl,
        title: c.page.title ?? null,
        published,
        author: c.page.author ?? null,
        site: c.page.site ?? null,
        ...derivePage({ canonicalUrl, published }),
        firstSeen: c.page.firstSeen ?? at,
        createdAt: at,
        updatedAt: at,
        deleted: false,
      };
      pages.set(canonicalUrl, page);
    }
    const source = { quote: c.quote, selectors: c.selectors, entities: c.entities, note: c.note, tags: c.tags, deleted: false, updatedAt: at };
    clippings.push({
      schemaVersion: SCHEMA_VERSION,
      id: newId(),
      pageId: page.id,
      ...source,
      colour: c.colour ?? DEFAULT_COLOUR,
      createdAt: at,
      ...deriveClipping(source, page),
    });
  }
  return { pages: [...pages.values()], clippings };
}

const VOLATILE = new Set(['id', 'pageId', 'createdAt', 'updatedAt', 'firstSeen']);
function stable<T extends object>(record: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !VOLATILE.has(k)));
}

/** Whether `prepare` writes what the repository writes, on a sample (the seeding's honesty check). */
async function preparedMatchesRepository(sample: readonly ClippingInput[]): Promise<boolean> {
  const db = openArchiveDB({ name: 'store-bench-check' });
  let t = Date.UTC(2024, 0, 1);
  await createRepo(db, { now: () => (t += 1000) }).saveClippings(sample);
  const [pages, clippings] = await Promise.all([db.pages.toArray(), db.clippings.toArray()]);
  db.close();
  const prepared = prepare(sample, () => 0, () => crypto.randomUUID());
  const byQuote = (a: { quote: string; selectors: { position: { start: number } } }, b: typeof a) =>
    a.quote < b.quote ? -1 : a.quote > b.quote ? 1 : a.selectors.position.start - b.selectors.position.start;
  const byUrl = (a: PageRecord, b: PageRecord) => (a.canonicalUrl < b.canonicalUrl ? -1 : 1);
  return (
    isDeepStrictEqual(clippings.sort(byQuote).map(stable), prepared.clippings.sort(byQuote).map(stable)) &&
    isDeepStrictEqual(pages.sort(byUrl).map(stable), prepared.pages.sort(byUrl).map(stable))
  );
}

async function seed(db: ArchiveDB, inputs: readonly ClippingInput[]): Promise<{ prepareMs: number; addMs: number }> {
  let t = Date.UTC(2024, 0, 1);
  const t0 = performance.now();
  // 90 s between saves, like seedArchive: 100 000 clippings span about four months.
  const { pages, clippings } = prepare(inputs, () => (t += 90_000), () => crypto.randomUUID());
  const t1 = performance.now();
  await db.pages.bulkAdd(pages);
  for (let i = 0; i < clippings.length; i += 5_000) {
    await db.clippings.bulkAdd(clippings.slice(i, i + 5_000));
    progress(`seeding ${format.count(Math.min(i + 5_000, clippings.length))} / ${format.count(clippings.length)}`);
  }
  progress(null);
  // The counts and the search log every write keeps (lib/store/tallies.ts, words.ts), as saveClippings would have left them.
  await db.transaction('rw', db.tallies, db.searchLog, async () => {
    await applyTally(db, tallyOf(pages, clippings));
    await logClippings(db, clippings);
  });
  return { prepareMs: t1 - t0, addMs: performance.now() - t1 };
}

// --- measuring ----------------------------------------------------------------------

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function planOf(db: ArchiveDB, query: string): Promise<PlanTrace> {
  return db.transaction('r', [db.clippings, db.tallies, db.searchLog], async () => (await queryPage(db.clippings, normalizeFilter({}, queryTerms(query)), { limit: LIBRARY_PAGE }, () => total(db, 'all'))).plan);
}

/** `i18n.getMessage` over the shipped English messages: the bench has no browser. */
function english(): Translate {
  type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  const messages = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Messages;
  return ((name: string, subs?: string | string[]) => {
    const entry = messages[name];
    const list = typeof subs === 'string' ? [subs] : (subs ?? []);
    return (entry?.message ?? '').replace(/\$(\w+)\$/g, (_, k: string) => (entry?.placeholders?.[k.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, n: string) => list[Number(n) - 1] ?? ''));
  }) as Translate;
}

/** Resolves once `check` holds, polling between macrotasks (IndexedDB answers arrive as tasks). */
async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('the library did not render its first rows');
    await new Promise((r) => setImmediate(r));
  }
}

/** The whole library page, mounted into an empty linkedom document: navigation to first rows shown. */
async function firstRender(repo: Repo, t: Translate): Promise<number> {
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const root = document.getElementById('app')!;
  const t0 = performance.now();
  render(h(LibraryApp, { repo, t, locale: 'en', router: memoryRouter('#/clippings'), sizes: { list: 800 } }), root as unknown as Element);
  await until(() => root.querySelector('.row[data-id]') !== null);
  const ms = performance.now() - t0;
  render(null, root as unknown as Element);
  return ms;
}

/** Preact's work alone: the list component with its first page already read. */
async function listRenderOnly(repo: Repo, t: Translate): Promise<number> {
  const source = new RowSource((cursor, limit) => repo.search('', {}, { cursor, limit }), { chunk: LIBRARY_PAGE });
  await source.ensure(0, LIBRARY_PAGE);
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const root = document.getElementById('app')!;
  const t0 = performance.now();
  render(
    h(ClippingList, { source, version: 0, active: -1, onActivate() {}, onOpen() {}, onDelete() {}, onEscape() {}, t, locale: 'en', initialHeight: 800 }),
    root as unknown as Element,
  );
  const ms = performance.now() - t0;
  if (root.querySelectorAll('.row[data-id]').length === 0) throw new Error('the list rendered no rows');
  render(null, root as unknown as Element);
  return ms;
}

async function measure(): Promise<void> {
  // Effects after a "frame": without requestAnimationFrame Preact would wait 100 ms for one.
  (options as { requestAnimationFrame?: (cb: () => void) => void }).requestAnimationFrame = (cb) => setTimeout(cb);

  progress('checking prepared records against saveClippings');
  const honest = await preparedMatchesRepository(generateClippings(1_000, { seed: 99, hostile: 0.1 }));
  if (!honest) throw new Error('prepared records differ from what saveClippings writes: the seeding would not be the product\'s archive');

  progress('generating');
  const db = openArchiveDB({ name: 'store-bench' });
  // The inputs go out of scope with this block, before the timed part.
  const { generateMs, prepareMs, addMs } = await (async () => {
    const [generateMs, inputs] = await timed(async () => generateClippings(N));
    return { generateMs, ...(await seed(db, inputs)) };
  })();
  (globalThis as { gc?: () => void }).gc?.();
  const count = await db.clippings.count();
  printTable({
    title: `Seeded ${format.count(count)} clippings on ${format.count(await db.pages.count())} pages`,
    columns: [{ header: 'step' }, { header: 's', align: 'right' }],
    rows: [
      ['generate inputs (lib/store/fixtures.ts)', (generateMs / 1000).toFixed(1)],
      ['prepare records (validate, derive)', (prepareMs / 1000).toFixed(1)],
      ['bulkAdd into fake-indexeddb', (addMs / 1000).toFixed(1)],
    ],
    notes: [
      'Prepared records equal what saveClippings writes (checked on 1 000 clippings, 10 % with hostile text), ids and times aside.',
      `Heap used: ${(process.memoryUsage().heapUsed / 1e9).toFixed(1)} GB.`,
    ],
  });

  const repo = createRepo(db);
  // Saves on top of the full archive, through the repository: what a reader's save costs.
  // Garbage collections are recorded beside them: with two gigabytes of fake-indexeddb on
  // the heap, a full collection that lands in a save is most of that save's time.
  const collections: { start: number; end: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind !== constants.NODE_PERFORMANCE_GC_MINOR) collections.push({ start: e.startTime, end: e.startTime + e.duration });
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const saves: { ms: number; start: number; end: number }[] = [];
  for (const input of generateClippings(SAVES, { seed: 7 })) {
    progress(`saving ${saves.length + 1} / ${SAVES}`);
    const start = performance.now();
    await repo.saveClipping(input);
    const end = performance.now();
    saves.push({ ms: end - start, start, end });
  }
  await new Promise((r) => setTimeout(r, 50)); // let the last gc entries arrive
  gcObserver.disconnect();
  progress(null);
  const saveMs = saves.map((x) => x.ms);
  const p95 = quantile(saveMs, 0.95);
  const hitByGc = saves.filter((x) => collections.some((c) => c.start < x.end && c.end > x.start));
  const cleanMs = saves.filter((x) => !hitByGc.includes(x)).map((x) => x.ms);

  const searchRows: string[][] = [];
  const medians: number[] = [];
  for (const q of QUERIES) {
    progress(`search "${q}"`);
    const runs: number[] = [];
    let shown = 0;
    let total: number | null = null;
    for (let i = 0; i < SEARCH_RUNS; i++) {
      const [ms, result] = await timed(() => repo.search(q, {}, { limit: LIBRARY_PAGE }));
      runs.push(ms);
      shown = result.items.length;
      total = result.total;
    }
    const median = quantile(runs, 0.5);
    medians.push(median);
    const plan = await planOf(db, q);
    searchRows.push([q, format.ms(median), format.ms(quantile(runs, 0.95)), String(shown), total === null ? '?' : format.count(total), plan.strategy, format.count(plan.keys), format.count(plan.reads)]);
  }
  progress(null);
  const searchMedian = quantile(medians, 0.5);

  const t = english();
  progress('library first render');
  // The first mount pays for compiling the components; the median of the next five is reported.
  await firstRender(repo, t);
  const renders: number[] = [];
  for (let i = 0; i < 5; i++) renders.push(await firstRender(repo, t));
  const listOnly: number[] = [];
  for (let i = 0; i < 5; i++) listOnly.push(await listRenderOnly(repo, t));
  const [firstPageMs] = await timed(() => repo.search('', {}, { limit: LIBRARY_PAGE }));
  progress('aggregates');
  const [statsMs] = await timed(() => repo.stats());
  const [citeMs, cites] = await timed(() => repo.citationIndex({ limit: 100 }));
  const [ledgerMs, ledger] = await timed(() => repo.ledger({ unit: 'ha' }));
  progress(null);

  printTable({
    title: `Archive of ${format.count(count + SAVES)} clippings: the targets`,
    columns: [{ header: 'measure' }, { header: 'ms', align: 'right' }, { header: 'target' }, { header: '' }],
    rows: [
      [`saveClipping p95 (${SAVES} saves on top; p50 ${format.ms(quantile(saveMs, 0.5))}, max ${format.ms(Math.max(...saveMs))})`, format.ms(p95), `≤ ${SAVE_P95_TARGET_MS}`, format.passFail(p95 <= SAVE_P95_TARGET_MS)],
      [`  the same, without the ${hitByGc.length} saves a major or incremental GC ran in`, cleanMs.length > 0 ? format.ms(quantile(cleanMs, 0.95)) : '', '', ''],
      [`three-word unaccented search, median of the ${QUERIES.length} queries' medians`, format.ms(searchMedian), `≤ ${SEARCH_TARGET_MS}`, format.passFail(searchMedian <= SEARCH_TARGET_MS)],
      ['library first render: page mounted → first rows shown (median of 5)', format.ms(quantile(renders, 0.5)), '', ''],
    ],
    notes: [
      'fake-indexeddb in Node: record reads are structured clones in JavaScript, far slower than a browser\'s IndexedDB; read these as upper bounds.',
      `First render = LibraryApp (components/library) rendered into linkedom, no layout or paint, until its first rows are in the DOM: its first query`,
      `(${format.ms(firstPageMs)} ms alone) and Preact's work; the live-update watch and the filters' stats start after. The list alone, rows already read: ${format.ms(quantile(listOnly, 0.5))} ms.`,
    ],
  });

  printTable({
    title: `Each query (first page of ${LIBRARY_PAGE}, as the library asks; ${SEARCH_RUNS} runs)`,
    columns: [
      { header: 'query' },
      { header: 'median ms', align: 'right' },
      { header: 'p95 ms', align: 'right' },
      { header: 'shown', align: 'right' },
      { header: 'total', align: 'right' },
      { header: 'plan' },
      { header: 'keys', align: 'right' },
      { header: 'records', align: 'right' },
    ],
    rows: searchRows,
    notes: ['keys / records: index keys and records the plan read, which do not depend on the machine. total "?": not counted without reading every match.'],
  });

  printTable({
    title: 'Views across the whole archive (one run each; the views show a loading state meanwhile)',
    columns: [{ header: 'view' }, { header: 'ms', align: 'right' }],
    rows: [
      ['stats (filter choices)', format.ms(statsMs)],
      [`citation index, first 100 of ${format.count(cites.total)} documents`, format.ms(citeMs)],
      [`ledger of "ha" (${format.count(ledger.length)} figures)`, format.ms(ledgerMs)],
    ],
  });
  db.close();
}

/** A live "measuring …" line on a terminal; nothing when the output is piped or logged. */
function progress(what: string | null): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(what === null ? '\r\x1b[K' : `\r\x1b[K${what}…`);
}

// The child process: run() was called by nobody, this module is the entry point.
if (process.env[CHILD_ENV] === '1' && process.argv[1] === fileURLToPath(import.meta.url)) {
  measure().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench: store: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
