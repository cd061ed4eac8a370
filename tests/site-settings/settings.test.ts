import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  hostsOf,
  isHighlightingOn,
  loadSiteSettings,
  NO_SITE_SETTINGS,
  onSiteSettingsChanged,
  originPattern,
  parseSiteSettings,
  saveSiteSettings,
  siteStatus,
  SITE_SETTINGS_KEY,
  withSite,
} from '@/lib/site-settings/settings';

describe('site settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns built-in sites off and on per host, not per listed domain', () => {
    let s = withSite(NO_SITE_SETTINGS, 'bdv.binhphuoc.gov.vn', false);
    expect(s).toEqual({ disabled: ['bdv.binhphuoc.gov.vn'], extra: [] });
    expect(isHighlightingOn('bdv.binhphuoc.gov.vn', s)).toBe(false);
    // Another portal under the same listed domain (gov.vn) is not affected.
    expect(isHighlightingOn('www.quangninh.gov.vn', s)).toBe(true);
    s = withSite(s, 'BDV.binhphuoc.gov.vn.', true);
    expect(s.disabled).toEqual([]);
    expect(isHighlightingOn('bdv.binhphuoc.gov.vn', s)).toBe(true);
  });

  it('turns other sites on only when asked', () => {
    expect(isHighlightingOn('example.com', NO_SITE_SETTINGS)).toBe(false);
    const s = withSite(NO_SITE_SETTINGS, 'example.com', true);
    expect(s).toEqual({ disabled: [], extra: ['example.com'] });
    expect(siteStatus('example.com', s)).toEqual({ host: 'example.com', site: undefined, enabled: true });
    expect(withSite(withSite(s, 'example.com', true), 'example.com', false)).toEqual(NO_SITE_SETTINGS);
  });

  it('reads malformed storage as no settings', () => {
    expect(parseSiteSettings(undefined)).toEqual(NO_SITE_SETTINGS);
    expect(parseSiteSettings('x')).toEqual(NO_SITE_SETTINGS);
    expect(parseSiteSettings({ disabled: ['a.gov.vn', 3], extra: ['ok.com'] })).toEqual({ disabled: [], extra: ['ok.com'] });
    expect(parseSiteSettings({ disabled: ['<script>'] })).toEqual(NO_SITE_SETTINGS);
  });

  it('stores the settings in storage.local and reports changes', async () => {
    expect(await loadSiteSettings()).toEqual(NO_SITE_SETTINGS);
    const seen = vi.fn();
    const stop = onSiteSettingsChanged(seen);
    await saveSiteSettings({ disabled: ['a.gov.vn'], extra: [] });
    expect(await fakeBrowser.storage.local.get(SITE_SETTINGS_KEY)).toEqual({ [SITE_SETTINGS_KEY]: { disabled: ['a.gov.vn'], extra: [] } });
    expect(await loadSiteSettings()).toEqual({ disabled: ['a.gov.vn'], extra: [] });
    expect(seen).toHaveBeenCalledWith({ disabled: ['a.gov.vn'], extra: [] });
    stop();
    await saveSiteSettings(NO_SITE_SETTINGS);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('makes and reads back per-site permission patterns', () => {
    expect(originPattern('Example.COM')).toBe('*://example.com/*');
    expect(hostsOf(['*://example.com/*', '*://*/*', 'https://x.org/*'])).toEqual(['example.com']);
  });
});
