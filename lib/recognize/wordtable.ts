/**
 * Word look-up straight from the text, without cutting the word out of it: the
 * recognizer asks "what is the word before/after this number?" for every number of
 * the page, and a `slice` + `toLowerCase` + `Map.get(string)` per question is most of
 * its cost. Here a word is hashed case-folded as it is read, and compared in place.
 */

/** Lower-cases one code unit of Latin script (Vietnamese included); others pass through. */
export function foldCase(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  if (c >= 0xc0 && c <= 0xde) return c === 0xd7 ? c : c + 0x20;
  if (c >= 0x100 && c <= 0x137) return c | 1; // Ā … Đ … Ķ
  if (c === 0x1a0 || c === 0x1af) return c + 1; // Ơ Ư
  if (c >= 0x1ea0 && c <= 0x1ef9) return c | 1; // Ạ … Ỹ
  return c;
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ foldCase(text.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

function equalsFolded(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if (foldCase(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** An immutable map from lower-case words to values, queried by a range of a text. */
export class WordTable<V> {
  private readonly buckets = new Map<number, { word: string; value: V }[]>();

  constructor(entries: Iterable<readonly [string, V]>) {
    for (const [word, value] of entries) {
      let folded = '';
      for (let i = 0; i < word.length; i++) folded += String.fromCharCode(foldCase(word.charCodeAt(i)));
      const h = hashRange(folded, 0, folded.length);
      const bucket = this.buckets.get(h);
      const entry = { word: folded, value };
      if (bucket) {
        const same = bucket.findIndex((e) => e.word === folded);
        if (same >= 0) bucket[same] = entry;
        else bucket.push(entry);
      } else this.buckets.set(h, [entry]);
    }
  }

  /** The value for `text.slice(start, end)`, case-folded, or undefined. */
  get(text: string, start: number, end: number): V | undefined {
    const bucket = this.buckets.get(hashRange(text, start, end));
    if (bucket === undefined) return undefined;
    const len = end - start;
    for (const e of bucket) if (e.word.length === len && equalsFolded(text, start, e.word)) return e.value;
    return undefined;
  }
}
