/**
 * The library page in real browsers: chrome-extension://<id>/library.html of the built
 * extension in Chromium, every view; moz-extension://<uuid>/library.html in Firefox ESR,
 * the list and the diacritics-insensitive search (the uuid is read from Firefox's
 * preferences, browsers.ts `firefoxExtensionOrigin`).
 *
 * Seeding: the archive is filled through the store's own code, not a back door in the
 * product. lib/store is bundled here with esbuild and evaluated (over the DevTools
 * protocol or WebDriver BiDi, which extension-page CSP does not govern) in another tab of
 * the extension, where it opens the same IndexedDB database the library reads. That tab
 * is also "the other tab" that saves while the library is open, so live updates cross a
 * real tab boundary (Dexie's BroadcastChannel) as they will when the background saves.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClippingInput } from '../../lib/store/validate';
import { generateClippings } from '../../lib/store/fixtures';
import { clip, clip3307, entitiesIn, FIG, PAGE } from '../store/helpers';
import { firefoxExtensionOrigin, visitFirefoxExtensionPage } from './browsers';
import { launchWithExtension, storeBundle } from './chromium';
import { inAnyLocale } from './locale';
import { BROWSER_EXECUTABLES, EXTENSION_DIRS } from './paths';

/** Set to a directory to keep screenshots of each view (they are not compared, only kept for a look). */
const SHOTS = process.env.E2E_SCREENSHOTS;

const GENERATED = 300;
const HOSTILE_QUOTE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Đạt 47 hộ dân, \u202Egnp.exe\u202C xong.';
const HOSTILE: ClippingInput = clip(
  HOSTILE_QUOTE,
  {
    entities: entitiesIn(HOSTILE_QUOTE, [['47 hộ dân', FIG(47, 'hộ dân', 'count')]]),
    note: '<b onclick="window.__pwned=3">ghi chú</b>',
    tags: ['\u202Ethẻ'],
  },
  { url: 'https://baodanang.vn/thoi-su/doc-hai.html', title: '<script>window.__pwned=4</script>\u202E tiêu đề', published: '2024-05-02T09:00:00+07:00', site: 'Báo Đà Nẵng' },
);
// On another site, so the document is cited by two.
const SECOND_3307 = clip3307({ tags: ['lần hai'] }, { ...PAGE, url: 'https://danang.gov.vn/tin/bai-khac.html', canonicalUrl: null });

/** lib/store and the fixture generator as one script that sets `__trichLucStore`. */
interface Library {
  page: Page;
  errors: string[];
}

describe('chromium: the library page', () => {
  let context: BrowserContext;
  let userDataDir: string;
  let base: string;
  let writer: Page;

  /** Saves clippings from the other tab, through lib/store's repository. */
  const save = (inputs: readonly ClippingInput[]) =>
    writer.evaluate(async (items) => {
      const store = (globalThis as unknown as { __trichLucStore: { openRepo(): { saveClippings(i: unknown[]): Promise<{ clipping: { id: string } }[]>; close(): void } } }).__trichLucStore;
      const repo = store.openRepo();
      const saved = await repo.saveClippings(items as unknown[]);
      repo.close();
      return saved.map((v) => v.clipping.id);
    }, inputs as unknown as ClippingInput[]);

  async function open(hash = '#/clippings'): Promise<Library> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await page.goto(`${base}/library.html${hash}`);
    return { page, errors };
  }

  const rowIds = (page: Page) => page.locator('.row[data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  const count = (page: Page) => page.locator('.list-pane .count').innerText();

  beforeAll(async () => {
    const code = await storeBundle();
    userDataDir = await mkdtemp(join(tmpdir(), 'trich-luc-library-'));
    ({ context, origin: base } = await launchWithExtension(userDataDir));
    // The other tab: any page of the extension's origin holds the same database.
    writer = await context.newPage();
    await writer.goto(`${base}/popup.html`);
    await writer.evaluate(code);
    await save(generateClippings(GENERATED, { seed: 5 }));
    await save([clip3307({ tags: ['ngân sách'] }), SECOND_3307]);
    // Saved alone and a little later: clippings of one batch can share a millisecond.
    await new Promise((r) => setTimeout(r, 20));
    await save([HOSTILE]);
    if (SHOTS) await mkdir(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('lists the archive newest first, rendering only the rows in view, quickly', async () => {
    const started = Date.now();
    const { page, errors } = await open();
    await page.locator('.row[data-id]').first().waitFor();
    const firstRowMs = Date.now() - started;
    const total = GENERATED + 3;
    expect(inAnyLocale('libraryCount', [total.toLocaleString('en-US')]).concat(inAnyLocale('libraryCount', [total.toLocaleString('vi-VN')]))).toContain(await count(page));
    expect(await page.locator('.row').count()).toBeLessThan(25);
    expect(await page.locator('.row').first().innerText()).toContain('47 hộ dân');
    // Not a benchmark (see `npm run bench -- store`), a sanity bound for a small archive.
    expect(firstRowMs).toBeLessThan(5_000);
    process.stdout.write(`library: first row shown ${firstRowMs} ms after navigation (${total} clippings)\n`);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'library-list.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds the accented clipping from unaccented words and a number written another way', async () => {
    const { page, errors } = await open();
    await page.locator('.row[data-id]').first().waitFor();
    await page.locator('#library-search').fill('quyet dinh 3307');
    await expect.poll(() => page.locator('.row[data-id]').count(), { timeout: 5_000 }).toBe(2);
    for (const text of await page.locator('.row .quote').allInnerTexts()) expect(text).toContain('Quyết định số 3307/QĐ-UBND');
    expect(page.url()).toContain('#/clippings?q=quyet+dinh+3307');

    await page.locator('#library-search').fill('1640 tỷ');
    await page.locator('#library-search').press('Enter');
    await expect.poll(async () => (await page.locator('.row .quote').allInnerTexts()).filter((t) => t.includes('1.640 tỷ đồng')).length, { timeout: 5_000 }).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows the list with filters', async () => {
    const { page, errors } = await open();
    await page.locator('.row[data-id]').first().waitFor();
    const before = await count(page);
    await page.locator('#filter-place option[value="province:Bình Phước"]').waitFor({ state: 'attached' });
    await page.selectOption('#filter-place', 'province:Bình Phước');
    await expect.poll(() => count(page)).not.toBe(before);
    await page.selectOption('#filter-tag', 'ngân sách');
    await expect.poll(() => page.url()).toContain('tag=');
    await page.locator('.row[data-id]').first().waitFor();
    // The count is read once the new list has counted (before, it is empty or "at least 0").
    const digits = async () => Number((await count(page)).replace(/\D/g, ''));
    await expect.poll(digits).toBeGreaterThan(0);
    const narrowed = await digits();
    expect(narrowed).toBeLessThan(Number(before.replace(/\D/g, '')));
    await page.fill('#filter-doc', '3307/qd-ubnd');
    await page.locator('#filter-doc').press('Tab');
    await expect.poll(() => page.locator('.row[data-id]').count()).toBe(1);
    await page.locator('.filters .clear').click();
    await expect.poll(() => count(page)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works from the keyboard: skip link, arrows, End, Enter to edit, Escape back', async () => {
    const { page, errors } = await open();
    await page.locator('.row[data-id]').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const list = page.locator('.list');
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe('clipping-row-0');
    await page.keyboard.press('End');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe(`clipping-row-${GENERATED + 2}`);
    expect(await page.locator('#clipping-row-302').isVisible()).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe('clipping-row-0');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-note');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('list'))).toBe(true);
    // The shortcuts dialog closes on Escape and gives focus back.
    await page.locator('header button[aria-haspopup="dialog"]').click();
    await expect.poll(() => page.locator('dialog.shortcuts').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.shortcuts').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('deletes with Undo, and shows a save from another tab live', async () => {
    const { page, errors } = await open('#/clippings?q=quyet+dinh+3307');
    await expect.poll(() => page.locator('.row[data-id]').count(), { timeout: 5_000 }).toBe(2);
    const [first] = await rowIds(page);
    await page.locator('.row[data-id]').first().click();
    await page.locator('.list').press('Delete');
    await expect.poll(() => page.locator('.row[data-id]').count()).toBe(1);
    expect(await rowIds(page)).not.toContain(first);
    const undo = page.locator('.toast button.undo');
    expect(inAnyLocale('libraryDeleted')).toContain(await page.locator('.toast span').innerText());
    await undo.click();
    await expect.poll(() => rowIds(page)).toContain(first);

    const [added] = await save([clip3307({ note: 'từ thẻ khác' }, { ...PAGE, url: 'https://cantho.gov.vn/tin/moi.html', canonicalUrl: null })]);
    // No reload: the other tab's save reaches this one by Dexie's BroadcastChannel.
    await expect.poll(async () => (await rowIds(page))[0], { timeout: 5_000 }).toBe(added);
    expect(await page.locator('.row[data-id]').count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists cited documents in the citation index, linking to their clippings', async () => {
    const { page, errors } = await open('#/citations');
    const row = page.locator('tr[data-key="3307/qd-ubnd"]');
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[1]).toBe('3307/QĐ-UBND');
    expect(Number(cells[4])).toBeGreaterThanOrEqual(2);
    expect(await row.locator('a.lookup').getAttribute('href')).toContain('vbpl.vn');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'library-citations.png') });
    await row.locator('a.clippings-link').click();
    await expect.poll(() => page.url()).toContain('#/clippings?doc=3307%2FQ%C4%90-UBND');
    await expect.poll(() => page.locator('.row[data-id]').count()).toBe(Number(cells[4]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorts the statistics ledger by value and charts the unit', async () => {
    const { page, errors } = await open('#/ledger?unit=VND');
    await page.locator('.ledger-table tbody tr[data-value]').first().waitFor();
    const header = page.locator('.ledger-table th.value');
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const values = async () => (await page.locator('.ledger-table tbody tr[data-value]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-value')))));
    const desc = await values();
    expect(desc.length).toBeGreaterThan(5);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const asc = await values();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(await page.locator('.chart svg[role="img"] title').textContent()).toContain('VND');
    expect(await page.locator('.chart svg .dots circle').count()).toBeGreaterThan(3);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'library-ledger.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile page text as inert, isolated text', async () => {
    const { page, errors } = await open('#/clippings?q=gnp.exe');
    await expect.poll(() => page.locator('.row[data-id]').count(), { timeout: 5_000 }).toBe(1);
    await page.locator('.row[data-id]').click();
    await page.locator('.detail blockquote').waitFor();
    const report = await page.evaluate(() => {
      const app = document.getElementById('app')!;
      const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
      let overrides = 0;
      let unisolated = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        if (!text.includes('\u202E')) continue;
        overrides++;
        const plainIsolated = !text.replace(/\u2068[^\u2068\u2069]*\u2069/g, '').includes('\u202E');
        if (!plainIsolated && !n.parentElement?.closest('bdi, [dir="auto"]')) unisolated++;
      }
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        elements: app.querySelectorAll('script, img, b').length,
        quote: document.querySelector('.detail blockquote')!.textContent,
        overrides,
        unisolated,
        // The date after a reversed site name still reads left to right in its own box.
        metaOrder: [...document.querySelectorAll('.row.active .meta > *')].map((e) => e.className),
      };
    });
    expect(report).toMatchObject({ pwned: null, elements: 0, quote: HOSTILE_QUOTE, unisolated: 0 });
    expect(report.overrides).toBeGreaterThanOrEqual(3);
    expect(report.metaOrder.slice(0, 2)).toEqual(['site', 'date']);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'library-hostile.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('firefox: the library page', () => {
  let browser: PuppeteerBrowser;
  let base: string;

  const rows = (page: PuppeteerPage) => page.$$eval('.row[data-id]', (els) => els.length);
  const quotes = (page: PuppeteerPage) => page.$$eval('.row[data-id] .quote', (els) => els.map((e) => (e as HTMLElement).innerText));

  beforeAll(async () => {
    const code = await storeBundle();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: BROWSER_EXECUTABLES.firefox,
      headless: true,
      args: ['--remote-allow-system-access'],
    });
    const extensionId = await browser.installExtension(EXTENSION_DIRS.firefox);
    base = await firefoxExtensionOrigin(browser, extensionId);
    // The other tab, as in Chromium: any page of the extension's origin holds the database.
    const { page: writer } = await visitFirefoxExtensionPage(browser, `${base}/popup.html`);
    await writer.evaluate(code);
    const inputs = [...generateClippings(GENERATED, { seed: 5 }), clip3307({ tags: ['ngân sách'] }), SECOND_3307];
    await writer.evaluate(async (items: unknown[]) => {
      const store = (globalThis as unknown as { __trichLucStore: { openRepo(): { saveClippings(i: unknown[]): Promise<unknown[]>; close(): void } } }).__trichLucStore;
      const repo = store.openRepo();
      await repo.saveClippings(items);
      repo.close();
    }, inputs as unknown[]);
    await writer.close();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the archive and finds the accented clipping from unaccented words and a number written another way', async () => {
    const { page, errors } = await visitFirefoxExtensionPage(browser, `${base}/library.html#/clippings`);
    await page.waitForSelector('.row[data-id]', { timeout: 15_000 });
    const total = GENERATED + 2;
    const countText = await page.$eval('.list-pane .count', (e) => (e as HTMLElement).innerText);
    expect(inAnyLocale('libraryCount', [total.toLocaleString('en-US')]).concat(inAnyLocale('libraryCount', [total.toLocaleString('vi-VN')]))).toContain(countText);

    await page.locator('#library-search').fill('quyet dinh 3307');
    await expect.poll(() => rows(page), { timeout: 10_000 }).toBe(2);
    for (const text of await quotes(page)) expect(text).toContain('Quyết định số 3307/QĐ-UBND');
    expect(page.url()).toContain('#/clippings?q=quyet+dinh+3307');

    await page.locator('#library-search').fill('1640 tỷ');
    await page.focus('#library-search');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await quotes(page)).filter((t) => t.includes('1.640 tỷ đồng')).length, { timeout: 10_000 }).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
