import { browser } from 'wxt/browser';
import { siteForHost, type Site } from '../sites';

/**
 * The user's per-site switch, stored in `storage.local` so that it holds across
 * sessions and reaches every part of the extension (content scripts read it too):
 * - `disabled`: hosts of built-in sites (lib/sites) where highlighting is off;
 * - `extra`: hosts outside the built-in list the user turned it on for (each with
 *   its own host permission and content-script registration).
 * Keyed by host name, not by listed domain: turning off one portal must not turn
 * off every *.gov.vn site.
 */
export interface SiteSettings {
  disabled: string[];
  extra: string[];
}

export const SITE_SETTINGS_KEY = 'siteSettings';

export const NO_SITE_SETTINGS: SiteSettings = { disabled: [], extra: [] };

/** Lower case, no trailing root dot: the form hosts are stored in. */
export function hostKey(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

const isHostList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((h) => typeof h === 'string' && /^[a-z0-9.-]+$/.test(h));

/** Stored data is outside input: anything malformed reads as "no settings". */
export function parseSiteSettings(value: unknown): SiteSettings {
  if (typeof value !== 'object' || value === null) return NO_SITE_SETTINGS;
  const { disabled, extra } = value as Partial<Record<keyof SiteSettings, unknown>>;
  return { disabled: isHostList(disabled) ? disabled : [], extra: isHostList(extra) ? extra : [] };
}

export async function loadSiteSettings(): Promise<SiteSettings> {
  const stored = await browser.storage.local.get(SITE_SETTINGS_KEY);
  return parseSiteSettings(stored[SITE_SETTINGS_KEY]);
}

export async function saveSiteSettings(settings: SiteSettings): Promise<void> {
  await browser.storage.local.set({ [SITE_SETTINGS_KEY]: settings });
}

/** Calls back with the new settings whenever they change; returns the unsubscriber. */
export function onSiteSettingsChanged(callback: (settings: SiteSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SITE_SETTINGS_KEY in changes) callback(parseSiteSettings(changes[SITE_SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface SiteStatus {
  host: string;
  /** The built-in site the host belongs to, if any. */
  site: Site | undefined;
  /** Whether the content script highlights on this host. */
  enabled: boolean;
}

export function siteStatus(hostname: string, settings: SiteSettings): SiteStatus {
  const site = siteForHost(hostname);
  return { host: hostKey(hostname), site, enabled: isSwitchedOn(hostname, settings, site !== undefined) };
}

export function isHighlightingOn(hostname: string, settings: SiteSettings): boolean {
  return siteStatus(hostname, settings).enabled;
}

/**
 * The switch for a host whose being built in is known (`builtIn`): the content script
 * knows it from its manifest, without the list (lib/sites/patterns.ts).
 */
export function isSwitchedOn(hostname: string, settings: SiteSettings, builtIn: boolean): boolean {
  const host = hostKey(hostname);
  return builtIn ? !settings.disabled.includes(host) : settings.extra.includes(host);
}

/** The settings with the switch for `hostname` set to `on`. */
export function withSite(settings: SiteSettings, hostname: string, on: boolean): SiteSettings {
  const host = hostKey(hostname);
  const builtIn = siteForHost(host) !== undefined;
  const list = builtIn ? settings.disabled : settings.extra;
  // Built-in sites list the hosts turned off, others the hosts turned on.
  const include = builtIn ? !on : on;
  const next = list.filter((h) => h !== host);
  if (include) next.push(host);
  return builtIn ? { ...settings, disabled: next } : { ...settings, extra: next };
}

/**
 * The host permission pattern for a site the user adds: every scheme and path of
 * that host, like the built-in sites' patterns (portals still mix http and https).
 */
export function originPattern(hostname: string): string {
  return `*://${hostKey(hostname)}/*`;
}

/** Hosts of the per-site patterns `originPattern` makes (`*://host/*`); other patterns are not ours. */
export function hostsOf(origins: readonly string[] | undefined): string[] {
  const hosts: string[] = [];
  for (const origin of origins ?? []) {
    const m = /^\*:\/\/([a-z0-9.-]+)\/\*$/i.exec(origin);
    if (m) hosts.push(hostKey(m[1]!));
  }
  return hosts;
}
