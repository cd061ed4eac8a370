import { SITES } from './list';
import { isHostOf, normalizeHost } from './patterns';
import type { Site } from './types';

export { SITES } from './list';
export type { Site, SiteKind } from './types';

/**
 * The listed site a hostname belongs to: the domain itself or any subdomain.
 * Matching on a dot boundary keeps look-alikes such as `fakegov.vn` or
 * `gov.vn.example.com` out.
 */
export function siteForHost(hostname: string): Site | undefined {
  const host = normalizeHost(hostname);
  return SITES.find((site) => isHostOf(host, site.domain));
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
