import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText } from '../../lib/badge';
import { siteForHost } from '../../lib/sites';
import { launch, type ExtensionBrowser, type TestPage } from './browsers';
import { inAnyLocale } from './locale';
import { expectedEntities } from './pages';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from './server';

/** A short article on a government portal (tests/e2e/fixtures/<host><path>). */
const ARTICLE = { host: 'bdv.binhphuoc.gov.vn', path: '/tin-tuc/ubnd-tinh-ban-hanh-ke-hoach.html' } as const;

/** A supported site's front page: not an article. */
const FRONT_PAGE = { host: 'baodanang.vn', path: '/' } as const;

/** A site that is not on the list, with the same kind of text. */
const OTHER_SITE = { host: 'example.com', path: '/' } as const;

function siteLabel(host: string): string {
  const site = siteForHost(host);
  if (!site) throw new Error(`${host} is not a supported site`);
  return site.label;
}

/** Waits until the toolbar shows the article's entity count, and the tooltip names the site. */
async function waitUntilCounted(page: TestPage, host: string, path: string): Promise<void> {
  const entities = expectedEntities(readFileSync(`${FIXTURES_DIR}/${host}${path}`, 'utf8'), `http://${host}${path}`);
  const documents = entities.filter((e) => e.kind === 'document').length;
  expect(entities.length).toBeGreaterThan(0);
  await expect
    .poll(() => page.toolbar(), { timeout: 10_000, interval: 100 })
    .toEqual({
      badge: badgeText(entities.length),
      title: expect.toBeOneOf(
        inAnyLocale('actionTitleCounts', [String(documents), String(entities.length - documents), siteLabel(host)]),
      ),
    });
}

describe.each(['chromium', 'firefox'] as const)('%s', (name) => {
  // Firefox does not let automation into extension pages, so the popup is driven in
  // Chromium only; in Firefox these tests are not defined rather than skipped.
  const inPopup = name === 'chromium' ? it : (() => undefined) as unknown as typeof it;
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

  it('counts the entities of an article on the toolbar button without changing the page', async () => {
    const page = await browser.open(ARTICLE.host, ARTICLE.path);
    await waitUntilCounted(page, ARTICLE.host, ARTICLE.path);
    expect(await page.domMutations()).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it.each([FRONT_PAGE, OTHER_SITE])('leaves $host alone (not an article / not on the list)', async ({ host, path }) => {
    const other = await browser.open(host, path);
    // A supported page opened afterwards: once its badge shows, the content
    // script has had every chance to run on the page opened before it.
    const article = await browser.open(ARTICLE.host, ARTICLE.path);
    await waitUntilCounted(article, ARTICLE.host, ARTICLE.path);
    // Polled: Firefox repaints its toolbar button for the newly selected tab a moment
    // after the tab switch the read waits for.
    await expect
      .poll(() => other.toolbar(), { timeout: 5_000, interval: 100 })
      .toEqual({ badge: '', title: expect.toBeOneOf(inAnyLocale('extName')) });
    expect(await other.domMutations()).toEqual([]);
    expect(other.errors).toEqual([]);
    await Promise.all([other.close(), article.close()]);
  });

  inPopup('shows its name in the popup, from the locale messages', async () => {
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
