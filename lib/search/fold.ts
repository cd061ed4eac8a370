/**
 * Folding for search: the same word typed on any keyboard must give the same key.
 * Readers search without diacritics ("quyet dinh") far more often than with them, type
 * "d" for "đ", and paste text from office documents in NFD; the archive must answer all
 * of these alike. Folding is for matching only: stored text is never folded.
 */

// Combining marks of every block, not only the Vietnamese ones: a pasted string may carry
// any of them, and a mark left in a key would make the word unfindable.
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

// Dashes that portals and word processors put where a hyphen was typed ("QĐ–UBND").
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/**
 * Lower case, without diacritics, "đ" as "d", compatibility forms unfolded (NFKD turns
 * full-width digits and "²" into plain ones), every dash as "-".
 */
export function fold(text: string): string {
  // Lower case last: NFKD can produce capitals ("ℌ" → "H"), and lower-casing first would
  // turn "İ" into "i" plus a mark that survives nowhere else.
  return text
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .replace(DASHES, '-')
    .toLowerCase();
}
