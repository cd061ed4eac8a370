/**
 * The library page's address: which view, and that view's parameters, in the fragment
 * (`library.html#/citations`, `#/clippings?doc=3307%2FQĐ-UBND`). The fragment, because the
 * page is one static file; and an address, so that views link to each other (a cited
 * document's clippings), reload to the same place, and Back works.
 *
 * Fragments that do not start with "#/" are ordinary in-page anchors (the skip link's
 * "#main") and leave the route alone.
 */

export const VIEWS = ['clippings', 'citations', 'ledger'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  params: URLSearchParams;
}

export function isRouteHash(hash: string): boolean {
  return hash.startsWith('#/');
}

/** The route of a fragment; the clippings list for anything unknown. */
export function parseRoute(hash: string): Route {
  if (!isRouteHash(hash)) return { view: 'clippings', params: new URLSearchParams() };
  const body = hash.slice(2);
  const q = body.indexOf('?');
  const name = q < 0 ? body : body.slice(0, q);
  const view = (VIEWS as readonly string[]).includes(name) ? (name as View) : 'clippings';
  return { view, params: new URLSearchParams(q < 0 ? '' : body.slice(q + 1)) };
}

export function routeHash(view: View, params?: URLSearchParams): string {
  const query = params?.toString() ?? '';
  return `#/${view}${query ? `?${query}` : ''}`;
}
