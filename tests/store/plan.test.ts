/**
 * The query plan must return exactly what checking every record would return, whichever
 * way it takes (read-all, sieve, scan, scan then sieve), for any filter, query, order,
 * page size and cursor; and it must not read the archive to do so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { queryTerms } from '../../lib/search/index.ts';
import type { ArchiveDB } from '../../lib/store/db.ts';
import { matchesFilter, normalizeFilter, type ClippingFilter, type NormalFilter } from '../../lib/store/filter.ts';
import { seedArchive } from '../../lib/store/fixtures.ts';
import { queryPage, type Order, type RecordPage } from '../../lib/store/plan.ts';
import type { ClippingRecord } from '../../lib/store/records.ts';
import { createRepo } from '../../lib/store/repo.ts';
import { clip, fresh, PAGE } from './helpers.ts';

const N = 1_500;
let db: ArchiveDB;
let all: ClippingRecord[];

beforeAll(async () => {
  ({ db } = fresh());
  await seedArchive(db, N, { seed: 42, codes: 40, hostile: 0.05 });
  // Some edits and deletions, so the two orders differ and tombstones are around.
  const repo = createRepo(db, { now: () => Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 1e6) });
  const ids = (await db.clippings.limit(60).primaryKeys()) as string[];
  for (const id of ids.slice(0, 30)) await repo.updateClipping(id, { note: 'sửa lại' });
  for (const id of ids.slice(30)) await repo.deleteClipping(id);
  all = await db.clippings.toArray();
}, 120_000);

function brute(f: NormalFilter, order: Order): ClippingRecord[] {
  const key = (c: ClippingRecord) => (order === 'created' ? c.createdAt : c.updatedAt);
  return all
    .filter((c) => matchesFilter(c, f))
    .sort((a, b) => key(b) - key(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

async function run(f: NormalFilter, order: Order, limit: number, cursor: string | null = null): Promise<RecordPage> {
  return db.transaction('r', [db.clippings, db.searchLog], async () => queryPage(db.clippings, f, { order, limit, cursor }));
}

/** Every page, following cursors. */
async function everything(f: NormalFilter, order: Order, limit: number): Promise<{ ids: string[]; strategies: Set<string> }> {
  const ids: string[] = [];
  const strategies = new Set<string>();
  let cursor: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await run(f, order, limit, cursor);
    strategies.add(page.plan.strategy);
    ids.push(...page.records.map((c) => c.id));
    if (!page.next) break;
    cursor = page.next;
  }
  return { ids, strategies };
}

const WORDS = ['quyet', 'dinh', 'ubnd', 'nghi', 'hdnd', 'ty', 'dong', 'ha', 'von', 'dau', 'tu', 'giai', 'ngan', 'luat', 'dat', 'dai', 'kiem', 'tra', 'so', 'lieu', 'script', '2024', '1', '12', '350', 'qd-ubnd', 'nd-cp', 'xyz'];

describe('query plan', () => {
  it('agrees with checking every record, for random requests', async () => {
    const sample = (xs: string[]) => fc.constantFrom(...xs);
    const hosts = [...new Set(all.map((c) => c.host))];
    const tags = [...new Set(all.flatMap((c) => c.tags))];
    const codes = [...new Set(all.flatMap((c) => c.docCodes))].slice(0, 30);
    const units = [...new Set(all.flatMap((c) => c.figureUnits))];
    const provinces = [...new Set(all.flatMap((c) => (c.province ? [c.province] : [])))];
    const filter: fc.Arbitrary<ClippingFilter> = fc.record(
      {
        host: sample(hosts),
        province: sample(provinces),
        tag: sample(tags),
        kind: fc.constantFrom('document' as const, 'figure' as const),
        docCode: sample(codes),
        unit: sample(units),
        published: fc.record({ from: fc.constantFrom('2022-01-01', '2023-06-15'), to: fc.constantFrom('2024-12-31', '2025-12-31') }),
      },
      { requiredKeys: [] },
    );
    const query = fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((ws) => ws.join(' '));
    await fc.assert(
      fc.asyncProperty(filter, query, fc.constantFrom<Order>('created', 'updated'), fc.integer({ min: 1, max: 80 }), async (flt, q, order, limit) => {
        const f = normalizeFilter(flt, queryTerms(q));
        const expected = brute(f, order);
        const first = await run(f, order, limit);
        expect(first.records.map((c) => c.id)).toEqual(expected.slice(0, limit).map((c) => c.id));
        if (first.total !== null) expect(first.total).toBe(expected.length);
        expect(first.next !== null).toBe(expected.length > limit);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('pages through everything with cursors, in every strategy', async () => {
    const seen = new Set<string>();
    const cases: [ClippingFilter, string][] = [
      [{}, ''],
      [{}, 'quyet dinh ubnd'], // dense: scan
      [{ tag: 'ngân sách' }, 'dong'],
      [{}, '350'], // rare: read-all
      [{ kind: 'figure' }, ''],
      [{ host: 'hanoi.gov.vn' }, 'ha'],
    ];
    for (const [flt, q] of cases) {
      for (const limit of [7, 50]) {
        const f = normalizeFilter(flt, queryTerms(q));
        const { ids, strategies } = await everything(f, 'created', limit);
        expect(ids).toEqual(brute(f, 'created').map((c) => c.id));
        strategies.forEach((s) => seen.add(s));
      }
    }
    expect(seen).toContain('scan');
    expect(seen).toContain('read-all');
    expect(seen).toContain('sieve');
  }, 120_000);

  it('reads only the few records a selective query needs', async () => {
    const code = all.find((c) => c.docCodes.length > 0)!.docCodes[0]!;
    const f = normalizeFilter({ docCode: code });
    const page = await run(f, 'created', 50);
    expect(page.plan.strategy).toBe('read-all');
    expect(page.plan.reads).toBeLessThanOrEqual(all.filter((c) => c.docCodes.includes(code)).length);
    const dense = await run(normalizeFilter({}, queryTerms('quyet dinh')), 'created', 50);
    expect(dense.plan.reads).toBeLessThan(N / 4);
    const list = await run(normalizeFilter({}), 'created', 50);
    expect(list.plan.reads).toBeLessThanOrEqual(64);
    expect(list.total).toBe(all.filter((c) => !c.deleted).length);
  });
});

describe('common words, rare together', () => {
  it('finds the few clippings with both words from the words in memory, reading only them', async () => {
    const { db: db2, repo } = fresh();
    const inputs = [];
    // 1 400 clippings with "alpha", 1 400 with "beta", 20 with both, newest last.
    for (let i = 0; i < 1_400; i++) inputs.push(clip(`alpha ${i} gamma`), clip(`beta ${i}`));
    for (let i = 0; i < 20; i++) inputs.push(clip(`alpha beta ${i}`));
    inputs.push(...Array.from({ length: 600 }, (_, i) => clip(`beta filler ${i}`)));
    await repo.saveClippings(inputs);
    const f = normalizeFilter({}, queryTerms('alpha beta'));
    const page = await db2.transaction('r', [db2.clippings, db2.searchLog], async () => queryPage(db2.clippings, f, { limit: 50 }));
    expect(page.records).toHaveLength(20);
    expect(page.total).toBe(20);
    expect(page.plan).toMatchObject({ strategy: 'read-all', reads: 20 });
  }, 60_000);

  it('fetches a filter\'s sources deeper instead of scanning the archive, and still agrees', async () => {
    const { db: db2, repo } = fresh();
    const other = { ...PAGE, url: 'https://hanoi.gov.vn/tin/a.html', canonicalUrl: null };
    const inputs = [];
    // 1 400 clippings tagged "alpha" on one site, 1 400 on another site, 20 tagged on the other site, newest last.
    for (let i = 0; i < 1_400; i++) inputs.push(clip(`mot ${i}`, { tags: ['alpha'] }), clip(`hai ${i}`, {}, other));
    for (let i = 0; i < 20; i++) inputs.push(clip(`ba ${i}`, { tags: ['alpha'] }, other));
    inputs.push(...Array.from({ length: 600 }, (_, i) => clip(`bon ${i}`, {}, other)));
    await repo.saveClippings(inputs);
    const f = normalizeFilter({ tag: 'alpha', host: 'hanoi.gov.vn' });
    const page = await db2.transaction('r', [db2.clippings, db2.searchLog], async () => queryPage(db2.clippings, f, { limit: 50 }));
    expect(page.records).toHaveLength(20);
    expect(page.plan.strategy).toMatch(/^scan\+/);
    expect(page.plan.reads).toBeLessThan(1_500); // the scan alone would read 3 420
  }, 60_000);
});
