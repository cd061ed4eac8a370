// Before Dexie loads (the second suite uses a real repository on fake-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { RowSource, type PageFetch } from '@/lib/library/rows';
import { generateClippings } from '@/lib/store/fixtures';
import type { ClippingView, ListResult } from '@/lib/store';
import { fresh } from '../store/helpers';

/** Views ordered newest first, with (createdAt, id) like the store's. */
function views(n: number): ClippingView[] {
  return Array.from({ length: n }, (_, i) => ({
    clipping: { id: `id-${String(n - i).padStart(6, '0')}`, createdAt: 1_000_000 + (n - i) * 10 } as ClippingView['clipping'],
    page: {} as ClippingView['page'],
  }));
}

/** A fetch over an array that pages by the store's cursors ([createdAt, id] of the last row). */
function arrayFetch(rows: ClippingView[], total: 'known' | 'unknown' = 'known') {
  const calls: { cursor: string | null; limit: number }[] = [];
  const fetch: PageFetch = async (cursor, limit) => {
    calls.push({ cursor, limit });
    let from = 0;
    if (cursor) {
      const [t, id] = JSON.parse(cursor) as [number, string];
      from = rows.findIndex((r) => r.clipping.createdAt === t && r.clipping.id === id) + 1;
    }
    const items = rows.slice(from, from + limit);
    const last = items[items.length - 1];
    const more = from + limit < rows.length;
    const result: ListResult = {
      items,
      next: more && last ? JSON.stringify([last.clipping.createdAt, last.clipping.id]) : null,
      total: total === 'known' ? rows.length : null,
    };
    return result;
  };
  return { fetch, calls };
}

describe('RowSource', () => {
  it('loads the chunks a window needs, once each', async () => {
    const rows = views(1_000);
    const { fetch, calls } = arrayFetch(rows);
    const onChange = vi.fn();
    const source = new RowSource(fetch, { chunk: 100, onChange });
    expect(source.started).toBe(false);
    await source.ensure(0, 30);
    expect(source.total).toBe(1_000);
    expect(source.count).toBe(1_000);
    expect(source.get(0)).toBe(rows[0]);
    expect(source.get(99)).toBe(rows[99]);
    expect(source.get(100)).toBeUndefined();
    await source.ensure(95, 130);
    await source.ensure(0, 130);
    expect(calls.map((c) => c.limit)).toEqual([100, 100]);
    expect(source.get(129)).toBe(rows[129]);
    expect(onChange).toHaveBeenCalled();
  });

  it('reaches a far row by walking forward in strides, keeping only the cursors on the way', async () => {
    const rows = views(5_000);
    const { fetch, calls } = arrayFetch(rows);
    const source = new RowSource(fetch, { chunk: 100, stride: 10, maxChunks: 5 });
    await source.ensure(4_990, 5_000);
    expect(source.get(4_999)).toBe(rows[4_999]);
    expect(source.get(4_990)).toBe(rows[4_990]);
    // 50 chunks in strides of 10: 5 fetches, not 50.
    expect(calls.length).toBeLessThanOrEqual(6);
    expect(calls.every((c) => c.limit <= 1_000)).toBe(true);
    // Only a few chunks are kept; the cursors let any chunk be read again directly.
    expect(source.get(1_500)).toBeUndefined();
    const before = calls.length;
    await source.ensure(1_500, 1_510);
    expect(calls.length).toBe(before + 1);
    expect(calls.at(-1)!.limit).toBe(100);
    expect(source.get(1_505)).toBe(rows[1_505]);
  });

  it('learns the length at the end when the store does not count', async () => {
    const rows = views(250);
    const { fetch } = arrayFetch(rows, 'unknown');
    const source = new RowSource(fetch, { chunk: 100 });
    await source.ensure(0, 10);
    expect(source.total).toBeNull();
    // Found so far plus a chunk of room to scroll into.
    expect(source.count).toBe(200);
    await source.ensure(150, 250);
    expect(source.total).toBe(250);
    expect(source.count).toBe(250);
    expect(source.get(249)).toBe(rows[249]);
    await source.ensure(300, 400); // past the end: nothing to fetch
    expect(source.get(300)).toBeUndefined();
  });

  it('finds a loaded row by id', async () => {
    const rows = views(300);
    const source = new RowSource(arrayFetch(rows).fetch, { chunk: 100 });
    await source.ensure(100, 200);
    expect(source.indexOf(rows[150]!.clipping.id)).toBe(150);
    expect(source.indexOf('nope')).toBe(-1);
  });

  it('reports a failed read instead of throwing into the view', async () => {
    const source = new RowSource(() => Promise.reject(new Error('disk')), { chunk: 10 });
    await source.ensure(0, 5);
    expect(source.error).toBeInstanceOf(Error);
    expect(source.started).toBe(true);
  });

  it('pages through a real archive exactly as one big list does', async () => {
    const { repo } = fresh();
    await repo.saveClippings(generateClippings(730, { seed: 3 }));
    const all = await repo.listClippings({ limit: Infinity });
    const source = new RowSource((cursor, limit) => repo.search('', {}, { cursor, limit }), { chunk: 50, stride: 4, maxChunks: 3 });
    // Far first (a walk), then back to the top, then the middle (direct reads by cursor).
    for (const [start, end] of [[700, 730], [0, 40], [333, 360]] as const) {
      await source.ensure(start, end);
      for (const i of [start, end - 1]) expect(source.get(i)?.clipping.id).toBe(all.items[i]!.clipping.id);
    }
    expect(source.total).toBe(730);
  });
  it('jumps by the order: a far chunk is one read of its ids, no walk', async () => {
    const rows = views(5_000);
    const { fetch, calls } = arrayFetch(rows);
    const reads: number[] = [];
    const byIds = async (ids: readonly string[]) => {
      reads.push(ids.length);
      return rows.filter((r) => ids.includes(r.clipping.id));
    };
    let asked = 0;
    const order = async () => {
      asked++;
      return rows.map((r) => r.clipping.id);
    };
    const source = new RowSource(fetch, { chunk: 100, order, byIds });
    await source.ensure(0, 10);
    // The first rows by cursor, then the order is asked for in the background.
    expect(calls).toHaveLength(1);
    await source.ensure(4_950, 4_960);
    expect(source.get(4_955)).toBe(rows[4_955]);
    expect(calls).toHaveLength(1);
    expect(reads).toEqual([100]);
    expect(asked).toBe(1);
    expect(source.total).toBe(5_000);
    expect(source.indexOf(rows[3_210]!.clipping.id)).toBe(3_210);
  });

  it('asks for the order at once when a far row is wanted first, and leaves a hole for a row gone since', async () => {
    const rows = views(1_000);
    const { fetch, calls } = arrayFetch(rows);
    const gone = rows[520]!.clipping.id;
    const byIds = async (ids: readonly string[]) => rows.filter((r) => ids.includes(r.clipping.id) && r.clipping.id !== gone);
    const source = new RowSource(fetch, { chunk: 100, order: async () => rows.map((r) => r.clipping.id), byIds });
    await source.ensure(500, 530);
    expect(calls).toHaveLength(0);
    expect(source.get(519)).toBe(rows[519]);
    expect(source.get(520)).toBeUndefined();
    expect(source.get(521)).toBe(rows[521]);
  });

  it('keeps to cursors when the order disagrees with the rows shown, or there is none', async () => {
    const rows = views(3_000);
    const { fetch, calls } = arrayFetch(rows);
    const byIds = vi.fn(async () => [] as ClippingView[]);
    // A clipping saved between the two reads: the order has one more at the top.
    const newer = views(3_001)[0]!.clipping.id;
    const source = new RowSource(fetch, { chunk: 100, stride: 10, order: async () => [newer, ...rows.map((r) => r.clipping.id)], byIds });
    await source.ensure(0, 10);
    await source.ensure(2_950, 2_960);
    expect(source.get(2_955)).toBe(rows[2_955]);
    expect(byIds).not.toHaveBeenCalled();
    expect(calls.length).toBeGreaterThan(1);
    const none = new RowSource(arrayFetch(rows).fetch, { chunk: 100, order: async () => null, byIds });
    await none.ensure(2_950, 2_960);
    expect(none.get(2_955)).toBe(rows[2_955]);
  });

  it('jumps through a real archive by the order exactly as one big list shows it', async () => {
    const { repo } = fresh();
    await repo.saveClippings(generateClippings(730, { seed: 5 }));
    const views = await repo.listClippings({ limit: 40 });
    await repo.deleteClipping(views.items[3]!.clipping.id);
    for (const [q, filter] of [['', {}], ['quyet', {}], ['', { kind: 'document' as const }]] as const) {
      const all = await repo.search(q, filter, { limit: Infinity });
      const pages: number[] = [];
      const source = new RowSource(
        (cursor, limit) => {
          pages.push(limit);
          return repo.search(q, filter, { cursor, limit });
        },
        { chunk: 50, maxChunks: 3, order: () => repo.matchOrder(q, filter), byIds: (ids) => repo.getClippings(ids) },
      );
      for (const [start, end] of [[0, 40], [all.items.length - 30, all.items.length], [333, 360]] as const) {
        await source.ensure(start, end);
        for (const i of [start, end - 1]) expect(source.get(i)?.clipping.id).toBe(all.items[i]!.clipping.id);
      }
      expect(source.total).toBe(all.items.length);
      // One cursor page (the first rows); every other chunk by its ids.
      expect(pages).toEqual([50]);
    }
  });
});
