/**
 * Word look-up straight from the text, without cutting the word out of it: the
 * recognizer asks "what is the word before/after this number?" for every number of
 * the page, and a `slice` + `toLowerCase` + `Map.get(string)` per question is most of
 * its cost. Here a word is hashed case-folded as it is read, and compared in place.
 */

/**
 * Lower-cases one code unit of Latin script (Vietnamese included) and reads any
 * space as a plain space, so "hộ\u00a0dân" finds "hộ dân"; others pass through.
 */
export function foldCase(c: number): number {
  // A tab or a line break between the words of a phrase reads as a space too.
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c | 0x20 : c === 0x09 || c === 0x0a || c === 0x0d ? 0x20 : c;
  // Every horizontal space of text.ts's isHSpace: phrases are looked up across them.
  if (c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b) || c === 0x205f || c === 0x3000 || c === 0xfeff) return 0x20;
  if (c >= 0xc0 && c <= 0xde) return c === 0xd7 ? c : c + 0x20;
  if (c >= 0x100 && c <= 0x137) return c | 1; // Ā … Đ … Ķ
  if (c === 0x1a0 || c === 0x1af) return c + 1; // Ơ Ư
  if (c >= 0x1ea0 && c <= 0x1ef9) return c | 1; // Ạ … Ỹ
  return c;
}

// foldCase for every code unit below U+1F00 (Latin, Vietnamese included), read from a
// table: a look-up asks it of every character, and one load beats its branches.
const FOLD_LIMIT = 0x1f00;
const FOLD = new Uint16Array(FOLD_LIMIT);
for (let c = 0; c < FOLD_LIMIT; c++) FOLD[c] = foldCase(c);

function fold(c: number): number {
  return c < FOLD_LIMIT ? FOLD[c]! : foldCase(c);
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ fold(text.charCodeAt(i)), 0x01000193);
  return h;
}

function equalsFolded(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if (fold(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * An immutable map from lower-case words to values, queried by a range of a text.
 * Open addressing over typed arrays: a probe compares a stored hash before any
 * character, so a miss (the common answer) usually costs the hash and one slot read.
 */
export class WordTable<V> {
  private readonly words: string[] = [];
  private readonly values: V[] = [];
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Length of the shortest and the longest word: most words of a page fall outside one table's. */
  private readonly minLength: number;
  private readonly maxLength: number;

  constructor(entries: Iterable<readonly [string, V]>) {
    const byWord = new Map<string, V>();
    for (const [word, value] of entries) {
      let folded = '';
      for (let i = 0; i < word.length; i++) folded += String.fromCharCode(foldCase(word.charCodeAt(i)));
      byWord.set(folded, value);
    }
    let size = 16;
    while (size < byWord.size * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(byWord.size);
    let minLength = Infinity;
    let maxLength = 0;
    for (const word of byWord.keys()) {
      minLength = Math.min(minLength, word.length);
      maxLength = Math.max(maxLength, word.length);
    }
    this.minLength = minLength;
    this.maxLength = maxLength;
    for (const [word, value] of byWord) {
      const index = this.words.length;
      const h = hashRange(word, 0, word.length);
      this.words.push(word);
      this.values.push(value);
      this.hashes[index] = h;
      let slot = h & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = index;
    }
  }

  /** The value for `text.slice(start, end)`, case-folded, or undefined. */
  get(text: string, start: number, end: number): V | undefined {
    const len = end - start;
    if (len < this.minLength || len > this.maxLength) return undefined;
    const h = hashRange(text, start, end);
    let slot = h & this.mask;
    for (;;) {
      const index = this.slots[slot]!;
      if (index === -1) return undefined;
      if (this.hashes[index] === h) {
        const word = this.words[index]!;
        if (word.length === len && equalsFolded(text, start, word)) return this.values[index];
      }
      slot = (slot + 1) & this.mask;
    }
  }
}
