import { browser } from 'wxt/browser';
import { loadSiteSettings, originPattern, saveSiteSettings, siteStatus, withSite, type SiteStatus } from './settings';
import { siteForHost } from '../sites';

export interface ToggleResult extends SiteStatus {
  /** False when the user refused the permission the switch needed. */
  granted: boolean;
}

/**
 * The popup's on/off switch for the current site. Must be called straight from the
 * click handler: the permission request comes first, before anything is awaited,
 * because Firefox only shows it while handling the user's action.
 *
 * - A built-in site: only the stored switch changes; the content script, which
 *   already runs there, follows it.
 * - Another site, on: asks for its host permission; once granted, stores the host,
 *   which makes the background register the content script for it.
 * - Another site, off: stores that, then gives the permission back.
 */
export async function setSiteEnabled(hostname: string, on: boolean): Promise<ToggleResult> {
  const builtIn = siteForHost(hostname) !== undefined;
  const origins = [originPattern(hostname)];
  const request = !builtIn && on ? browser.permissions.request({ origins }) : null;
  const granted = request ? await request : true;
  let settings = await loadSiteSettings();
  if (granted) {
    settings = withSite(settings, hostname, on);
    await saveSiteSettings(settings);
    // Removing a permission Chromium granted at install time throws; ours were optional.
    if (!builtIn && !on) await browser.permissions.remove({ origins }).catch(() => false);
  }
  return { ...siteStatus(hostname, settings), granted };
}
