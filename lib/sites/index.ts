import { SITES } from './list';
import type { Site } from './types';

export { SITES } from './list';
export type { Site, SiteKind } from './types';

/**
 * Lower-cases a hostname and drops a trailing root dot (`baodanang.vn.` is the
 * same host); returns '' for anything that cannot be a DNS name we list, such
 * as IP addresses, so that they never match.
 */
function normalizeHost(hostname: string): string {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  if (host === '' || /^[\d.]+$/.test(host) || host.includes(':')) return '';
  return host;
}

/**
 * The listed site a hostname belongs to: the domain itself or any subdomain.
 * Matching on a dot boundary keeps look-alikes such as `fakegov.vn` or
 * `gov.vn.example.com` out.
 */
export function siteForHost(hostname: string): Site | undefined {
  const host = normalizeHost(hostname);
  if (host === '') return undefined;
  return SITES.find((site) => host === site.domain || host.endsWith(`.${site.domain}`));
}

/** Whether the content script should do anything on a page of this host. */
export function isSupportedHost(hostname: string): boolean {
  return siteForHost(hostname) !== undefined;
}

/**
 * Manifest match patterns for the content script. `*.domain` in a match
 * pattern also matches the bare domain, so one pattern per site suffices.
 */
export function contentScriptMatches(): string[] {
  return SITES.map((site) => `*://*.${site.domain}/*`);
}
