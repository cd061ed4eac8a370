/**
 * Scripts the content script loads only when it needs them: the recognizer once a
 * page turns out to be an article (entrypoints/recognizer.ts), the card's rendering
 * once a card first opens (entrypoints/card.ts), what clippings need (anchoring, the
 * toast, the notice) once the page has some or the reader saves one
 * (entrypoints/clippings.ts). Each is a web-accessible resource
 * that the content script imports into its own world, where the script leaves what
 * it provides on the global object: the isolated world's (Chrome) or the content
 * script sandbox's (Firefox), which the page never sees.
 */
export const LAZY_GLOBALS = {
  recognizer: '__trichLucRecognizer',
  card: '__trichLucCardView',
  clippings: '__trichLucClippings',
} as const;

type Scope = Record<string, unknown>;

/** Called by a lazily loaded script: leaves `value` for the content script. */
export function provide(key: string, value: unknown): void {
  (globalThis as unknown as Scope)[key] = value;
}

/**
 * Imports the script at `url` and returns what it left under `key`. A script is run
 * once per URL (the module map keeps it), so asking again costs nothing. Importing
 * every time, rather than trusting a value already there, lets a reloaded extension
 * replace what its older copy left in the same world (Chrome's dynamic URLs change
 * with every reload; Firefox gives the new copy a fresh sandbox anyway).
 */
export async function loadLazy<T>(url: string, key: string): Promise<T> {
  await import(/* @vite-ignore */ url);
  const value = (globalThis as unknown as Scope)[key];
  if (value === undefined) throw new Error(`${url} provided nothing`);
  return value as T;
}
