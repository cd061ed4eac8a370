import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type KeyInput, type Page as PuppeteerPage } from 'puppeteer-core';
import { BROWSER_EXECUTABLES, EXTENSION_DIRS, type BrowserName } from './paths';
import { extensionArgs, extensionWorker } from './chromium';
import type { FixtureServer } from './server';

export type Modifier = 'Alt' | 'Shift' | 'Control' | 'Meta';

/** The extension's toolbar button as the user sees it for the active tab. */
export interface ToolbarState {
  badge: string;
  title: string;
}

/** A tab showing a fixture page, the same for both browsers. */
export interface TestPage {
  /** Console errors and uncaught exceptions of the page, in order. */
  readonly errors: readonly string[];
  /**
   * Changes to the page's DOM after DOMContentLoaded, as the page itself saw them,
   * except adding or removing the extension's one UI host element (<trich-luc-ui>
   * as a child of <html>): that one is allowed, and checked separately.
   */
  domMutations(): Promise<string[]>;
  /** Evaluates a JavaScript expression in the page's own world (not the content script's). */
  evaluate<T>(expression: string): Promise<T>;
  /** Moves the mouse to a point of the viewport. */
  mouseMove(x: number, y: number): Promise<void>;
  /** Clicks at a point of the viewport. */
  click(x: number, y: number): Promise<void>;
  /** Presses a key with modifiers, by physical key code: `press('KeyN', ['Alt', 'Shift'])`. */
  press(code: string, modifiers?: readonly Modifier[]): Promise<void>;
  /** What the toolbar button shows while this tab is the active one. */
  toolbar(): Promise<ToolbarState>;
  /** Reloads the page and waits for `load`. */
  reload(): Promise<void>;
  /**
   * Picks the extension's context-menu item `menuItemId` for the current selection,
   * as near to a reader's right click and choice as automation gets in each browser
   * (see each implementation).
   */
  contextMenuItem(menuItemId: string, at: { x: number; y: number }): Promise<void>;
  close(): Promise<void>;
}

/** The popup, opened for a page (see `ExtensionBrowser.popupFor`). */
export interface PopupPage {
  readonly errors: readonly string[];
  /** The rendered text, once `selector` is there. */
  text(selector?: string): Promise<string>;
  /** Clicks the `index`-th element matching `selector`. */
  click(selector: string, index?: number): Promise<void>;
  /** Types `value` into the `index`-th field matching `selector`, replacing what is there. */
  fill(selector: string, value: string, index?: number): Promise<void>;
  /** The current value of the `index`-th field matching `selector`. */
  value(selector: string, index?: number): Promise<string>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** Opens a fixture page, http://<host><path>, in a new tab and waits for `load`. */
  open(host: string, path?: string): Promise<TestPage>;
  /**
   * Opens the popup's page in a tab and returns its text once rendered.
   * Chromium only: Firefox lets no automation into extension pages.
   */
  readonly popup?: () => Promise<{ text: string; errors: readonly string[] }>;
  /**
   * Opens the popup's page in a tab as if its toolbar button had been clicked on
   * `page`'s tab. Chromium only. Opened as a tab, the popup's own tab would be the
   * active one, so its one question about the browser — which tab is active — is
   * answered with `page`'s tab; everything else (settings, messages to the
   * content script) is real.
   */
  readonly popupFor?: (page: TestPage) => Promise<PopupPage>;
  /**
   * Opens the side panel's page in a tab, about `page`'s tab, the way `popupFor` opens
   * the popup (Chromium only): the active tab is `page`'s, and the panel's own tab
   * becoming active is not reported to it.
   */
  readonly sidePanelFor?: (page: TestPage) => Promise<PopupPage>;
  close(): Promise<void>;
}

/**
 * Added to every page before its own scripts: records DOM changes made after
 * parsing, which is when content scripts run. Kept as a string so that no
 * transpiler helper ends up in code that runs in the page.
 */
const DOM_WATCHER = `(() => {
  const seen = [];
  const describe = (r) => r.type + ' ' + r.target.nodeName + (r.attributeName ? ' @' + r.attributeName : '');
  const isHost = (node) => node.nodeType === 1 && node.localName === 'trich-luc-ui';
  // Exactly the extension's UI host coming or going under <html>, and nothing else in the same record.
  const isOurs = (r) =>
    r.type === 'childList' && r.target === document.documentElement &&
    r.addedNodes.length + r.removedNodes.length > 0 &&
    [...r.addedNodes, ...r.removedNodes].every(isHost);
  const record = (records) => { for (const r of records) if (!isOurs(r)) seen.push(describe(r)); };
  let observer = null;
  Object.defineProperty(window, '__e2eDomMutations', {
    value: () => { if (observer) record(observer.takeRecords()); return seen.slice(); },
  });
  document.addEventListener('DOMContentLoaded', () => {
    observer = new MutationObserver(record);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }, { once: true });
})();`;

const READ_DOM_MUTATIONS = 'window.__e2eDomMutations()';

/** Wires console errors and uncaught exceptions of either library's page into a list. */
function collectErrors(page: PlaywrightPage | PuppeteerPage): string[] {
  const errors: string[] = [];
  // Both libraries emit the same two events; their types differ only in name.
  const emitter = page as unknown as { on(event: string, listener: (value: never) => void): void };
  emitter.on('console', (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  emitter.on('pageerror', (error: Error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

// --- Chromium (playwright-core) -------------------------------------------

/**
 * Reads the toolbar button of the active tab from the extension's service
 * worker. Without the `tabs` permission the worker cannot see tab URLs, so
 * the tab is identified by being the active one (TestPage.toolbar() brings it
 * to the front first), which is also the tab whose badge the user sees.
 */
const CHROMIUM_ACTIVE_TOOLBAR = `(async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab || tab.id === undefined) throw new Error('no active tab');
  const [badge, title] = await Promise.all([
    chrome.action.getBadgeText({ tabId: tab.id }),
    chrome.action.getTitle({ tabId: tab.id }),
  ]);
  return { badge, title };
})()`;

/** The id of the active tab, from the extension's service worker. */
const CHROMIUM_ACTIVE_TAB_ID = `chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => tab.id)`;

/**
 * A context-menu click, from the service worker. Headless Chromium shows no context
 * menu to click, so the worker's own `contextMenus.onClicked` event is dispatched with
 * what Chromium passes for a click on a selection (OnClickData and the tab): every
 * listener the background registered runs as after a real click, from there on.
 */
const chromiumMenuClick = (menuItemId: string) => `(async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  chrome.contextMenus.onClicked.dispatch(
    { menuItemId: ${JSON.stringify(menuItemId)}, editable: false, frameId: 0, pageUrl: tab.url, selectionText: '' },
    tab,
  );
})()`;

export async function launchChromium(server: FixtureServer): Promise<ExtensionBrowser> {
  const extensionDir = EXTENSION_DIRS.chromium;
  const userDataDir = await mkdtemp(join(tmpdir(), 'trich-luc-chromium-'));
  // Every fixture host, on its real port 80, goes to the fixture server, so
  // page URLs look exactly like the real sites' (no port).
  const resolverRules = server.hosts.map((host) => `MAP ${host} 127.0.0.1:${server.port}`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: BROWSER_EXECUTABLES.chromium,
    // Playwright's headless mode is Chromium's new headless, which runs extensions.
    headless: true,
    args: [...extensionArgs(extensionDir), `--host-resolver-rules=${resolverRules}`],
  });
  try {
    await context.addInitScript(DOM_WATCHER);
    let worker = await extensionWorker(context);
    const pageTabs = new WeakMap<TestPage, { tabId(): Promise<number>; url: string }>();
    /** An extension page in a tab, about `target`'s tab (see `popupFor`). */
    const extensionPageFor = async (target: TestPage, path: string): Promise<PopupPage> => {
      const tab = pageTabs.get(target);
      if (!tab) throw new Error('not a page of this browser');
      const tabId = await tab.tabId();
      const extensionId = new URL(worker.url()).host;
      const popup = await context.newPage();
      const errors = collectErrors(popup);
      await popup.addInitScript(
        `chrome.tabs.query = async () => [{ id: ${tabId}, url: ${JSON.stringify(tab.url)}, active: true }];` +
          // The page's own tab becoming active is not the reader switching tabs.
          'chrome.tabs.onActivated.addListener = () => undefined;',
      );
      await popup.goto(`chrome-extension://${extensionId}/${path}`);
      return {
        errors,
        async text(selector = 'main p') {
          await popup.locator(selector).first().waitFor();
          return popup.locator('body').innerText();
        },
        click: (selector, index = 0) => popup.locator(selector).nth(index).click(),
        fill: (selector, value, index = 0) => popup.locator(selector).nth(index).fill(value),
        value: (selector, index = 0) => popup.locator(selector).nth(index).inputValue(),
        close: () => popup.close(),
      };
    };
    return {
      name: 'chromium',
      async open(host, path = '/') {
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(`http://${host}${path}`, { waitUntil: 'load' });
        const testPage: TestPage & { tabId(): Promise<number> } = {
          errors,
          domMutations: () => page.evaluate<string[]>(READ_DOM_MUTATIONS),
          evaluate: <T>(expression: string) => page.evaluate<T>(expression),
          mouseMove: (x, y) => page.mouse.move(x, y),
          click: (x, y) => page.mouse.click(x, y),
          press: (code, modifiers = []) => page.keyboard.press([...modifiers, code].join('+')),
          async toolbar() {
            await page.bringToFront();
            // An MV3 worker may have been stopped while idle; it restarts on
            // the next event, and Playwright reports it as a new worker.
            if (!context.serviceWorkers().includes(worker)) worker = await extensionWorker(context);
            return worker.evaluate<ToolbarState>(CHROMIUM_ACTIVE_TOOLBAR);
          },
          async tabId() {
            await page.bringToFront();
            if (!context.serviceWorkers().includes(worker)) worker = await extensionWorker(context);
            return worker.evaluate<number>(CHROMIUM_ACTIVE_TAB_ID);
          },
          reload: async () => {
            await page.reload({ waitUntil: 'load' });
          },
          async contextMenuItem(menuItemId) {
            await page.bringToFront();
            if (!context.serviceWorkers().includes(worker)) worker = await extensionWorker(context);
            await worker.evaluate(chromiumMenuClick(menuItemId));
          },
          close: () => page.close(),
        };
        pageTabs.set(testPage, { tabId: () => testPage.tabId(), url: page.url() });
        return testPage;
      },
      popupFor: (target) => extensionPageFor(target, 'popup.html'),
      sidePanelFor: (target) => extensionPageFor(target, 'sidepanel.html'),
      async popup() {
        const extensionId = new URL(worker.url()).host;
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(`chrome-extension://${extensionId}/popup.html`);
        // Rendered once the heading is there; the host line follows a tabs query.
        await page.locator('h1').waitFor();
        await page.locator('main p').first().waitFor();
        const text = await page.locator('body').innerText();
        await page.close();
        return { text, errors };
      },
      async close() {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

// --- Firefox ESR (puppeteer-core over WebDriver BiDi) ------------------------

/** The slice of puppeteer's internal BiDi connection used to reach Firefox's own UI. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Firefox's widget id for an add-on id (its `makeWidgetId`). */
function firefoxWidgetId(extensionId: string): string {
  return extensionId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
}

/**
 * Firefox lets no automation into extension pages (navigating to
 * moz-extension:// is refused), so the badge is read where the user sees it:
 * the toolbar button in the browser window, which shows the selected tab's
 * badge and tooltip. Needs `--remote-allow-system-access`.
 */
async function firefoxToolbar(browser: PuppeteerBrowser, extensionId: string, url: string): Promise<ToolbarState> {
  // `-BAP` is the action button inside the extension's toolbar item. The button shows the
  // selected tab's state, and bringToFront returns before Firefox has switched tabs: read
  // it only once the selected tab is the one asked about.
  const expression = `(() => {
    const button = document.getElementById(${JSON.stringify(`${firefoxWidgetId(extensionId)}-BAP`)});
    if (!button) return null;
    return JSON.stringify({
      selected: gBrowser.selectedBrowser.currentURI.spec,
      badge: button.getAttribute('badge') ?? '',
      title: button.getAttribute('tooltiptext') ?? '',
    });
  })()`;
  for (let attempt = 0; ; attempt++) {
    const result = await firefoxChrome(browser, expression);
    const value = (result as { result?: { type: string; value?: string } }).result;
    if (value?.type !== 'string' || value.value === undefined) {
      throw new Error(`the extension's toolbar button is not in the Firefox toolbar: ${JSON.stringify(result)}`);
    }
    const { selected, badge, title } = JSON.parse(value.value) as ToolbarState & { selected: string };
    if (selected === url) return { badge, title };
    if (attempt >= 50) throw new Error(`Firefox did not select the tab of ${url} (selected: ${selected})`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

/** Evaluates an expression in the Firefox browser window's own (chrome) document. */
async function firefoxChrome(browser: PuppeteerBrowser, expression: string, awaitPromise = false): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const windows = (tree as { contexts: { context: string; url: string }[] }).contexts;
  const browserWindow = windows.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!browserWindow) throw new Error('Firefox browser window not found');
  const { result } = await connection.send('script.evaluate', {
    expression,
    target: { context: browserWindow.context },
    awaitPromise,
    resultOwnership: 'none',
  });
  return result;
}

/**
 * Firefox builds the extension's items into the page's real context menu when it
 * opens (a right click), and picking one there is what a reader does: the item is
 * activated in that menu, in the browser window, once it has been added.
 */
async function firefoxMenuItem(browser: PuppeteerBrowser, extensionId: string, menuItemId: string): Promise<void> {
  const elementId = `${firefoxWidgetId(extensionId)}-menuitem-_${menuItemId}`;
  const expression = `(async () => {
    const menu = document.getElementById('contentAreaContextMenu');
    for (let i = 0; i < 50; i++) {
      const item = document.getElementById(${JSON.stringify(elementId)});
      if (item && menu.state === 'open') {
        menu.activateItem(item);
        return 'picked';
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const state = menu.state;
    menu.hidePopup();
    return 'not found; menu ' + state + ': ' + [...menu.children].filter((c) => !c.hidden).map((c) => c.id).join(' ');
  })()`;
  const result = (await firefoxChrome(browser, expression, true)) as { result?: { value?: string } };
  if (result.result?.value !== 'picked') throw new Error(`context-menu item ${menuItemId}: ${JSON.stringify(result)}`);
}

/**
 * Opens an extension page of Firefox in a new tab, collecting its console errors.
 * Firefox reports no load of a moz-extension page to WebDriver BiDi (the navigation is
 * made, its wait never ends), so the wait is for the document itself.
 */
export async function visitFirefoxExtensionPage(browser: PuppeteerBrowser, url: string): Promise<{ page: PuppeteerPage; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`));
  await page.goto(url, { timeout: 2_000 }).catch(() => undefined);
  await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 15_000 }, url);
  return { page, errors };
}

/**
 * The origin of an installed extension's pages in Firefox, `moz-extension://<uuid>`:
 * the uuid is random per profile, and Firefox keeps it in the preference
 * `extensions.webextensions.uuids` (add-on id → uuid), read here from the browser
 * window's own context (needs `--remote-allow-system-access`).
 */
export async function firefoxExtensionOrigin(browser: PuppeteerBrowser, extensionId: string): Promise<string> {
  const result = (await firefoxChrome(browser, `Services.prefs.getStringPref('extensions.webextensions.uuids', '{}')`)) as { result?: { value?: string } };
  const uuid = (JSON.parse(result.result?.value ?? '{}') as Record<string, string>)[extensionId];
  if (!uuid) throw new Error(`no moz-extension uuid for ${extensionId}: ${JSON.stringify(result)}`);
  return `moz-extension://${uuid}`;
}

export async function launchFirefox(server: FixtureServer): Promise<ExtensionBrowser> {
  const extensionDir = EXTENSION_DIRS.firefox;
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BROWSER_EXECUTABLES.firefox,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Fixture hosts resolve to 127.0.0.1; unlike Chromium's resolver rules
      // this cannot change the port, so Firefox's URLs carry the server's.
      'network.dns.localDomains': server.hosts.join(','),
      // The fixture server speaks plain http only.
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
    },
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    const expectedId = manifest.browser_specific_settings?.gecko?.id;
    if (extensionId !== expectedId) throw new Error(`installed ${extensionId}, expected ${expectedId}`);
    return {
      name: 'firefox',
      async open(host, path = '/') {
        const page = await browser.newPage();
        const errors = collectErrors(page);
        await page.evaluateOnNewDocument(DOM_WATCHER);
        await page.goto(`http://${host}:${server.port}${path}`, { waitUntil: 'load' });
        return {
          errors,
          domMutations: () => page.evaluate(READ_DOM_MUTATIONS) as Promise<string[]>,
          evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
          mouseMove: (x, y) => page.mouse.move(x, y),
          click: (x, y) => page.mouse.click(x, y),
          async press(code, modifiers = []) {
            for (const m of modifiers) await page.keyboard.down(m);
            await page.keyboard.press(code as KeyInput);
            for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
          },
          async toolbar() {
            await page.bringToFront();
            return firefoxToolbar(browser, extensionId, page.url());
          },
          reload: async () => {
            await page.reload({ waitUntil: 'load' });
          },
          async contextMenuItem(menuItemId, at) {
            await page.bringToFront();
            await page.mouse.click(at.x, at.y, { button: 'right' });
            await firefoxMenuItem(browser, extensionId, menuItemId);
          },
          close: () => page.close(),
        };
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export function launch(name: BrowserName, server: FixtureServer): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(server) : launchFirefox(server);
}
