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

// The constants of the hot functions below are literals: optimized code loads a
// module's constant, and checks its type, at every use (see text.ts's CLASS_LIMIT).
export function fold(c: number): number {
  return c < 0x1f00 ? FOLD[c]! : foldCase(c); // FOLD_LIMIT
}

/**
 * A word's hash is the polynomial Σ fold(c_k)·P^k (mod 2^32) over its code units: the
 * same sum whether the word is read forwards or backwards, so a caller that walks a
 * word anyway (the word before a number is found walking back) can hash it on the way
 * and look it up without reading it again. See hashStepForward and hashStepBackward.
 */
export const HASH_P = 0x01000193;

/** Backward walk: start with 0 at the word's end, then fold in each code unit met. */
export function hashStepBackward(h: number, c: number): number {
  return hashStepFolded(h, fold(c));
}

/** hashStepBackward of a code unit already folded. */
export function hashStepFolded(h: number, folded: number): number {
  return (Math.imul(h, 0x01000193) + folded) | 0; // HASH_P
}

/**
 * Forward walk: start with 0 and `power` 1 at the word's start, fold in each code unit
 * met times `power`, then step `power` on with nextPower.
 */
export function hashStepForward(h: number, c: number, power: number): number {
  return (h + Math.imul(fold(c), power)) | 0;
}

/** HASH_P to the next power: after a word, HASH_P to its length. */
export function nextPower(power: number): number {
  return Math.imul(power, 0x01000193); // HASH_P
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = end - 1; i >= start; i--) h = hashStepBackward(h, text.charCodeAt(i));
  return h;
}

/**
 * hashRange over a whole key, for building a table. A function of its own: the keys are
 * strings of many internal kinds, and had they passed through hashRange its reads would
 * stay generic (a megamorphic `charCodeAt`) for the page's text ever after.
 */
function hashKey(key: string): number {
  let h = 0;
  for (let i = key.length - 1; i >= 0; i--) h = hashStepBackward(h, key.charCodeAt(i));
  return h;
}

/** Spreads a word's hash over the low bits that pick a slot. */
function mix(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b);
}

/** Int32 per slot of a WordTable. */
const SLOT = 4;

/**
 * An immutable map from lower-case words to values, queried by a range of a text.
 * Open addressing over one typed array: a slot holds the key's hash, its length, where
 * its folded characters start in `chars`, and its value's index, side by side, so a
 * probe reads one cache line and a miss (the common answer) usually costs the hash
 * and that one read.
 */
export class WordTable<V> {
  private readonly values: V[] = [];
  /** Four Int32 per slot: hash, length, key offset, value index + 1 (0 for an empty slot). */
  private readonly slots: Int32Array;
  /** The keys' folded characters, back to back. */
  private readonly chars: Uint16Array;
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
    this.slots = new Int32Array(size * SLOT);
    let minLength = Infinity;
    let maxLength = 0;
    let total = 0;
    for (const word of byWord.keys()) {
      minLength = Math.min(minLength, word.length);
      maxLength = Math.max(maxLength, word.length);
      total += word.length;
    }
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.chars = new Uint16Array(total);
    let offset = 0;
    for (const [word, value] of byWord) {
      const index = this.values.length;
      const h = mix(hashKey(word));
      this.values.push(value);
      for (let k = 0; k < word.length; k++) this.chars[offset + k] = word.charCodeAt(k);
      let slot = h & this.mask;
      while (this.slots[slot * SLOT + 3] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * SLOT] = h;
      this.slots[slot * SLOT + 1] = word.length;
      this.slots[slot * SLOT + 2] = offset;
      this.slots[slot * SLOT + 3] = index + 1;
      offset += word.length;
    }
  }

  /** The value for `text.slice(start, end)`, case-folded, or undefined. */
  get(text: string, start: number, end: number): V | undefined {
    const len = end - start;
    if (len < this.minLength || len > this.maxLength) return undefined;
    return this.getHashed(text, start, end, hashRange(text, start, end));
  }

  /** As get, with the range's hash already known (see HASH_P). */
  getHashed(text: string, start: number, end: number, hash: number): V | undefined {
    const len = end - start;
    if (len < this.minLength || len > this.maxLength) return undefined;
    const h = mix(hash);
    const slots = this.slots;
    let slot = h & this.mask;
    for (;;) {
      const at = slot << 2; // SLOT
      const value = slots[at + 3]!;
      if (value === 0) return undefined;
      if (slots[at] === h && slots[at + 1] === len && this.equalsKey(text, start, len, slots[at + 2]!)) {
        return this.values[value - 1];
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private equalsKey(text: string, start: number, len: number, offset: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < len; k++) if (fold(text.charCodeAt(start + k)) !== chars[offset + k]) return false;
    return true;
  }
}
