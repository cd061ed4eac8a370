import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askPage, switchSite } from '@/lib/popup/tab';
import { loadSiteSettings } from '@/lib/site-settings/settings';
import { installFakeApis } from '../helpers/fake-apis';

describe('popup tab actions', () => {
  let apis: ReturnType<typeof installFakeApis>;
  beforeEach(() => {
    fakeBrowser.reset();
    apis = installFakeApis();
  });

  it('gets null from a tab where no content script answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await askPage(3)).toBeNull();
  });

  it('starts the content script at once in the tab of a site just added', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    const result = await switchSite({ id: 3, host: 'tintuc.example.com' }, true);
    expect(result).toMatchObject({ enabled: true, granted: true });
    expect(await loadSiteSettings()).toEqual({ disabled: [], extra: ['tintuc.example.com'] });
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 3 }, files: ['content-scripts/content.js'] });
  });

  it('does not inject twice where the content script already runs, nor when refused', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ state: 'off', page: null, entities: [] } as never);
    await switchSite({ id: 3, host: 'tintuc.example.com' }, true);
    apis.state.answer = false;
    await switchSite({ id: 4, host: 'other.example.com' }, true);
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
  });
});
