/**
 * Page identity: the canonical URL without its fragment and without the parameters that
 * only track the visitor, so a clipping is found again from any link to the same article
 * (a share on Zalo or Facebook adds `zarsrc`, `fbclid`, `utm_*`…).
 *
 * The store applies this to whatever URL it is given (lib/article already removes most
 * trackers from the page's canonical link; doing it again here keeps identity in one
 * place, whoever calls). Other query parameters keep their order and encoding: portals
 * address articles by query (`ChiTietTinTuc.aspx?nid=113139`).
 */

// Names compared in lower case. Kept a superset of lib/article's list: a parameter that
// the article stage keeps and the store drops is harmless, the reverse would split a page.
const TRACKING = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid',
  'ttclid', 'li_fat_id', 'igshid', 'igsh', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi',
  'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'fb_action_ids', 'fb_action_types',
  'fb_ref', 'fb_source', 'spm', 'ref_src', 'cmpid', 's_cid',
  // Zalo, the messaging app most Vietnamese readers share articles through.
  'zarsrc', 'zalo_source', 'zl_source', 'zaloapp',
]);

/** True for a query parameter name that only tracks the visitor. */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
}

function paramName(raw: string): string {
  const name = raw.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** URLs longer than this are refused: no article address is, and keys that long cost. */
const MAX_URL_LENGTH = 4096;

/**
 * The identity of a page address: absolute http(s), host in lower case, default port and
 * fragment dropped, tracking parameters removed, an empty query dropped. Null for
 * anything that is not an http(s) URL.
 */
export function canonicalizeUrl(href: string): string | null {
  const h = href.trim();
  if (h === '' || h.length > MAX_URL_LENGTH) return null;
  let u: URL;
  try {
    u = new URL(h);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  // Always reassigned: a bare "?" has an empty `search` but still shows in `href`.
  const kept = u.search
    .slice(1)
    .split('&')
    .filter((p) => p !== '' && !isTrackingParam(paramName(p)));
  u.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return u.href;
}

/** The host of a URL in lower case without "www." (the "site" of a page), or '' if none. */
export function siteHost(href: string): string {
  try {
    return new URL(href).hostname.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  } catch {
    return '';
  }
}
