/**
 * A new page's id from its canonical URL: the same address gives the same id, so a save
 * can ask for the page's clippings (is this a repeat?) in the same round of requests as
 * for the page itself, instead of in a round after it (write.ts). Shaped as a UUID
 * (version 8, RFC 9562) like the archive's other ids.
 *
 * Not a guarantee: a page stored before (random id), imported with its own id, or a
 * collision of this 128-bit hash leaves a page under another id, and the save then reads
 * as it did before. Nothing relies on the id being derived; it only saves a round trip.
 */

/** Four 32-bit FNV-1a lanes, each finished with MurmurHash3's avalanche step. */
function lane(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0x27d4eb2f];

export function pageIdOf(canonicalUrl: string): string {
  const hex = SEEDS.map((s) => lane(canonicalUrl, s).toString(16).padStart(8, '0')).join('');
  // Version 8 in the 13th digit, variant 10xx in the 17th.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
