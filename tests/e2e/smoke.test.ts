import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteForHost } from '../../lib/sites';
import { launch, type ExtensionBrowser, type TestPage } from './browsers';
import { inAnyLocale } from './locale';
import { startFixtureServer, type FixtureServer } from './server';

/** Fixture pages (tests/e2e/fixtures/<host><path>) on sites the extension supports. */
const ARTICLES = [
  { host: 'bdv.binhphuoc.gov.vn', path: '/tin-tuc/ubnd-tinh-ban-hanh-ke-hoach.html' }, // government portal
  { host: 'baodanang.vn', path: '/' }, // provincial newspaper
] as const;

/** A site that is not on the list, with the same kind of text. */
const OTHER_SITE = { host: 'example.com', path: '/' } as const;

const [READY_BADGE] = inAnyLocale('badgeReady');

function siteLabel(host: string): string {
  const site = siteForHost(host);
  if (!site) throw new Error(`${host} is not a supported site`);
  return site.label;
}

/**
 * Waits until the toolbar shows that the extension has read the page: the
 * badge, and the tooltip naming the site (set separately, so polled together).
 */
async function waitUntilMarked(page: TestPage, host: string): Promise<void> {
  await expect
    .poll(() => page.toolbar(), { timeout: 10_000, interval: 100 })
    .toEqual({ badge: READY_BADGE, title: expect.toBeOneOf(inAnyLocale('actionTitleReady', [siteLabel(host)])) });
}

describe.each(['chromium', 'firefox'] as const)('%s', (name) => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launch(name, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(ARTICLES)('marks the toolbar button on $host without changing the page', async ({ host, path }) => {
    const page = await browser.open(host, path);
    await waitUntilMarked(page, host);
    expect(await page.domMutations()).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('leaves a site that is not on the list alone', async () => {
    const other = await browser.open(OTHER_SITE.host, OTHER_SITE.path);
    // A supported page opened afterwards: once its badge shows, the content
    // script has had every chance to run on the page opened before it.
    const article = await browser.open(ARTICLES[0].host, ARTICLES[0].path);
    await waitUntilMarked(article, ARTICLES[0].host);
    expect(await other.toolbar()).toEqual({ badge: '', title: expect.toBeOneOf(inAnyLocale('extName')) });
    expect(await other.domMutations()).toEqual([]);
    expect(other.errors).toEqual([]);
    await Promise.all([other.close(), article.close()]);
  });

  it.skipIf(name === 'firefox')('shows its name in the popup, from the locale messages', async () => {
    if (!browser.popup) throw new Error(`${name} cannot open the popup page`);
    const { text, errors } = await browser.popup();
    const [heading, ...rest] = text.split('\n').filter((line) => line.trim() !== '');
    expect(inAnyLocale('extName')).toContain(heading);
    // Opened as a tab, the popup's "current tab" is its own extension page,
    // which has no web address to show.
    expect(inAnyLocale('popupNoPage')).toContain(rest.join(' '));
    expect(errors).toEqual([]);
  });
});
