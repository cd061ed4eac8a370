/**
 * Canonical page URL: <link rel=canonical>, else og:url, else the page location, made
 * absolute, without the fragment and without tracking parameters (utm_*, fbclid, gclid, …).
 * Other query parameters keep their order and their original encoding (portals such as
 * SharePoint address articles by query: `ChiTietTinTuc.aspx?nid=113139`).
 */

import { headElements } from './dom.ts';

const TRACKING = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid',
  'ttclid', 'li_fat_id', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi',
  'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'zarsrc', 'zalo_source', 'fb_action_ids',
  'fb_action_types', 'fb_ref', 'fb_source', 'spm', 'ref_src', 'cmpid',
]);

/** True for a query parameter name that only tracks the visitor. */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Resolves `href` against `base`, keeps only http(s) URLs, drops the fragment and the
 * tracking parameters. Returns null for anything that is not an http(s) URL.
 */
export function cleanUrl(href: string | null | undefined, base?: string | null): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || h.length > 8192) return null;
  let u: URL;
  try {
    u = base ? new URL(h, base) : new URL(h);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  if (u.search) {
    const kept = u.search
      .slice(1)
      .split('&')
      .filter((p) => p !== '' && !isTrackingParam(decodeName(p.split('=', 1)[0] ?? '')));
    u.search = kept.length ? '?' + kept.join('&') : '';
  }
  return u.href;
}

function pathDepth(u: string): number {
  try {
    const x = new URL(u);
    return x.pathname.replace(/\/+$/, '').split('/').filter(Boolean).length + (x.search ? 1 : 0);
  } catch {
    return 0;
  }
}

/** The location of a browser document; linkedom documents have none. */
export function documentLocation(doc: Document): string | null {
  try {
    const loc = (doc as { location?: { href?: string } | null }).location;
    if (loc && typeof loc.href === 'string' && /^https?:/i.test(loc.href)) return loc.href;
    const u = (doc as { URL?: string }).URL;
    if (typeof u === 'string' && /^https?:/i.test(u)) return u;
  } catch {
    // ignore
  }
  return null;
}

/**
 * The page's canonical URL. `url` is where the page was loaded from (defaults to the
 * document location). A canonical or og:url that points at the site root while the page
 * itself is deeper is a common portal misconfiguration: then the location wins.
 */
export function canonicalUrl(doc: Document, url?: string | null): string | null {
  const here = url ?? documentLocation(doc);
  let base = here;
  let canonical: string | null = null;
  let og: string | null = null;
  try {
    for (const el of headElements(doc, ['base', 'link', 'meta'])) {
      const t = el.localName.toLowerCase();
      if (t === 'base') {
        const b = el.getAttribute('href');
        if (b && base === here) base = cleanUrl(b, here) ?? here;
      } else if (t === 'link') {
        const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
        if (canonical === null && rel.includes('canonical')) canonical = el.getAttribute('href') ?? '';
      } else if (og === null) {
        const p = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
        if (p === 'og:url') og = el.getAttribute('content') ?? '';
      }
    }
  } catch {
    // ignore
  }
  const location = cleanUrl(here);
  const candidates: (string | null)[] = [cleanUrl(canonical, base), cleanUrl(og, base)];
  for (const c of candidates) {
    if (!c) continue;
    if (location && pathDepth(c) === 0 && pathDepth(location) > 0) continue;
    return c;
  }
  return location;
}
