/**
 * Random access to a long, cursor-paged result: the rows of the windowed list.
 *
 * The store pages results newest first with cursors (`next`), which stay valid while
 * clippings are added ahead of them, but it cannot jump to row 60 000 without reading
 * its way there. So rows are kept in chunks of `chunk` rows; the cursor that starts each
 * chunk is remembered once found (a string per chunk: 1 000 for 100 000 rows), and the
 * chunks' rows are cached, least recently used dropped first, so memory stays bounded
 * however far one scrolls. Reaching an unvisited far row (End, or dragging the scroll
 * bar) walks forward from the furthest known cursor in strides of several chunks,
 * keeping only the cursors on the way.
 */
import type { ClippingView, ListResult } from '../store/index.ts';
import { encodeCursor } from '../store/plan.ts';

/** One page of results after `cursor` (null: from the start), at most `limit` long. */
export type PageFetch = (cursor: string | null, limit: number) => Promise<ListResult>;

export interface RowSourceOptions {
  /** Rows per chunk. */
  chunk?: number;
  /** Chunks fetched at once when walking forward to a far row. */
  stride?: number;
  /** Chunks of rows kept in memory. */
  maxChunks?: number;
  /** Called whenever rows, the count or the error change. */
  onChange?: () => void;
}

export class RowSource {
  readonly chunk: number;
  private readonly stride: number;
  private readonly maxChunks: number;
  /** `starts[k]`: the cursor that begins chunk k (`starts[0]` is null: the start). */
  private readonly starts: (string | null)[] = [null];
  /** Loaded chunks, in least-recently-used order (Map keeps insertion order). */
  private readonly chunks = new Map<number, ClippingView[]>();
  private readonly loading = new Map<number, Promise<void>>();
  private walking: Promise<void> | null = null;
  /** The furthest chunk the last `ensure` wanted: the walk goes on while it is short of it. */
  private wanted = 0;
  private knownTotal: number | null = null;
  /** Set once a fetch came back short: the list's exact length. */
  private endAt: number | null = null;
  private closed = false;
  error: unknown = null;
  onChange: (() => void) | undefined;

  constructor(
    private readonly fetch: PageFetch,
    options: RowSourceOptions = {},
  ) {
    this.chunk = options.chunk ?? 100;
    this.stride = options.stride ?? 10;
    this.maxChunks = Math.max(2, options.maxChunks ?? 40);
    this.onChange = options.onChange;
  }

  /** Exact number of rows, when the store said or the end has been reached; else null. */
  get total(): number | null {
    return this.endAt ?? this.knownTotal;
  }

  /**
   * Rows the list should make room for: the exact count when known; else the rows found
   * so far and one more chunk of placeholders, so the scroll bar invites going on.
   */
  get count(): number {
    const total = this.total;
    if (total !== null) return total;
    return (this.starts.length - 1) * this.chunk + this.chunk;
  }

  /** Whether the first rows have arrived (or the first fetch failed). */
  get started(): boolean {
    return this.chunks.has(0) || this.endAt !== null || this.error !== null;
  }

  get(index: number): ClippingView | undefined {
    const rows = this.chunks.get(Math.floor(index / this.chunk));
    return rows?.[index % this.chunk];
  }

  /** The index of a loaded row by clipping id, or -1. */
  indexOf(id: string): number {
    for (const [k, rows] of this.chunks) {
      const i = rows.findIndex((r) => r.clipping.id === id);
      if (i >= 0) return k * this.chunk + i;
    }
    return -1;
  }

  /** Stops notifying: the list moved on to another source. */
  close(): void {
    this.closed = true;
  }

  /** Loads what rows `start` to `end` (exclusive) need. Resolves when they are there or known not to exist. */
  async ensure(start: number, end: number): Promise<void> {
    if (end <= start) end = start + 1;
    const first = Math.max(0, Math.floor(start / this.chunk));
    const last = Math.max(first, Math.floor((end - 1) / this.chunk));
    this.wanted = last;
    const jobs: Promise<void>[] = [];
    for (let k = first; k <= last; k++) {
      if (this.endAt !== null && k * this.chunk >= this.endAt) break;
      const rows = this.chunks.get(k);
      if (rows) {
        this.touch(k, rows);
        continue;
      }
      jobs.push(k < this.starts.length ? this.load(k) : this.walkTo(k));
    }
    await Promise.all(jobs);
  }

  private touch(k: number, rows: ClippingView[]): void {
    this.chunks.delete(k);
    this.chunks.set(k, rows);
  }

  private keep(k: number, rows: ClippingView[]): void {
    this.touch(k, rows);
    while (this.chunks.size > this.maxChunks) {
      const oldest = this.chunks.keys().next().value as number;
      this.chunks.delete(oldest);
    }
  }

  private changed(): void {
    if (!this.closed) this.onChange?.();
  }

  private noteTotal(result: ListResult): void {
    if (result.total !== null) this.knownTotal = result.total;
  }

  /** Loads one chunk whose starting cursor is known. */
  private load(k: number): Promise<void> {
    const pending = this.loading.get(k);
    if (pending) return pending;
    const job = this.fetch(this.starts[k]!, this.chunk)
      .then((result) => {
        this.noteTotal(result);
        this.keep(k, result.items);
        this.record(k, result.items, result.next);
        this.changed();
      })
      .catch((error: unknown) => {
        this.error = error;
        this.changed();
      })
      .finally(() => this.loading.delete(k));
    this.loading.set(k, job);
    return job;
  }

  /** Cursor bookkeeping after the rows of chunks k, k+1… arrived in one page ending with `next`. */
  private record(k: number, items: readonly ClippingView[], next: string | null): void {
    const full = Math.floor(items.length / this.chunk);
    for (let j = 1; j <= full; j++) {
      const boundary = k + j;
      if (boundary < this.starts.length) continue;
      // Each full chunk's last row starts the next one; the page's own `next` for the last.
      const last = items[j * this.chunk - 1]!.clipping;
      this.starts[boundary] = j === full && next !== null ? next : encodeCursor([last.createdAt, last.id]);
    }
    if (next === null) {
      this.endAt = k * this.chunk + items.length;
      // No chunk starts at or after the end.
      this.starts.length = Math.min(this.starts.length, Math.ceil(this.endAt / this.chunk) || 1);
    }
  }

  /** Walks forward from the furthest known cursor until chunk `k` can be loaded (or the end is found). */
  private walkTo(k: number): Promise<void> {
    if (!this.walking) {
      this.walking = this.walk().finally(() => {
        this.walking = null;
      });
    }
    return this.walking.then(() => {
      if (this.chunks.has(k) || (this.endAt !== null && k * this.chunk >= this.endAt)) return;
      if (k < this.starts.length) return this.load(k);
      // The walk stopped short (an error, or the wanted row moved back): nothing more to do.
      return undefined;
    });
  }

  private async walk(): Promise<void> {
    while (!this.closed && this.error === null && this.endAt === null && this.starts.length - 1 < this.wanted) {
      const from = this.starts.length - 1;
      const chunks = Math.max(1, Math.min(this.stride, this.wanted - from + 1));
      let result: ListResult;
      try {
        result = await this.fetch(this.starts[from]!, chunks * this.chunk);
      } catch (error) {
        this.error = error;
        this.changed();
        return;
      }
      this.noteTotal(result);
      // Keep the rows of the chunks that are wanted now; the rest only leave their cursors.
      for (let j = 0; j < chunks; j++) {
        const rows = result.items.slice(j * this.chunk, (j + 1) * this.chunk);
        if (rows.length === 0) break;
        if (from + j >= this.wanted - 1 || from + j === 0) this.keep(from + j, rows);
      }
      this.record(from, result.items, result.next);
      this.changed();
    }
  }
}
