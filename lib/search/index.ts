/**
 * Search text the way Vietnamese readers type it: without diacritics, "d" for "đ",
 * numbers in any spelling. Pure functions, no storage: `lib/store` keeps the tokens in a
 * multi-entry index and runs the query plan.
 */
export { fold } from './fold.ts';
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
