import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAVE_MENU_ID } from '../../lib/capture/menu';
import { readFixture } from '../fixtures/pages/catalog';
import { launch, type ExtensionBrowser, type PopupPage, type TestPage } from './browsers';
import { inAnyLocale } from './locale';
import { withoutScripts } from './pages';
import { startFixtureServer, type FixtureServer, type Route } from './server';

/**
 * Saving clippings and finding them again, in Chromium and Firefox: from a selection
 * with Alt+Shift+S, the button beside it and the context menu, and from an entity's
 * card; a reload marks the clipping again; an edited copy of the page (a figure
 * changed, the sentence gone) shows the changed-figure notice and the orphan.
 *
 * Every test has its own page (its own canonical address), so the archive, which
 * lasts as long as the browser, gives each one its own clippings.
 */

const HOST = 'bdv.binhphuoc.gov.vn';
const FIXTURE = 'nukeviet-bdv-article.html';
/** The fixture's canonical address, replaced by one per test. */
const CANONICAL =
  'https://bdv.binhphuoc.gov.vn/tin-tuc/hoat-dong-dan-van/binh-phuoc-so-ket-2-nam-thuc-hien-phong-trao-thi-dua-dan-van-kheo-giai-doan-2021-2025-1287.html';

/** Sentences of the article (one text node each in the fixture). */
const FIGURE_SENTENCE =
  'Từ các mô hình, nhân dân trong tỉnh đã tự nguyện hiến trên 86 ha đất, đóng góp hơn 1.640 tỷ đồng và hàng chục nghìn ngày công để làm mới, nâng cấp 1.152 km đường giao thông nông thôn, xây dựng 2.318 căn nhà đại đoàn kết.';
const DECISION_SENTENCE =
  'Công tác dân vận của chính quyền tiếp tục được quan tâm, gắn với thực hiện Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh ban hành Quy chế công tác dân vận của chính quyền các cấp.';
const AWARD_SENTENCE =
  'Dịp này, Ban Dân vận Tỉnh ủy đã tặng giấy khen cho 25 tập thể và 40 cá nhân có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" giai đoạn 2021 - 2022.';

/** How the served copy of the article differs from the fixture, per test page. */
type Variant = 'original' | 'figure-changed' | 'sentence-removed';

const SLUGS = ['shortcut', 'button', 'menu', 'card', 'edited'] as const;
type Slug = (typeof SLUGS)[number];
const variants = new Map<Slug, Variant>(SLUGS.map((slug) => [slug, 'original']));

const pathOf = (slug: Slug) => `/tin-tuc/hoat-dong-dan-van/trich-luc-${slug}.html`;

function pageHtml(slug: Slug): string {
  let html = withoutScripts(readFixture(FIXTURE)).split(CANONICAL).join(`https://${HOST}${pathOf(slug)}`);
  const variant = variants.get(slug);
  if (variant === 'figure-changed') html = html.replace('đóng góp hơn 1.640 tỷ đồng', 'đóng góp hơn 1.650 tỷ đồng');
  if (variant === 'sentence-removed') html = html.replace(FIGURE_SENTENCE, '');
  return html;
}

/** Selects `sentence` in the page (it lies in one text node), as a reader's drag would. */
const selectText = (sentence: string) => `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(${JSON.stringify(sentence)});
    if (at < 0) continue;
    node.parentElement.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + ${sentence.length});
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getClientRects()[0];
    return { x: rect.left + 20, y: rect.top + rect.height / 2 };
  }
  return null;
})()`;

interface Marks {
  clippings: number;
  texts: string[];
  entities: number;
}

/** Our highlights, read in the page's own world: the clippings' texts, and how many entities are marked. */
const MARKS = `(() => {
  const text = (r) => { const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset); return range.toString(); };
  const clippings = CSS.highlights.get('trichluc-clipping');
  return {
    clippings: clippings?.size ?? 0,
    texts: clippings ? [...clippings].map(text) : [],
    entities: (CSS.highlights.get('trichluc-document')?.size ?? 0) + (CSS.highlights.get('trichluc-figure')?.size ?? 0),
  };
})()`;

interface Ui {
  hosts: number;
  toast: { kind: string; title: string; quote: string } | null;
  button: { x: number; y: number } | null;
  notice: { orphans: string | null; changed: string | null; changes: string[] } | null;
}

/** What our shadow-root UI shows (its root is open). */
const UI = `(() => {
  const hosts = document.querySelectorAll('trich-luc-ui');
  const root = hosts[0]?.shadowRoot;
  const shown = (el) => el && !el.hidden ? el : null;
  const toast = shown(root?.querySelector('.toast'));
  const button = shown(root?.querySelector('.clip-button'));
  const notice = shown(root?.querySelector('.notice'));
  const box = button?.getBoundingClientRect();
  return {
    hosts: hosts.length,
    toast: toast && {
      kind: toast.classList.contains('error') ? 'error' : toast.classList.contains('saved') ? 'saved' : 'info',
      title: toast.querySelector('.title')?.textContent ?? '',
      quote: toast.querySelector('.quote')?.textContent ?? '',
    },
    button: box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null,
    notice: notice && {
      orphans: notice.querySelector('.orphans')?.textContent ?? null,
      changed: notice.querySelector('.changed')?.textContent ?? null,
      changes: [...notice.querySelectorAll('li.change')].map((li) => li.textContent),
    },
  };
})()`;

/** The centre of the card's save button, once a card is open. */
const CARD_SAVE = `(() => {
  const button = document.querySelector('trich-luc-ui')?.shadowRoot?.querySelector('.card button.save');
  if (!button) return null;
  const r = button.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
})()`;

/** A point on the figure "1.640 tỷ đồng" as highlighted, to click for its card. */
const FIGURE_POINT = `(() => {
  const h = CSS.highlights.get('trichluc-figure');
  for (const r of h ?? []) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    if (!range.toString().includes('1.640')) continue;
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 };
  }
  return null;
})()`;

/** A note typed into the toast's note field and saved (its button, then the form), from the page's world. */
const TOAST_NOTE = (note: string) => `(() => {
  const toast = document.querySelector('trich-luc-ui').shadowRoot.querySelector('.toast');
  toast.querySelector('button.add-note').click();
  toast.querySelector('textarea').value = ${JSON.stringify(note)};
  toast.querySelector('form button[type="submit"]').click();
})()`;
const TOAST_STATUS = `document.querySelector('trich-luc-ui')?.shadowRoot?.querySelector('.toast .status')?.textContent ?? ''`;
const NOTE = 'Đối chiếu với báo cáo quý I';

const marks = (page: TestPage) => page.evaluate<Marks>(MARKS);
const ui = (page: TestPage) => page.evaluate<Ui>(UI);

async function openArticle(browser: ExtensionBrowser, slug: Slug): Promise<TestPage> {
  const page = await browser.open(HOST, pathOf(slug));
  // The article has been read once its entities are marked.
  await expect.poll(async () => (await marks(page)).entities, { timeout: 10_000 }).toBeGreaterThan(10);
  return page;
}

async function select(page: TestPage, sentence: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate<{ x: number; y: number } | null>(selectText(sentence));
  if (!point) throw new Error(`"${sentence.slice(0, 30)}…" is not on the page`);
  return point;
}

async function expectSavedToast(page: TestPage, sentence: string): Promise<void> {
  await expect.poll(async () => (await ui(page)).toast, { timeout: 5000 }).toMatchObject({ kind: 'saved' });
  const { toast } = await ui(page);
  expect(inAnyLocale('toastSaved')).toContain(toast!.title);
  // The start of the quote, shortened to fit.
  expect(sentence.startsWith(toast!.quote.replace(/…$/, ''))).toBe(true);
}

async function expectMarked(page: TestPage, sentences: string[]): Promise<void> {
  await expect.poll(async () => (await marks(page)).texts.sort(), { timeout: 5000 }).toEqual([...sentences].sort());
}

/** The page is as its author made it, apart from our one host under <html>, and nothing went wrong. */
async function expectPageUntouched(page: TestPage): Promise<void> {
  expect(await page.domMutations()).toEqual([]);
  expect((await ui(page)).hosts).toBeLessThanOrEqual(1);
  expect(page.errors).toEqual([]);
}

describe.each(['chromium', 'firefox'] as const)('%s', (name) => {
  // Firefox lets no automation into extension pages: the side panel is checked in Chromium only.
  const inPanel = name === 'chromium' ? it : (() => undefined) as unknown as typeof it;
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const routes: Route[] = SLUGS.map((slug) => ({ host: HOST, pathname: pathOf(slug), body: () => pageHtml(slug) }));
    server = await startFixtureServer({ routes });
    browser = await launch(name, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves a selection with Alt+Shift+S, marks it, and marks it again after a reload', async () => {
    const page = await openArticle(browser, 'shortcut');
    expect((await ui(page)).hosts).toBe(0);
    await select(page, FIGURE_SENTENCE);
    await page.press('KeyS', ['Alt', 'Shift']);
    await expectSavedToast(page, FIGURE_SENTENCE);
    await expectMarked(page, [FIGURE_SENTENCE]);
    // The selection made way for the clipping's own mark.
    expect(await page.evaluate<string>('getSelection().toString()')).toBe('');
    await expectPageUntouched(page);

    // A note, right from the toast.
    await page.evaluate(TOAST_NOTE(NOTE));
    await expect.poll(() => page.evaluate<string>(TOAST_STATUS), { timeout: 5000 }).toBeOneOf(inAnyLocale('toastNoteSaved'));

    await page.reload();
    await expectMarked(page, [FIGURE_SENTENCE]);
    // Found where it was: nothing to report, so no UI at all.
    const after = await ui(page);
    expect(after.notice).toBeNull();
    expect(after.hosts).toBe(0);
    await expectPageUntouched(page);
    await page.close();
  });

  it('saves a selection from the button beside it', async () => {
    const page = await openArticle(browser, 'button');
    await select(page, DECISION_SENTENCE);
    await expect.poll(async () => (await ui(page)).button, { timeout: 5000 }).not.toBeNull();
    const { button } = await ui(page);
    await page.click(button!.x, button!.y);
    await expectSavedToast(page, DECISION_SENTENCE);
    await expectMarked(page, [DECISION_SENTENCE]);
    expect((await ui(page)).button).toBeNull();
    await expectPageUntouched(page);
    await page.close();
  });

  it('saves a selection from the context menu', async () => {
    const page = await openArticle(browser, 'menu');
    const point = await select(page, AWARD_SENTENCE);
    await page.contextMenuItem(SAVE_MENU_ID, point);
    await expectSavedToast(page, AWARD_SENTENCE);
    await expectMarked(page, [AWARD_SENTENCE]);
    await expectPageUntouched(page);
    await page.close();
  });

  it("saves an entity with its sentence from the entity's card", async () => {
    const page = await openArticle(browser, 'card');
    const figure = await page.evaluate<{ x: number; y: number } | null>(FIGURE_POINT);
    expect(figure).not.toBeNull();
    await page.click(figure!.x, figure!.y);
    await expect.poll(() => page.evaluate(CARD_SAVE), { timeout: 3000 }).not.toBeNull();
    const save = await page.evaluate<{ x: number; y: number }>(CARD_SAVE);
    await page.click(save.x, save.y);
    await expectSavedToast(page, FIGURE_SENTENCE);
    await expectMarked(page, [FIGURE_SENTENCE]);
    await expectPageUntouched(page);
    await page.close();
  });

  it('tells the reader when a clipped figure changed, and when the clipping is gone from the page', async () => {
    variants.set('edited', 'original');
    const page = await openArticle(browser, 'edited');
    await select(page, FIGURE_SENTENCE);
    await page.press('KeyS', ['Alt', 'Shift']);
    await expectSavedToast(page, FIGURE_SENTENCE);
    await expectMarked(page, [FIGURE_SENTENCE]);

    // The portal corrected a figure: the clipping is still found, and the change is told.
    variants.set('edited', 'figure-changed');
    await page.reload();
    const changed = FIGURE_SENTENCE.replace('1.640', '1.650');
    await expectMarked(page, [changed]);
    await expect.poll(async () => (await ui(page)).notice, { timeout: 5000 }).not.toBeNull();
    const notice = (await ui(page)).notice!;
    expect(notice.orphans).toBeNull();
    expect(inAnyLocale('noticeChanged', ['1'])).toContain(notice.changed);
    expect(notice.changes).toEqual(['1.640 → 1.650']);
    await expectPageUntouched(page);

    if (browser.sidePanelFor) {
      const panel = await browser.sidePanelFor(page);
      const text = await panelText(panel, '.clipping .state.edited');
      expect(text).toContain(changed.replace('1.650', '1.640'));
      expect(inAnyLocale('panelStateEdited').some((s) => text.includes(s))).toBe(true);
      expect(text).toContain('1.640 → 1.650');
      expect(panel.errors).toEqual([]);
      await panel.close();
    }

    // The sentence was taken out: the clipping is an orphan, listed, not marked.
    variants.set('edited', 'sentence-removed');
    await page.reload();
    await expect.poll(async () => (await ui(page)).notice?.orphans ?? null, { timeout: 5000 }).not.toBeNull();
    const orphaned = (await ui(page)).notice!;
    expect(inAnyLocale('noticeOrphans', ['1'])).toContain(orphaned.orphans);
    expect(orphaned.changes).toEqual([]);
    expect((await marks(page)).clippings).toBe(0);
    await expectPageUntouched(page);

    if (browser.sidePanelFor) {
      const panel = await browser.sidePanelFor(page);
      const text = await panelText(panel, '.orphans .clipping');
      expect(inAnyLocale('panelOrphans', ['1']).some((s) => text.includes(s))).toBe(true);
      expect(text).toContain(FIGURE_SENTENCE);
      expect(panel.errors).toEqual([]);
      await panel.close();
    }
    await page.close();
  });

  inPanel('lists the page, its entities and its clippings in the side panel, with the note editable there', async () => {
    const page = await openArticle(browser, 'shortcut');
    await expectMarked(page, [FIGURE_SENTENCE]);
    const panel = await browser.sidePanelFor!(page);
    const text = await panelText(panel, '.clipping .state');
    expect(text).toContain(FIGURE_SENTENCE);
    expect(inAnyLocale('panelStatePlaced').some((s) => text.includes(s))).toBe(true);
    expect(inAnyLocale('panelClippings', ['1']).some((s) => text.includes(s))).toBe(true);
    expect(text).toContain('Quyết định số 3307/QĐ-UBND');
    // The note written in the toast is here, and editable; so are the tags.
    expect(await panel.value('.clipping textarea')).toBe(NOTE);
    await panel.fill('.clipping textarea', `${NOTE}. Hỏi Sở Tài chính.`);
    await panel.fill('.clipping input[type="text"]', 'vốn, dân vận');
    await panel.click('.clipping button.save');
    const saved = await panelText(panel, '.clipping .status:not(:empty)');
    expect(inAnyLocale('panelSaved').some((s) => saved.includes(s))).toBe(true);
    await panel.close();
    const again = await browser.sidePanelFor!(page);
    await again.text('.clipping .state');
    expect(await again.value('.clipping textarea')).toBe(`${NOTE}. Hỏi Sở Tài chính.`);
    expect(await again.value('.clipping input[type="text"]')).toBe('vốn, dân vận');
    expect(panel.errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await again.close();
    await page.close();
  });
});

/** The side panel's text once `selector` is there. */
function panelText(panel: PopupPage, selector: string): Promise<string> {
  return panel.text(selector);
}
