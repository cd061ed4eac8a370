/**
 * The archive's words in memory, answering "which clippings have, for every term, a token
 * that starts with it" (the rule of `matchesTerms`) without reading any record.
 *
 * Why in memory and not an IndexedDB multiEntry index: such an index costs one entry per
 * distinct token of every clipping (about 80), and in a browser's IndexedDB each entry is
 * a separate write: it made a save and above all an import several times slower (5 000
 * clippings: 3.3 s without that index, 10 s with it, in Chromium). The store keeps the
 * tokens in a compact log instead (lib/store/words.ts) and hands them here.
 *
 * Each clipping is one string, " " + its tokens joined by spaces + "\n", and a thousand of
 * them are one long string (a chunk): "a token starts with `term`" is an occurrence of
 * `term` just after a space. No per-token work at load (an inverted index took about a
 * second per 20 000 clippings to build, so a first search on 100 000 would have waited
 * five); a term costs one `indexOf` walk over the chunks (about 40 MB at 100 000 clippings,
 * 15 to 50 ms on a busy two-core machine: several times faster than testing each
 * clipping's string, since `indexOf` skips ahead on the term's first letter), or a test of
 * fewer clippings when a shorter prefix of it was looked up before, which is how a reader
 * types ("q", "quy", "quyet"). The answers of the last `CACHED_TERMS` terms are kept and
 * kept current as clippings change, and the last query's answer is kept until a change:
 * a list scrolling through one search asks the same terms page after page.
 *
 * A changed clipping takes a new slot and leaves its old one dead; dead slots are dropped
 * when they are half of all.
 */

const CACHED_TERMS = 32;
/** Clippings per chunk string (a power of two: a slot's chunk is `slot >> CHUNK_BITS`). */
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;

interface Chunk {
  /** The entries joined so far. */
  text: string;
  /** Entries added since `text` was last joined. */
  pending: string[];
  /** Where each entry starts in text + pending. */
  starts: number[];
  length: number;
}

export class WordIndex {
  private chunks: Chunk[] = [];
  /** Slot → clipping id; null for a dead slot (the clipping changed or went). */
  private ids: (string | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private dead = 0;
  /** Term → the slots (ascending, possibly dead) whose words have a token starting with it. */
  private cache = new Map<string, number[]>();
  /** Bumped by every change: the last query's answer holds while it is unchanged. */
  private version = 0;
  private last: { key: string; version: number; ids: Set<string> } | null = null;

  /** Live clippings indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Sets a clipping's tokens (as `indexTokens` gives them), or removes it with null. */
  set(id: string, tokens: readonly string[] | null): void {
    this.setJoined(id, tokens === null ? null : tokens.join(' '));
  }

  /** Sets a clipping's tokens given joined by spaces (the log's form), or removes it with null. */
  setJoined(id: string, joined: string | null, keepCache = true): void {
    this.version++;
    const old = this.slotOf.get(id);
    if (old !== undefined) {
      this.ids[old] = null;
      this.slotOf.delete(id);
      this.dead++;
    }
    if (joined !== null) {
      const slot = this.ids.length;
      this.ids.push(id);
      this.slotOf.set(id, slot);
      const entry = ` ${joined}\n`;
      this.append(slot, entry);
      if (keepCache) for (const [term, slots] of this.cache) if (entry.includes(` ${term}`)) slots.push(slot);
    }
    if (this.dead > 1_024 && this.dead * 2 > this.ids.length) this.compact();
  }

  /** Many changes at once (a load): the kept answers are dropped rather than updated one by one. */
  setMany(entries: Iterable<readonly [string, string | null]>): void {
    this.cache.clear();
    for (const [id, joined] of entries) this.setJoined(id, joined, false);
  }

  /** Ids of the clippings that have, for every term, a token starting with it. */
  match(terms: readonly string[]): Set<string> {
    const key = terms.join('\n');
    if (this.last && this.last.key === key && this.last.version === this.version) return this.last.ids;
    const lists = terms.map((t) => this.slotsFor(t)).sort((a, b) => a.length - b.length);
    let candidates = lists[0] ?? this.ids.map((_, slot) => slot);
    for (const list of lists.slice(1)) {
      if (candidates.length === 0) break;
      candidates = intersectSorted(candidates, list);
    }
    const ids = new Set<string>();
    for (const slot of candidates) {
      const id = this.ids[slot];
      if (id !== null && id !== undefined) ids.add(id);
    }
    this.last = { key, version: this.version, ids };
    return ids;
  }

  private append(slot: number, entry: string): void {
    let chunk = this.chunks[slot >> CHUNK_BITS];
    if (!chunk) {
      chunk = { text: '', pending: [], starts: [], length: 0 };
      this.chunks.push(chunk);
    }
    chunk.starts.push(chunk.length);
    chunk.pending.push(entry);
    chunk.length += entry.length;
  }

  private textOf(chunk: Chunk): string {
    if (chunk.pending.length > 0) {
      chunk.text += chunk.pending.join('');
      chunk.pending = [];
    }
    return chunk.text;
  }

  /** The entry of a slot, " tokens\n". */
  private entryOf(slot: number): string {
    const chunk = this.chunks[slot >> CHUNK_BITS]!;
    const k = slot & (CHUNK - 1);
    return this.textOf(chunk).slice(chunk.starts[k], k + 1 < chunk.starts.length ? chunk.starts[k + 1] : chunk.length);
  }

  private slotsFor(term: string): number[] {
    const kept = this.cache.get(term);
    if (kept) {
      // Most recently used last: the oldest is the first dropped.
      this.cache.delete(term);
      this.cache.set(term, kept);
      return kept;
    }
    // A kept shorter prefix of the term holds every slot the term can match.
    let within: number[] | null = null;
    for (const [t, slots] of this.cache) if (term.startsWith(t) && (!within || slots.length < within.length)) within = slots;
    const found = within ? this.filter(within, term) : this.scan(term);
    this.cache.set(term, found);
    if (this.cache.size > CACHED_TERMS) this.cache.delete(this.cache.keys().next().value!);
    return found;
  }

  private filter(slots: readonly number[], term: string): number[] {
    const needle = ` ${term}`;
    return slots.filter((slot) => this.ids[slot] !== null && this.entryOf(slot).includes(needle));
  }

  /** Every slot with a token starting with `term`: `indexOf` along each chunk, one hit per entry. */
  private scan(term: string): number[] {
    const found: number[] = [];
    this.chunks.forEach((chunk, c) => {
      const text = this.textOf(chunk);
      const starts = chunk.starts;
      const base = c << CHUNK_BITS;
      let e = 0;
      let p = text.indexOf(term);
      while (p !== -1) {
        if (text.charCodeAt(p - 1) !== 0x20) {
          p = text.indexOf(term, p + 1);
          continue;
        }
        while (e + 1 < starts.length && starts[e + 1]! <= p) e++;
        if (this.ids[base + e] !== null) found.push(base + e);
        if (e + 1 >= starts.length) break;
        p = text.indexOf(term, starts[e + 1]!);
      }
    });
    return found;
  }

  /** Renumbers the live slots from zero; the kept answers go with the old numbers. */
  private compact(): void {
    const live: [string, string][] = [];
    this.ids.forEach((id, slot) => {
      if (id !== null) live.push([id, this.entryOf(slot)]);
    });
    this.chunks = [];
    this.ids = [];
    this.slotOf.clear();
    this.dead = 0;
    this.cache.clear();
    live.forEach(([id, entry], slot) => {
      this.ids.push(id);
      this.slotOf.set(id, slot);
      this.append(slot, entry);
    });
  }
}

/** The common members of two ascending lists. */
function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}
