/**
 * Random access to a long result: the rows of the windowed list.
 *
 * Rows are kept in chunks of `chunk` rows, least recently used dropped first, so memory
 * stays bounded however far one scrolls. Two ways fill them:
 *
 * - By order (`order` and `byIds` given): the store gives every match's id, newest first
 *   (lib/store/order.ts: from the search log's memory, no record read; about 3.6 MB of
 *   strings at 100 000), so row r is `ids[r]` and a chunk is one read of its ids,
 *   wherever it is: dragging the scroll bar to row 60 000 reads 50 records, not the
 *   60 000 before them. The ids are asked for
 *   once the first chunk has arrived (so the first rows do not wait for them) or at once
 *   when a far row is wanted first.
 * - By cursor (always the first chunk, and every chunk when the store has no order for
 *   the filter): the store pages newest first with cursors (`next`). The cursor that
 *   starts each chunk is remembered once found; reaching an unvisited far row walks
 *   forward from the furthest known cursor in strides of several chunks, keeping only the
 *   cursors on the way.
 *
 * The two come from different read transactions: when the ids arrive and a chunk already
 * loaded disagrees with them (a save landed between the reads), the source keeps to
 * cursors; the owner refreshes the list on every change anyway.
 */
import type { ClippingView, ListResult } from '../store/index.ts';
import { encodeCursor } from '../store/plan.ts';

/** One page of results after `cursor` (null: from the start), at most `limit` long. */
export type PageFetch = (cursor: string | null, limit: number) => Promise<ListResult>;

/** Every match's id in list order, or null when the store cannot say (page by cursor then). */
export type OrderFetch = () => Promise<string[] | null>;

/** Clippings by id, in the order asked; missing ids left out. */
export type IdsFetch = (ids: readonly string[]) => Promise<ClippingView[]>;

export interface RowSourceOptions {
  /** Rows per chunk. */
  chunk?: number;
  /** Chunks fetched at once when walking forward to a far row. */
  stride?: number;
  /** Chunks of rows kept in memory. */
  maxChunks?: number;
  /** Called whenever rows, the count or the error change. */
  onChange?: () => void;
  /** Random access by order; both or neither. */
  order?: OrderFetch;
  byIds?: IdsFetch;
}

/** A chunk's rows; a hole where a clipping listed in the order was gone by the time it was read. */
type Rows = (ClippingView | undefined)[];

export class RowSource {
  readonly chunk: number;
  private readonly stride: number;
  private readonly maxChunks: number;
  /** `starts[k]`: the cursor that begins chunk k (`starts[0]` is null: the start). */
  private readonly starts: (string | null)[] = [null];
  /** Loaded chunks, in least-recently-used order (Map keeps insertion order). */
  private readonly chunks = new Map<number, Rows>();
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
  private readonly order: OrderFetch | undefined;
  private readonly byIds: IdsFetch | undefined;
  /** The order's answer once asked for: the ids, or null (no order: cursors only). */
  private ordering: Promise<string[] | null> | null = null;
  private ids: string[] | null = null;
  private position: Map<string, number> | null = null;

  constructor(
    private readonly fetch: PageFetch,
    options: RowSourceOptions = {},
  ) {
    this.chunk = options.chunk ?? 100;
    this.stride = options.stride ?? 10;
    this.maxChunks = Math.max(2, options.maxChunks ?? 40);
    this.onChange = options.onChange;
    this.order = options.byIds ? options.order : undefined;
    this.byIds = options.byIds;
  }

  /** Exact number of rows, when the store said or the end has been reached; else null. */
  get total(): number | null {
    if (this.ids) return this.ids.length;
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
    return this.chunks.has(0) || this.endAt !== null || this.error !== null || this.ids?.length === 0;
  }

  get(index: number): ClippingView | undefined {
    const rows = this.chunks.get(Math.floor(index / this.chunk));
    return rows?.[index % this.chunk];
  }

  /** The index of a row by clipping id (any row once the order is known, else a loaded one), or -1. */
  indexOf(id: string): number {
    if (this.ids) {
      this.position ??= new Map(this.ids.map((x, i) => [x, i]));
      return this.position.get(id) ?? -1;
    }
    for (const [k, rows] of this.chunks) {
      const i = rows.findIndex((r) => r?.clipping.id === id);
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
      const end = this.ids ? this.ids.length : this.endAt;
      if (end !== null && k * this.chunk >= end) break;
      const rows = this.chunks.get(k);
      if (rows) {
        this.touch(k, rows);
        continue;
      }
      if (this.ids) jobs.push(this.loadByIds(k));
      else if (k < this.starts.length) jobs.push(this.load(k));
      else if (this.order) jobs.push(this.ordered().then((ids) => (ids ? this.ensure(k * this.chunk, (k + 1) * this.chunk) : this.walkTo(k))));
      else jobs.push(this.walkTo(k));
    }
    await Promise.all(jobs);
  }

  /** Asks the store for the order, once; checks the chunks already read against it. */
  private ordered(): Promise<string[] | null> {
    if (this.ordering) return this.ordering;
    if (!this.order) return (this.ordering = Promise.resolve(null));
    this.ordering = this.order().then(
      (ids) => {
        if (ids === null || this.closed) return ids;
        // Rows shown that the order disagrees with: the archive changed between the two
        // reads, and the owner refreshes the list on every change. Until then this source
        // stays as it is (rows and count from one snapshot) rather than mixing the two.
        for (const [k, rows] of this.chunks) {
          const same = rows.length === Math.min(this.chunk, Math.max(0, ids.length - k * this.chunk)) && rows.every((r, i) => r?.clipping.id === ids[k * this.chunk + i]);
          if (!same) return null;
        }
        this.ids = ids;
        this.changed();
        return ids;
      },
      // Without the order the list still works by cursor: a failure here is not the list's.
      () => null,
    );
    return this.ordering;
  }

  /** Loads one chunk by its ids in the order. */
  private loadByIds(k: number): Promise<void> {
    const pending = this.loading.get(k);
    if (pending) return pending;
    const ids = this.ids!.slice(k * this.chunk, (k + 1) * this.chunk);
    return this.track(
      k,
      this.byIds!(ids).then((views) => {
        const byId = new Map(views.map((v) => [v.clipping.id, v]));
        // A clipping deleted or gone since the order was read leaves a hole (a placeholder)
        // until the owner refreshes, rather than shifting every row after it.
        this.keep(
          k,
          ids.map((id) => {
            const v = byId.get(id);
            return v && !v.clipping.deleted ? v : undefined;
          }),
        );
        this.changed();
      }),
    );
  }

  /** Registers a chunk's read as under way: a failure is the list's error, and it is forgotten once settled. */
  private track(k: number, work: Promise<unknown>): Promise<void> {
    const job: Promise<void> = work
      .then(() => undefined)
      .catch((error: unknown) => {
        this.error = error;
        this.changed();
      })
      .finally(() => {
        if (this.loading.get(k) === job) this.loading.delete(k);
      });
    this.loading.set(k, job);
    return job;
  }

  private touch(k: number, rows: Rows): void {
    this.chunks.delete(k);
    this.chunks.set(k, rows);
  }

  private keep(k: number, rows: Rows): void {
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
    return this.track(
      k,
      this.fetch(this.starts[k]!, this.chunk).then((result) => {
        this.noteTotal(result);
        // The order arrived meanwhile and rules: this chunk is read again by id.
        if (this.ids) {
          this.loading.delete(k);
          return this.loadByIds(k);
        }
        this.keep(k, result.items);
        this.record(k, result.items, result.next);
        this.changed();
        // The first rows are shown: now the order, for the jumps to come.
        if (k === 0 && this.order) void this.ordered();
        return undefined;
      }),
    );
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
      if (this.ids) return this.ensure(k * this.chunk, (k + 1) * this.chunk);
      if (this.chunks.has(k) || (this.endAt !== null && k * this.chunk >= this.endAt)) return;
      if (k < this.starts.length) return this.load(k);
      // The walk stopped short (an error, or the wanted row moved back): nothing more to do.
      return undefined;
    });
  }

  private async walk(): Promise<void> {
    while (!this.closed && this.ids === null && this.error === null && this.endAt === null && this.starts.length - 1 < this.wanted) {
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
      // The order arrived meanwhile: the wanted chunks are read by id instead.
      if (this.ids) return;
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
