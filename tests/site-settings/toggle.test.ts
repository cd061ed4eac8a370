import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSiteSettings, NO_SITE_SETTINGS } from '@/lib/site-settings/settings';
import { setSiteEnabled } from '@/lib/site-settings/toggle';
import { installFakeApis } from '../helpers/fake-apis';

describe('setSiteEnabled', () => {
  let apis: ReturnType<typeof installFakeApis>;
  beforeEach(() => {
    fakeBrowser.reset();
    apis = installFakeApis();
  });

  it('switches a built-in site without asking for anything', async () => {
    const off = await setSiteEnabled('bdv.binhphuoc.gov.vn', false);
    expect(off).toMatchObject({ host: 'bdv.binhphuoc.gov.vn', enabled: false, granted: true });
    expect(off.site?.domain).toBe('gov.vn');
    expect(await loadSiteSettings()).toEqual({ disabled: ['bdv.binhphuoc.gov.vn'], extra: [] });
    expect((await setSiteEnabled('bdv.binhphuoc.gov.vn', true)).enabled).toBe(true);
    expect(await loadSiteSettings()).toEqual(NO_SITE_SETTINGS);
    expect(apis.state.requests).toEqual([]);
  });

  it('asks for the site\'s permission first, synchronously, then stores the site', async () => {
    const pending = setSiteEnabled('tintuc.example.com', true);
    // Requested before any await: Firefox only shows the prompt inside the click.
    expect(apis.state.requests).toEqual([['*://tintuc.example.com/*']]);
    expect(await pending).toMatchObject({ enabled: true, granted: true, site: undefined });
    expect(await loadSiteSettings()).toEqual({ disabled: [], extra: ['tintuc.example.com'] });
    expect(apis.granted.has('*://tintuc.example.com/*')).toBe(true);
  });

  it('changes nothing when the user refuses', async () => {
    apis.state.answer = false;
    expect(await setSiteEnabled('tintuc.example.com', true)).toMatchObject({ enabled: false, granted: false });
    expect(await loadSiteSettings()).toEqual(NO_SITE_SETTINGS);
  });

  it('gives the permission back when a site is turned off', async () => {
    await setSiteEnabled('tintuc.example.com', true);
    expect(await setSiteEnabled('tintuc.example.com', false)).toMatchObject({ enabled: false, granted: true });
    expect(await loadSiteSettings()).toEqual(NO_SITE_SETTINGS);
    expect(apis.granted.size).toBe(0);
  });
});
