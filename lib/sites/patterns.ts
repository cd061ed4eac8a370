/**
 * Whether a host is one of the listed sites, from the content script's match patterns
 * rather than from the list itself: the content script reads them from its manifest
 * (`runtime.getManifest()`), so the list (lib/sites/list.ts) is not bundled into it a
 * second time. Patterns are the `*://*.domain/*` that `contentScriptMatches` writes.
 */

/**
 * Lower-cases a hostname and drops a trailing root dot (`baodanang.vn.` is the
 * same host); returns '' for anything that cannot be a DNS name we list, such
 * as IP addresses, so that they never match.
 */
export function normalizeHost(hostname: string): string {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  if (host === '' || /^[\d.]+$/.test(host) || host.includes(':')) return '';
  return host;
}

/**
 * Whether `domain` or a subdomain of it is `hostname` (already normalized). Matching
 * on a dot boundary keeps look-alikes such as `fakegov.vn` or `gov.vn.example.com` out.
 */
export function isHostOf(host: string, domain: string): boolean {
  return host !== '' && (host === domain || host.endsWith(`.${domain}`));
}

const SITE_PATTERN = /^\*:\/\/\*\.([^/]+)\/\*$/;

/** Whether a hostname is matched by one of the `*://*.domain/*` patterns. */
export function isHostMatchedBy(hostname: string, patterns: readonly string[]): boolean {
  const host = normalizeHost(hostname);
  return patterns.some((p) => {
    const domain = SITE_PATTERN.exec(p)?.[1];
    return domain !== undefined && isHostOf(host, domain);
  });
}
