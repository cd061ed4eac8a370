import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/article';
import { badgeText } from '../../lib/badge';
import { formatNumber } from '../../lib/format/entity';
import { FOLLOW_THRESHOLD, MAX_WINDOW } from '../../lib/highlight/viewport';
import { recognize, type DocumentEntity, type Entity, type FigureEntity } from '../../lib/recognize';
import { siteForHost } from '../../lib/sites';
import { launch, type ExtensionBrowser, type TestPage } from './browsers';
import { inAnyLocale } from './locale';
import { ASSET_HOSTS, expectedFor as expected, PAGES, type SitePage } from './pages';
import { startFixtureServer, type FixtureServer } from './server';

/** Sizes of our highlights, read in the page's own world. */
const HIGHLIGHTS = `(() => {
  const size = (name) => CSS.highlights.get(name)?.size ?? 0;
  return {
    documents: size('trichluc-document'),
    figures: size('trichluc-figure'),
    active: size('trichluc-active'),
    registered: CSS.highlights.size,
  };
})()`;

interface Highlights {
  documents: number;
  figures: number;
  active: number;
  registered: number;
}

/**
 * A point on the `index`-th highlighted entity of a kind, scrolled into view, and
 * the text under it; read in the page's world from the registered ranges.
 */
const entityPoint = (kind: 'document' | 'figure', index: number) => `(() => {
  const h = CSS.highlights.get('trichluc-${kind}');
  const r = h && [...h][${index}];
  if (!r) return null;
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0];
  return { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2, text: range.toString() };
})()`;

/** The open card, as the reader sees it (the UI host's shadow root is open). */
const CARD = `(() => {
  const hosts = document.querySelectorAll('trich-luc-ui');
  const host = hosts[0];
  const card = host?.shadowRoot?.querySelector('.card');
  if (!card) return { hosts: hosts.length, card: null };
  const fields = {};
  for (const f of card.querySelectorAll('.field')) fields[f.querySelector('dt').textContent] = f.querySelector('dd').textContent;
  return {
    hosts: hosts.length,
    hostUnderHtml: host.parentNode === document.documentElement,
    card: {
      kind: card.classList.contains('document') ? 'document' : 'figure',
      text: card.querySelector('.quote').textContent,
      fields,
      actions: [...card.querySelectorAll('.actions > *')].map((a) => a.textContent.trim()),
      lookup: card.querySelector('a.lookup')?.href ?? null,
      focused: host.shadowRoot.activeElement === card,
    },
  };
})()`;

interface CardView {
  hosts: number;
  hostUnderHtml?: boolean;
  card: {
    kind: 'document' | 'figure';
    text: string;
    fields: Record<string, string>;
    actions: string[];
    lookup: string | null;
    focused: boolean;
  } | null;
}

/** The value shown for a field, whichever locale the browser picked. */
function field(card: NonNullable<CardView['card']>, message: string): string | undefined {
  for (const label of inAnyLocale(message)) if (label in card.fields) return card.fields[label];
  return undefined;
}

function counts(entities: readonly Entity[]) {
  const documents = entities.filter((e) => e.kind === 'document').length;
  return { documents, figures: entities.length - documents };
}

function siteLabel(host: string): string {
  const site = siteForHost(host);
  if (!site) throw new Error(`${host} is not a supported site`);
  return site.label;
}

async function waitForHighlights(page: TestPage, entities: readonly Entity[], timeout = 10_000): Promise<void> {
  const want = counts(entities);
  await expect
    .poll(() => page.evaluate<Highlights>(HIGHLIGHTS), { timeout, interval: 100 })
    .toMatchObject({ documents: want.documents, figures: want.figures, active: 0 });
}

async function waitForBadge(page: TestPage, host: string, entities: readonly Entity[]): Promise<void> {
  const want = counts(entities);
  await expect
    .poll(() => page.toolbar(), { timeout: 10_000, interval: 100 })
    .toEqual({
      badge: badgeText(entities.length),
      title: expect.toBeOneOf(inAnyLocale('actionTitleCounts', [String(want.documents), String(want.figures), siteLabel(host)])),
    });
}

async function card(page: TestPage): Promise<CardView> {
  return page.evaluate<CardView>(CARD);
}

/**
 * The number of entities on each line of the article text (a paragraph), by the line's
 * text: what the page's paragraphs on the screen should hold.
 */
function entitiesByLine(site: SitePage): Record<string, number> {
  const { document } = parseHTML(site.html!());
  const article = extractArticle(document as unknown as Document, `http://${site.host}${site.path}`);
  const counts: Record<string, number> = {};
  let start = 0;
  let e = 0;
  const entities = recognize(article.text);
  for (const line of article.text.split('\n')) {
    const end = start + line.length;
    let n = 0;
    while (e < entities.length && entities[e]!.start < end) {
      if (entities[e]!.start >= start) n++;
      e++;
    }
    counts[line] = n;
    start = end + 1;
  }
  return counts;
}

interface ViewportCheck {
  /** Entity ranges registered in all. */
  registered: number;
  /** The text of each registered range. */
  texts: string[];
  /** Paragraphs on the screen whose text is a line of the article, and the entities they hold. */
  paragraphs: number;
  entities: number;
  /** Paragraphs on the screen holding a different number of registered ranges than of entities. */
  wrong: string[];
  /** Registered ranges far from the screen (more than three viewports away). */
  far: number;
}

/** Checks, in the page's world, which highlights are registered around the screen. */
const viewportCheck = (lines: Record<string, number>) => `(() => {
  const lines = ${JSON.stringify(lines)};
  const ranges = ['trichluc-document', 'trichluc-figure'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
  const live = (r) => { const l = document.createRange(); l.setStart(r.startContainer, r.startOffset); l.setEnd(r.endContainer, r.endOffset); return l; };
  const h = innerHeight;
  let far = 0;
  const texts = ranges.map((r) => {
    const l = live(r);
    const box = l.getBoundingClientRect();
    if (box.bottom < -3 * h || box.top > 4 * h) far++;
    return l.toString().replace(/\s+/g, ' ');
  });
  let paragraphs = 0, entities = 0;
  const wrong = [];
  for (const p of document.querySelectorAll('#news-bodyhtml p')) {
    const box = p.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= h) continue;
    const line = p.textContent.replace(/[\s\u00a0]+/g, ' ').trim();
    if (!(line in lines)) continue;
    paragraphs++;
    entities += lines[line];
    const got = ranges.filter((r) => p.contains(r.startContainer)).length;
    if (got !== lines[line]) wrong.push(lines[line] + ' entities, ' + got + ' registered: ' + line.slice(0, 60));
  }
  return { registered: ranges.length, texts, paragraphs, entities, wrong, far };
})()`;

/** Scrolls the first (to the top of the screen) or last (to its bottom) article paragraph with entities into view, at once. */
const scrollToParagraph = (lines: Record<string, number>, which: 'first' | 'last') => `(() => {
  const lines = ${JSON.stringify(lines)};
  const ps = [...document.querySelectorAll('#news-bodyhtml p')].filter((p) => lines[p.textContent.replace(/[\s\u00a0]+/g, ' ').trim()] > 0);
  const p = ${which === 'first' ? 'ps[0]' : 'ps[ps.length - 1]'};
  p.scrollIntoView({ block: '${which === 'first' ? 'start' : 'end'}', behavior: 'instant' });
})()`;

/**
 * Waits until the highlights around the screen are settled (every paragraph on the
 * screen has its ranges, none is registered far away), and checks them; `onArticle`:
 * the screen shows article paragraphs.
 */
async function waitForViewport(page: TestPage, lines: Record<string, number>, onArticle: boolean): Promise<ViewportCheck> {
  await expect
    .poll(
      async () => {
        const { wrong, far, paragraphs } = await page.evaluate<ViewportCheck>(viewportCheck(lines));
        return { wrong, far, onArticle: paragraphs > 0 };
      },
      { timeout: 10_000, interval: 100 },
    )
    .toEqual({ wrong: [], far: 0, onArticle: onArticle ? true : expect.any(Boolean) });
  const check = await page.evaluate<ViewportCheck>(viewportCheck(lines));
  expect(check.wrong).toEqual([]);
  expect(check.far).toBe(0);
  if (onArticle) {
    expect(check.paragraphs).toBeGreaterThan(0);
    expect(check.entities).toBeGreaterThan(0);
    expect(check.registered).toBeGreaterThanOrEqual(check.entities);
  }
  return check;
}

const ARTICLES = [PAGES.nukeviet, PAGES.hue, PAGES.newspaper, PAGES.sharepoint];
const NOT_ARTICLES = [PAGES.listing, PAGES.newspaperHome, PAGES.shop];

describe.each(['chromium', 'firefox'] as const)('%s', (name) => {
  // Firefox does not let automation into extension pages, so the popup is driven in
  // Chromium only; in Firefox these tests are not defined rather than skipped.
  const inPopup = name === 'chromium' ? it : (() => undefined) as unknown as typeof it;
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const routes = Object.values(PAGES).flatMap((p: SitePage) =>
      p.html ? [{ host: p.host, pathname: new URL(`http://${p.host}${p.path}`).pathname, body: p.html }] : [],
    );
    server = await startFixtureServer({ routes, assetHosts: ASSET_HOSTS });
    browser = await launch(name, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(ARTICLES)('highlights every entity of the $name and counts them on the badge', async (site) => {
    const entities = expected(site);
    expect(entities.length).toBeGreaterThan(10);
    const page = await browser.open(site.host, site.path);
    await waitForHighlights(page, entities);
    await waitForBadge(page, site.host, entities);
    // Highlights are not DOM: the page is exactly as it was, and no UI until a card opens.
    expect(await page.domMutations()).toEqual([]);
    expect((await card(page)).hosts).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('opens a card on hover and on click, with the parsed fields', async () => {
    const site = PAGES.nukeviet;
    const entities = expected(site);
    const documents = entities.filter((e): e is DocumentEntity => e.kind === 'document');
    const figures = entities.filter((e): e is FigureEntity => e.kind === 'figure');
    const page = await browser.open(site.host, site.path);
    await waitForHighlights(page, entities);

    // Hover: the card for the first document opens after a short rest.
    const docPoint = await page.evaluate<{ x: number; y: number; text: string }>(entityPoint('document', 0));
    expect(docPoint.text).toBe(documents[0]!.text);
    await page.mouseMove(docPoint.x, docPoint.y);
    await expect.poll(async () => (await card(page)).card?.text, { timeout: 3000 }).toBe(documents[0]!.text);
    const docCard = (await card(page)).card!;
    expect(docCard.kind).toBe('document');
    expect(field(docCard, 'fieldCode')).toBe(documents[0]!.code);
    expect(field(docCard, 'fieldDocType')).toBe(documents[0]!.docType);
    if (documents[0]!.issuer) expect(field(docCard, 'fieldIssuer')).toBe(documents[0]!.issuer);
    expect(docCard.actions).toEqual(
      expect.arrayContaining([expect.toBeOneOf(inAnyLocale('cardCopy')), expect.toBeOneOf(inAnyLocale('cardSave'))]),
    );
    expect(await page.evaluate<Highlights>(HIGHLIGHTS)).toMatchObject({ active: 1 });

    // The pointer may cross over to the card; leaving both closes it.
    const cardBox = await page.evaluate<{ x: number; y: number }>(`(() => {
      const r = document.querySelector('trich-luc-ui').shadowRoot.querySelector('.card').getBoundingClientRect();
      return { x: r.left + 20, y: r.top + 10 };
    })()`);
    await page.mouseMove((docPoint.x + cardBox.x) / 2, (docPoint.y + cardBox.y) / 2);
    await page.mouseMove(cardBox.x, cardBox.y);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await card(page)).card?.text).toBe(documents[0]!.text);
    await page.mouseMove(3, 3);
    await expect.poll(async () => (await card(page)).card, { timeout: 2000 }).toBeNull();
    expect(await page.evaluate<Highlights>(HIGHLIGHTS)).toMatchObject({ active: 0 });

    // Click: a figure's card opens at once.
    const figure = figures.find((f) => f.value >= 1000) ?? figures[0]!;
    const figPoint = await page.evaluate<{ x: number; y: number; text: string }>(entityPoint('figure', figures.indexOf(figure)));
    expect(figPoint.text).toBe(figure.text);
    await page.click(figPoint.x, figPoint.y);
    await expect.poll(async () => (await card(page)).card?.text, { timeout: 3000 }).toBe(figure.text);
    const figCard = await card(page);
    expect(figCard.card!.kind).toBe('figure');
    expect(field(figCard.card!, 'fieldValue')).toBe(formatNumber(figure.value));
    if (figure.unit) expect(field(figCard.card!, 'fieldUnit')).toBe(figure.unit);

    // Copy works on a plain-http page too (no async Clipboard API there), and says so.
    const copy = await page.evaluate<{ x: number; y: number }>(`(() => {
      const r = document.querySelector('trich-luc-ui').shadowRoot.querySelector('button.copy').getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    await page.click(copy.x, copy.y);
    await expect
      .poll(() => page.evaluate<string>(`document.querySelector('trich-luc-ui').shadowRoot.querySelector('.status').textContent`), { timeout: 2000 })
      .toBeOneOf(inAnyLocale('cardCopied'));

    // A click elsewhere closes it. The page's DOM only ever gained our one host, under <html>.
    await page.click(2, 2);
    await expect.poll(async () => (await card(page)).card, { timeout: 2000 }).toBeNull();
    expect(figCard).toMatchObject({ hosts: 1, hostUnderHtml: true });
    expect(await page.domMutations()).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('steps through the entities with Alt+Shift+N and Alt+Shift+P', async () => {
    const site = PAGES.sharepoint;
    const entities = expected(site);
    const page = await browser.open(site.host, site.path);
    await waitForHighlights(page, entities);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.press('KeyN', ['Alt', 'Shift']);
    await expect.poll(async () => (await card(page)).card?.text, { timeout: 2000 }).toBe(entities[0]!.text);
    // Opened from the keyboard, the card takes focus (and gives it back on close).
    expect((await card(page)).card!.focused).toBe(true);
    await page.press('KeyN', ['Alt', 'Shift']);
    await expect.poll(async () => (await card(page)).card?.text, { timeout: 2000 }).toBe(entities[1]!.text);
    await page.press('KeyP', ['Alt', 'Shift']);
    await expect.poll(async () => (await card(page)).card?.text, { timeout: 2000 }).toBe(entities[0]!.text);
    await page.press('Escape');
    await expect.poll(async () => (await card(page)).card, { timeout: 2000 }).toBeNull();
    expect(await page.domMutations()).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  inPopup('lists the article and its entities in the popup, and shows one picked there', async () => {
    const site = PAGES.nukeviet;
    const entities = expected(site);
    const documents = entities.filter((e) => e.kind === 'document');
    const figures = entities.filter((e) => e.kind === 'figure');
    const page = await browser.open(site.host, site.path);
    await waitForHighlights(page, entities);
    const popup = await browser.popupFor!(page);
    const lines = (await popup.text('.entities h2')).split('\n');
    expect(lines).toContain(site.fixture!.title);
    expect(lines).toContain(site.fixture!.author);
    expect(lines).toContain(site.fixture!.site);
    expect(lines).toContainEqual(expect.toBeOneOf(inAnyLocale('popupSiteSwitch', [site.host])));
    expect(lines).toContainEqual(expect.toBeOneOf(inAnyLocale('popupDocuments', [String(documents.length)])));
    expect(lines).toContainEqual(expect.toBeOneOf(inAnyLocale('popupFigures', [String(figures.length)])));
    for (const d of documents) expect(lines).toContain(d.text);
    // Picking one scrolls the page to it and opens its card there.
    await popup.click('button.entity.figure', 5);
    await expect.poll(async () => (await card(page)).card?.text, { timeout: 3000 }).toBe(figures[5]!.text);
    expect(popup.errors).toEqual([]);
    expect(page.errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  inPopup('turns highlighting off and on for a built-in site from the popup', async () => {
    const site = PAGES.hue;
    const entities = expected(site);
    const page = await browser.open(site.host, site.path);
    await waitForHighlights(page, entities);
    const popup = await browser.popupFor!(page);
    await popup.text('.entities h2');
    await popup.click('input[role="switch"]');
    // Off: our highlights and the badge are gone, the page is as it was.
    await expect
      .poll(() => page.evaluate<Highlights>(HIGHLIGHTS), { timeout: 3000 })
      .toEqual({ documents: 0, figures: 0, active: 0, registered: 0 });
    await expect.poll(async () => (await page.toolbar()).badge, { timeout: 3000 }).toBe('');
    const note = await popup.text('.note');
    expect(inAnyLocale('popupOff').some((message) => note.includes(message))).toBe(true);
    // On again: the article is read again.
    await popup.click('input[role="switch"]');
    await waitForHighlights(page, entities);
    await waitForBadge(page, site.host, entities);
    expect(await page.domMutations()).toEqual([]);
    expect(popup.errors).toEqual([]);
    expect(page.errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it.each(NOT_ARTICLES)('does nothing on a $name', async (site) => {
    const page = await browser.open(site.host, site.path);
    // An article opened afterwards: once its badge shows, the content script has
    // had every chance to run on the page opened before it.
    const article = await browser.open(PAGES.hue.host, PAGES.hue.path);
    await waitForBadge(article, PAGES.hue.host, expected(PAGES.hue));
    expect(await page.evaluate<Highlights>(HIGHLIGHTS)).toEqual({ documents: 0, figures: 0, active: 0, registered: 0 });
    expect((await card(page)).hosts).toBe(0);
    // Polled: Firefox repaints its toolbar button for the newly selected tab a moment
    // after the tab switch the read waits for.
    await expect
      .poll(() => page.toolbar(), { timeout: 5_000, interval: 100 })
      .toEqual({ badge: '', title: expect.toBeOneOf(inAnyLocale('extName')) });
    expect(await page.domMutations()).toEqual([]);
    expect(page.errors).toEqual([]);
    await Promise.all([page.close(), article.close()]);
  });

  it('highlights an article the page inserts after load, and paragraphs added to it later', async () => {
    const site = PAGES.late;
    const entities = expected(site);
    const page = await browser.open(site.host, site.path);
    await waitForHighlights(page, entities);
    await waitForBadge(page, site.host, entities);
    // The page's own two insertions, and nothing of ours.
    expect(await page.domMutations()).toEqual(['childList DIV', 'childList DIV']);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('finds every entity of a ~1 MB article and highlights those near the viewport, following the scroll', async () => {
    const site = PAGES.large;
    const entities = expected(site);
    expect(entities.length).toBeGreaterThan(FOLLOW_THRESHOLD);
    const lines = entitiesByLine(site);
    const started = Date.now();
    const page = await browser.open(site.host, site.path);
    const loaded = Date.now();
    // Every entity is found: the badge and its title count them all.
    await waitForBadge(page, site.host, entities);
    const done = Date.now();
    // Only those near the viewport are registered: at the top of the page, the article's first ones.
    const atLoad = await waitForViewport(page, lines, false);
    expect(atLoad.registered).toBeGreaterThan(0);
    expect(atLoad.registered).toBeLessThanOrEqual(MAX_WINDOW);
    expect(atLoad.texts).toContain(entities[0]!.text);
    // The body's first paragraphs on the screen: each holds as many registered ranges as it has entities.
    await page.evaluate(scrollToParagraph(lines, 'first'));
    const atTop = await waitForViewport(page, lines, true);
    expect(atTop.registered).toBeLessThanOrEqual(MAX_WINDOW);
    // Scrolled to the end of the article, the last ones are registered, and none far away any more.
    await page.evaluate(scrollToParagraph(lines, 'last'));
    const atEnd = await waitForViewport(page, lines, true);
    expect(atEnd.registered).toBeLessThanOrEqual(MAX_WINDOW);
    expect(atEnd.texts).toContain(entities.at(-1)!.text);
    // And at the very end of the page, below the article, nothing far stays registered.
    await page.evaluate(`window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' })`);
    await waitForViewport(page, lines, false);
    // Chromium reports tasks over 50 ms; the page's own parsing of 1 MB is one of them.
    const longTasks =
      name === 'chromium'
        ? await page.evaluate<number[]>(`new Promise((resolve) => {
            const po = new PerformanceObserver((list) => resolve(list.getEntries().map((e) => Math.round(e.duration))));
            po.observe({ type: 'longtask', buffered: true });
            setTimeout(() => resolve([]), 300);
          })`)
        : null;
    console.info(
      `[${name}] ~1 MB article: ${entities.length} entities; load ${loaded - started} ms, all found ${done - loaded} ms after load; ` +
        `registered near the viewport: ${atLoad.registered} at load, ${atTop.registered} at the article's top, ${atEnd.registered} at its end` +
        (longTasks ? `; long tasks (ms): ${JSON.stringify(longTasks)}` : ''),
    );
    expect(await page.domMutations()).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
