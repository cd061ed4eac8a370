/**
 * The search words of the archive, kept out of the clippings' indexes (see
 * lib/search/memory.ts for why): every write that adds or changes a clipping appends its
 * tokens to a log (`searchLog`), and each database connection holds the log's sum in
 * memory (`WordIndex`), brought up to date from the log at the start of every search,
 * inside the search's own read transaction, so a search sees exactly the archive its
 * transaction sees, whichever page or worker wrote it.
 *
 * The log: records keyed `[seq+run]`, each a batch of entries (clipping id, its tokens
 * joined by spaces, or null once it is deleted); a later entry for an id replaces an
 * earlier one. An import writes a record per thousand clippings; a save or an edit writes
 * a record of one entry, and `run` counts such small records in a row: past `RUN` of them
 * the writer folds them into one block (in the same transaction), so loading the log stays
 * a read of a few hundred records, not one per save. Re-reading a folded block is safe:
 * entries keep their order and each is a whole state, so applying them again changes
 * nothing.
 *
 * Tokens never contain a space (lib/search/tokenize.ts's compounds are letters, digits
 * and joiners), so a space-joined string is their compact, exact form.
 */
import { WordIndex } from '../search/memory.ts';
import type { ArchiveDB } from './db.ts';
import type { ClippingRecord } from './records.ts';

export interface SearchLogRecord {
  seq: number;
  /** 0 for a block; k for the k-th small record in a row. */
  run: number;
  ids: string[];
  /** Per id: its tokens joined by spaces, or null when it is deleted or gone. */
  words: (string | null)[];
}

/** Entries per block written at once (imports, upgrades, folded runs). */
const BLOCK = 1_000;
/** Small records in a row before they are folded into one block. */
export const RUN = 64;

/** A clipping's log entry: its tokens, or null for a tombstone (it can no longer be found). */
export function wordsOf(c: ClippingRecord): string | null {
  return c.deleted ? null : c.tokens.join(' ');
}

/** A clipping id and its words (`wordsOf`). */
export type Entry = readonly [string, string | null];

function blocks(entries: readonly Entry[], firstSeq: number): SearchLogRecord[] {
  const out: SearchLogRecord[] = [];
  for (let i = 0; i < entries.length; i += BLOCK) {
    const part = entries.slice(i, i + BLOCK);
    out.push({ seq: firstSeq + out.length, run: 0, ids: part.map((e) => e[0]), words: part.map((e) => e[1]) });
  }
  return out;
}

async function lastKey(db: ArchiveDB): Promise<[number, number] | null> {
  const keys = (await db.searchLog.orderBy(':id').reverse().limit(1).primaryKeys()) as unknown as [number, number][];
  return keys[0] ?? null;
}

/**
 * Appends entries to the log. Call inside a read-write transaction that includes
 * `searchLog`, with the records as written.
 */
export async function logEntries(db: ArchiveDB, entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const last = await lastKey(db);
  const [lastSeq, lastRun] = last ?? [0, 0];
  if (entries.length >= RUN) {
    await db.searchLog.bulkAdd(blocks(entries, lastSeq + 1));
    return;
  }
  if (lastRun + 1 <= RUN) {
    await db.searchLog.add({ seq: lastSeq + 1, run: lastRun + 1, ids: entries.map((e) => e[0]), words: entries.map((e) => e[1]) });
    return;
  }
  // Fold the run and these entries into one block after it (keys above the run's last).
  const run = await db.searchLog.where(':id').above([lastSeq - lastRun, Infinity]).toArray();
  const folded: Entry[] = [];
  for (const r of run) r.ids.forEach((id, i) => folded.push([id, r.words[i]!]));
  folded.push(...entries);
  await db.searchLog.bulkDelete(run.map((r) => [r.seq, r.run]));
  await db.searchLog.bulkAdd(blocks(folded, lastSeq + 1));
}

/** Appends the entries of clippings as written. */
export function logClippings(db: ArchiveDB, clippings: readonly ClippingRecord[]): Promise<void> {
  return logEntries(
    db,
    clippings.map((c) => [c.id, wordsOf(c)] as const),
  );
}

/** Entries for clippings removed for good. */
export function logRemoved(db: ArchiveDB, ids: readonly string[]): Promise<void> {
  return logEntries(
    db,
    ids.map((id) => [id, null] as const),
  );
}

/** The log of a whole archive from its clippings' entries, for the upgrade that introduces it. */
export function logOf(entries: readonly Entry[]): SearchLogRecord[] {
  return blocks(entries, 1);
}

/** One connection's words in memory and how far into the log they are. */
interface Memory {
  index: WordIndex;
  seen: [number, number] | null;
}

const memories = new WeakMap<ArchiveDB, Memory>();

/**
 * The clippings whose words match every term (lib/search rules), with the log read up to
 * date first. Call inside a transaction that includes `searchLog`. Not `async`: a native
 * async function awaited inside a Dexie transaction lets it commit early (see `guard` in
 * errors.ts); the Dexie promise chain keeps it open.
 */
export function matchingIds(db: ArchiveDB, terms: readonly string[]): Promise<Set<string>> {
  let memory = memories.get(db);
  if (!memory) {
    memory = { index: new WordIndex(), seen: null };
    memories.set(db, memory);
  }
  const m = memory;
  const since = m.seen;
  return (since ? db.searchLog.where(':id').above(since) : db.searchLog.orderBy(':id')).toArray().then((fresh) => {
    // Another search of this connection may have read further meanwhile: apply only what is past it.
    const seen = m.seen;
    const news = seen ? fresh.filter((r) => r.seq > seen[0] || (r.seq === seen[0] && r.run > seen[1])) : fresh;
    if (news.length > 0) {
      const entries = news.flatMap((r) => r.ids.map((id, i) => [id, r.words[i]!] as const));
      if (entries.length > RUN) m.index.setMany(entries);
      else for (const [id, words] of entries) m.index.setJoined(id, words);
      const last = news[news.length - 1]!;
      m.seen = [last.seq, last.run];
    }
    return m.index.match(terms);
  });
}

/** Forgets a connection's words (it closed, or its database was replaced). */
export function forgetWords(db: ArchiveDB): void {
  memories.delete(db);
}
