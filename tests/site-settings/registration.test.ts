import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  contentScriptFile,
  firefoxRegistrar,
  injectContentScript,
  scriptingRegistrar,
  syncRegistrations,
} from '@/lib/site-settings/registration';
import { installFakeApis } from '../helpers/fake-apis';

describe('content-script registrations for added sites', () => {
  let apis: ReturnType<typeof installFakeApis>;
  beforeEach(() => {
    fakeBrowser.reset();
    apis = installFakeApis();
  });

  it('registers the sites turned on and permitted, and only those (MV3)', async () => {
    apis.granted.add('*://a.example.com/*');
    const registrar = scriptingRegistrar();
    const settings = { disabled: [], extra: ['a.example.com', 'b.example.com'] };
    // b.example.com is listed but its permission is gone: not registered.
    expect(await syncRegistrations(registrar, settings)).toEqual(['a.example.com']);
    expect([...apis.registered.values()]).toEqual([
      expect.objectContaining({
        id: 'trichluc-extra:a.example.com',
        matches: ['*://a.example.com/*'],
        js: ['content-scripts/content.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      }),
    ]);
    // Running again changes nothing (and does not register twice).
    await syncRegistrations(registrar, settings);
    expect(apis.registered.size).toBe(1);
    // Turned off: unregistered.
    await syncRegistrations(registrar, { disabled: [], extra: [] });
    expect(apis.registered.size).toBe(0);
  });

  it('leaves registrations that are not ours alone', async () => {
    apis.registered.set('someone-else', { id: 'someone-else' });
    await syncRegistrations(scriptingRegistrar(), { disabled: [], extra: [] });
    expect([...apis.registered.keys()]).toEqual(['someone-else']);
  });

  it('registers with contentScripts in Firefox and keeps the handle to unregister', async () => {
    apis.granted.add('*://a.example.com/*');
    const registrar = firefoxRegistrar(apis.contentScripts);
    await syncRegistrations(registrar, { disabled: [], extra: ['a.example.com'] });
    expect(apis.contentScripts.register).toHaveBeenCalledWith({
      matches: ['*://a.example.com/*'],
      js: [{ file: '/content-scripts/content.js' }],
      runAt: 'document_idle',
    });
    expect(await registrar.list()).toEqual(['a.example.com']);
    await syncRegistrations(registrar, { disabled: [], extra: [] });
    expect(apis.firefoxScripts[0]!.active).toBe(false);
    expect(await registrar.list()).toEqual([]);
  });

  it('reads the content script\'s file from the manifest and injects it into a tab', async () => {
    expect(contentScriptFile()).toBe('content-scripts/content.js');
    await injectContentScript(12);
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 12 }, files: ['content-scripts/content.js'] });
  });
});
