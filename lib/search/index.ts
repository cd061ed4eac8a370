/**
 * Search text the way Vietnamese readers type it: without diacritics, "d" for "đ",
 * numbers in any spelling. No storage: `lib/store` logs each clipping's tokens
 * (lib/store/words.ts), holds them in a `WordIndex` in memory and runs the query plan.
 */
export { fold } from './fold.ts';
export { WordIndex } from './memory.ts';
export {
  addIndexTokens,
  indexTokens,
  matchesTerms,
  normalizeForSearch,
  queryTerms,
  MAX_QUERY_TERMS,
  MAX_TOKEN_LENGTH,
  MAX_TOKENS,
} from './tokenize.ts';
