/**
 * Measures the archive on fake-indexeddb: save latency on top of a full archive, and
 * three-word unaccented searches. Prints; never asserts timings (a slow machine is not a
 * failure, and fake-indexeddb is much slower than a browser's IndexedDB at reading
 * records, so these are upper bounds).
 *
 *   node --import tsx tests/search/measure.ts [CLIPPINGS=100000]
 */
import 'fake-indexeddb/auto';
import { openArchiveDB } from '../../lib/store/db.ts';
import { generateClippings, seedArchive } from '../../lib/store/fixtures.ts';
import { createRepo } from '../../lib/store/repo.ts';
import { normalizeFilter } from '../../lib/store/filter.ts';
import { queryPage, type PlanTrace } from '../../lib/store/plan.ts';
import { queryTerms } from '../../lib/search/index.ts';

/** The plan a search takes: what it read, which does not depend on the machine. */
async function planOf(query: string): Promise<PlanTrace> {
  return db.transaction('r', db.clippings, async () => (await queryPage(db.clippings, normalizeFilter({}, queryTerms(query)))).plan);
}

const N = Number(process.argv[2] ?? 100_000);
const SAVES = 300;
const RUNS = 21;

/** Three-word unaccented queries over the fixture vocabulary: dense, medium and selective. */
const QUERIES = [
  'quyet dinh ubnd', // dense: most clippings cite a Quyết định of some UBND
  'von dau tu', // dense
  'giai ngan binh phuoc', // a tag and a province: medium
  'nghi quyet hdnd', // medium
  'thong tu 118', // selective: one document number
  '1640 ty dong', // selective: a number in another spelling ("1.640 tỷ đồng")
  'luat dat dai', // a law cited by name
  'kiem tra so lieu', // tags and note words
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function ms(n: number): string {
  return `${n.toFixed(1)} ms`;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

const db = openArchiveDB({ name: 'measure' });
const [seedMs] = await time(() => seedArchive(db, N));
process.stdout.write(`seeded ${N} clippings in ${(seedMs / 1000).toFixed(1)} s (bulk, ${((seedMs * 1000) / N).toFixed(0)} µs each)\n`);

const repo = createRepo(db);
const extra = generateClippings(SAVES, { seed: 7 });
const saves: number[] = [];
for (const input of extra) saves.push((await time(() => repo.saveClipping(input)))[0]);
saves.sort((a, b) => a - b);
process.stdout.write(`saveClipping × ${SAVES} on ${N}: p50 ${ms(quantile(saves, 0.5))}, p95 ${ms(quantile(saves, 0.95))}, max ${ms(saves[saves.length - 1]!)}\n`);

const medians: number[] = [];
for (const q of QUERIES) {
  const runs: number[] = [];
  let found = 0;
  let total: number | null = null;
  for (let i = 0; i < RUNS; i++) {
    const [t, r] = await time(() => repo.search(q));
    runs.push(t);
    found = r.items.length;
    total = r.total;
  }
  runs.sort((a, b) => a - b);
  const median = quantile(runs, 0.5);
  medians.push(median);
  const plan = await planOf(q);
  process.stdout.write(
    `search "${q}": median ${ms(median)}, p95 ${ms(quantile(runs, 0.95))} (${found} shown, total ${total ?? 'not counted'}; ` +
      `${plan.strategy}, ${plan.keys} keys, ${plan.reads} records read)\n`,
  );
}
medians.sort((a, b) => a - b);
process.stdout.write(`three-word unaccented search, median over the queries above: ${ms(quantile(medians, 0.5))}\n`);

const [firstMs, first] = await time(() => repo.listClippings({ limit: 50 }));
const [nextMs] = await time(() => repo.listClippings({ limit: 50, cursor: first.next }));
process.stdout.write(`list first page ${ms(firstMs)}, next page ${ms(nextMs)}\n`);
const [filterMs, filtered] = await time(() => repo.listClippings({ filter: { province: 'Bình Phước', tag: 'giải ngân' }, limit: 50 }));
process.stdout.write(`list filtered by province and tag ${ms(filterMs)} (${filtered.items.length} shown)\n`);
const [statsMs] = await time(() => repo.stats());
const [citeMs, cites] = await time(() => repo.citationIndex({ limit: 100 }));
const [ledgerMs, rows] = await time(() => repo.ledger({ unit: 'ha' }));
process.stdout.write(`stats ${ms(statsMs)}; citation index ${ms(citeMs)} (${cites.total} documents); ledger of "ha" ${ms(ledgerMs)} (${rows.length} rows)\n`);
