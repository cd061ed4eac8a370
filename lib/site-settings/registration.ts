import { browser } from 'wxt/browser';
import { loadSiteSettings, originPattern, type SiteSettings } from './settings';

/**
 * Keeps the content script registered on exactly the extra sites the user turned
 * on and still grants access to. Runs in the background, because Firefox MV2's
 * `contentScripts.register` lasts only as long as the page that called it; the
 * background re-runs it at start-up and whenever the settings or permissions change.
 *
 * - Chromium MV3: `scripting.registerContentScripts`, one registration per host,
 *   persisted across sessions by the browser.
 * - Firefox MV2: `contentScripts.register`, held in memory here.
 */
export interface Registrar {
  /** Hosts currently registered. */
  list(): Promise<string[]>;
  register(host: string): Promise<void>;
  unregister(host: string): Promise<void>;
}

const ID_PREFIX = 'trichluc-extra:';

/** The built content script's file, as the manifest names it (WXT decides the path). */
export function contentScriptFile(): string {
  const file = browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];
  if (!file) throw new Error('the manifest has no content script');
  return file;
}

/** Chromium (MV3) registrar. */
export function scriptingRegistrar(): Registrar {
  const scripting = browser.scripting;
  return {
    async list() {
      const scripts = await scripting.getRegisteredContentScripts();
      return scripts.filter((s) => s.id.startsWith(ID_PREFIX)).map((s) => s.id.slice(ID_PREFIX.length));
    },
    async register(host) {
      await scripting.registerContentScripts([
        {
          id: ID_PREFIX + host,
          matches: [originPattern(host)],
          js: [contentScriptFile()],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
    },
    async unregister(host) {
      await scripting.unregisterContentScripts({ ids: [ID_PREFIX + host] });
    },
  };
}

/** The slice of Firefox's `contentScripts` API used here (not in Chromium's types). */
interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    js: { file: string }[];
    runAt: 'document_idle';
  }): Promise<{ unregister(): Promise<void> }>;
}

/** Firefox (MV2) registrar. */
export function firefoxRegistrar(api: FirefoxContentScripts): Registrar {
  const registered = new Map<string, { unregister(): Promise<void> }>();
  return {
    list: async () => [...registered.keys()],
    async register(host) {
      const file = contentScriptFile();
      registered.set(
        host,
        await api.register({ matches: [originPattern(host)], js: [{ file: file.startsWith('/') ? file : `/${file}` }], runAt: 'document_idle' }),
      );
    },
    async unregister(host) {
      await registered.get(host)?.unregister();
      registered.delete(host);
    },
  };
}

/** The registrar for this browser, or null when it has neither API. */
export function browserRegistrar(): Registrar | null {
  if (typeof browser.scripting?.registerContentScripts === 'function') return scriptingRegistrar();
  const contentScripts = (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts;
  return contentScripts ? firefoxRegistrar(contentScripts) : null;
}

/** Hosts that should be registered: turned on by the user and still permitted. */
export async function wantedHosts(settings: SiteSettings): Promise<string[]> {
  const checks = await Promise.all(
    settings.extra.map(async (host) => ({
      host,
      granted: await browser.permissions.contains({ origins: [originPattern(host)] }).catch(() => false),
    })),
  );
  return checks.filter((c) => c.granted).map((c) => c.host);
}

/** Brings the registrations in line with the settings; returns the hosts registered. */
export async function syncRegistrations(registrar: Registrar, settings?: SiteSettings): Promise<string[]> {
  const wanted = new Set(await wantedHosts(settings ?? (await loadSiteSettings())));
  const current = new Set(await registrar.list());
  for (const host of current) if (!wanted.has(host)) await registrar.unregister(host);
  for (const host of wanted) if (!current.has(host)) await registrar.register(host);
  return [...wanted];
}

/**
 * Runs the content script in a tab now, for a site just turned on: registrations
 * only apply to pages loaded after them.
 */
export async function injectContentScript(tabId: number): Promise<void> {
  const file = contentScriptFile();
  if (typeof browser.scripting?.executeScript === 'function') {
    // The manifest's own path, so WXT's list of known paths cannot vouch for it.
    await browser.scripting.executeScript({ target: { tabId }, files: [file as never] });
  } else {
    const tabs = browser.tabs as unknown as { executeScript(tabId: number, details: { file: string }): Promise<unknown> };
    await tabs.executeScript(tabId, { file: file.startsWith('/') ? file : `/${file}` });
  }
}
