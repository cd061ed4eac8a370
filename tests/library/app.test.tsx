// First, before Dexie loads: live queries need a global indexedDB when Dexie initialises.
import 'fake-indexeddb/auto';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryApp } from '@/components/library/LibraryApp';
import { memoryRouter } from '@/components/library/router';
import { openArchiveDB } from '@/lib/store/db';
import { generateClippings } from '@/lib/store/fixtures';
import { createRepo } from '@/lib/store/repo';
import type { ClippingView, Repo } from '@/lib/store';
import { messagesOf } from '../helpers/i18n';
import { clip, clip3307, entitiesIn, FIG, fresh, type Fresh } from '../store/helpers';
import { change, click, mount, press, settle, submit, type, until, type Mounted } from './dom';

const en = messagesOf('en');
const vi_ = messagesOf('vi');

const HOSTILE_QUOTE = '<script>alert("xss")</script> Đạt 47 hộ dân \u202Egnp.exe\u202C xong.';
const HOSTILE_PAGE = {
  url: 'https://baodanang.vn/thoi-su/bai-doc-hai-1.html',
  title: '<img src=x onerror="alert(1)"> \u202Eevil title',
  published: '2024-05-02T09:00:00+07:00',
  site: 'Báo <b>Đà Nẵng</b>',
};

interface Archive extends Fresh {
  c3307: ClippingView;
  hostile: ClippingView;
  generated: number;
}

async function archive(): Promise<Archive> {
  const f = fresh();
  const generated = 40;
  await f.repo.saveClippings(generateClippings(generated, { seed: 11 }));
  const c3307 = await f.repo.saveClipping(clip3307({ tags: ['ngân sách'], note: 'Kiểm tra lại' }));
  const hostile = await f.repo.saveClipping(
    clip(HOSTILE_QUOTE, { entities: entitiesIn(HOSTILE_QUOTE, [['47 hộ dân', FIG(47, 'hộ dân', 'count')]]), note: '<b>note</b> \u202Eevil', tags: ['\u202Etag'] }, HOSTILE_PAGE),
  );
  return { ...f, c3307, hostile, generated };
}

let app: Mounted | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

function show(repo: Repo, hash = '#/clippings', t = en) {
  const router = memoryRouter(hash);
  app = mount(<LibraryApp repo={repo} t={t} locale={t === en ? 'en' : 'vi'} router={router} sizes={{ list: 840, table: 560 }} />);
  return { app, router };
}

const rowIds = (m: Mounted) => m.$$('.row[data-id]').map((r) => r.getAttribute('data-id'));
const countText = (m: Mounted) => m.$('.list-pane .count')?.textContent ?? '';
const list = (m: Mounted) => m.$('.list')!;
// Preact sets `tabIndex` with setAttribute; browsers lower-case it, linkedom keeps the case.
const tabindex = (el: Element) => el.getAttribute('tabindex') ?? el.getAttribute('tabIndex');

describe('the clippings list', () => {
  let a: Archive;
  beforeEach(async () => {
    a = await archive();
  });

  it('shows every clipping newest first, rendering only the rows in view', async () => {
    const { app } = show(a.repo);
    await until(() => rowIds(app).length > 0, 'rows');
    const total = a.generated + 2;
    expect(countText(app)).toBe(`${total} clippings`);
    expect(rowIds(app).slice(0, 2)).toEqual([a.hostile.clipping.id, a.c3307.clipping.id]);
    // 840 px of 84 px rows and 4 rows of overscan: 14 rendered of 42.
    expect(app.$$('.row').length).toBe(14);
    expect(app.$('.spacer')!.getAttribute('style')).toMatch(new RegExp(`height: ?${total * 84}px`));
    const first = app.$('.row')!;
    expect(first.getAttribute('role')).toBe('option');
    expect(first.getAttribute('aria-posinset')).toBe('1');
    expect(first.getAttribute('aria-setsize')).toBe(String(total));
    expect(list(app).getAttribute('role')).toBe('listbox');
    expect(tabindex(list(app))).toBe('0');
  });

  it('finds accented text from unaccented words, and numbers in any spelling, after typing pauses', async () => {
    const { app, router } = show(a.repo);
    await until(() => rowIds(app).length > 0, 'rows');
    const box = app.$<HTMLInputElement>('#library-search')!;
    type(box, 'quyet dinh 3307');
    await settle(50);
    // Still the whole list: the query waits for typing to pause.
    expect(rowIds(app).length).toBeGreaterThan(1);
    await until(() => rowIds(app).length === 1, 'one match');
    expect(rowIds(app)).toEqual([a.c3307.clipping.id]);
    expect(countText(app)).toBe('1 clippings');
    expect(router.hash()).toBe('#/clippings?q=quyet+dinh+3307');
    // Typing replaced the history entry instead of adding one per pause.
    expect(router.history).toHaveLength(1);

    type(box, '1640 tỷ');
    submit(app.$('form.search')!); // Enter: at once
    await until(() => router.hash() === '#/clippings?q=1640+t%E1%BB%B7', 'query in address');
    await until(() => rowIds(app).includes(a.c3307.clipping.id) && rowIds(app).length === 1, 'number match');

    type(box, 'khong co chu nay dau');
    await until(() => app.$('.list-pane .empty') !== null, 'no match');
    expect(app.$('.list-pane .empty')!.textContent).toBe(en('libraryNoMatch'));
  });

  it('narrows the list with filters, which live in the address', async () => {
    const { app, router } = show(a.repo);
    await until(() => app.$$('#filter-place option').length > 2, 'filter choices');
    change(app.$<HTMLSelectElement>('#filter-place')!, 'province:Bình Phước');
    await until(() => router.hash().includes('place='), 'address');
    const inProvince = (await a.repo.listClippings({ filter: { province: 'Bình Phước' }, limit: Infinity })).items;
    await until(() => countText(app) === `${inProvince.length} clippings`, 'province count');
    expect(inProvince.length).toBeLessThan(a.generated + 2);

    change(app.$<HTMLSelectElement>('#filter-tag')!, 'ngân sách');
    const both = (await a.repo.listClippings({ filter: { province: 'Bình Phước', tag: 'ngân sách' }, limit: Infinity })).items;
    await until(() => countText(app) === `${both.length} clippings`, 'tag count');
    expect(rowIds(app)).toEqual(both.map((v) => v.clipping.id).slice(0, rowIds(app).length));
    expect(app.$('#filters-heading')!.textContent).toBe('Filters (2)');

    router.go('#/clippings?doc=3307%2Fqd-ubnd&kind=figure&pf=2024-03-12&pt=2024-03-12');
    await until(() => rowIds(app).join() === a.c3307.clipping.id, 'document filter');
    router.go('#/clippings?sf=2000-01-01&st=2000-12-31');
    await until(() => app.$('.list-pane .empty') !== null, 'empty range');

    click(app.$('.filters .clear')!);
    await until(() => countText(app) === `${a.generated + 2} clippings`, 'cleared');
    expect(router.hash()).toBe('#/clippings');
  });

  it('moves from the keyboard and opens the details', async () => {
    const { app } = show(a.repo);
    await until(() => rowIds(app).length > 0, 'rows');
    const lb = list(app);
    press(lb, 'ArrowDown');
    await settle();
    expect(lb.getAttribute('aria-activedescendant')).toBe('clipping-row-0');
    expect(app.$('#clipping-row-0')!.getAttribute('aria-selected')).toBe('true');
    expect(app.$('.detail blockquote')!.textContent).toBe(HOSTILE_QUOTE);
    press(lb, 'ArrowDown');
    await settle();
    expect(app.$('.detail blockquote')!.textContent).toContain('3307/QĐ-UBND');
    press(lb, 'PageDown'); // 10 rows fit: 9 down
    await settle();
    expect(lb.getAttribute('aria-activedescendant')).toBe('clipping-row-10');
    press(lb, 'End');
    await until(() => lb.getAttribute('aria-activedescendant') === `clipping-row-${a.generated + 1}`, 'end');
    await until(() => app.$('.detail blockquote') !== null, 'last row details');
    press(lb, 'Home');
    await settle();
    expect(lb.getAttribute('aria-activedescendant')).toBe('clipping-row-0');

    const note = app.$<HTMLTextAreaElement>('#detail-note')!;
    const focusNote = vi.spyOn(note, 'focus');
    press(lb, 'Enter');
    await settle();
    expect(focusNote).toHaveBeenCalled();
    const focusList = vi.spyOn(lb, 'focus');
    // On the pane itself: linkedom calls bubbling listeners with `this` = the target, which Preact's handlers cannot take.
    press(app.$('section.detail')!, 'Escape');
    expect(focusList).toHaveBeenCalled();
    press(lb, 'Escape');
    await settle();
    expect(app.$('.detail.empty')).not.toBeNull();
    expect(lb.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('saves the note, tags and colour', async () => {
    const { app } = show(a.repo);
    await until(() => rowIds(app).length > 0, 'rows');
    press(list(app), 'ArrowDown');
    press(list(app), 'ArrowDown');
    await until(() => app.$('#detail-note') !== null && app.$<HTMLTextAreaElement>('#detail-note')!.value === 'Kiểm tra lại', 'details');
    type(app.$<HTMLTextAreaElement>('#detail-note')!, 'Đối chiếu với báo cáo quý II');
    type(app.$<HTMLInputElement>('#detail-tags')!, 'ngân sách, đầu tư công ,');
    change(app.$<HTMLInputElement>('input[name="detail-colour"][value="green"]')!);
    submit(app.$('form.edit')!);
    await until(() => app.$('form.edit .status')!.textContent === 'Changes saved.', 'saved');
    const [saved] = await a.repo.getClippings([a.c3307.clipping.id]);
    expect(saved!.clipping).toMatchObject({ note: 'Đối chiếu với báo cáo quý II', tags: ['ngân sách', 'đầu tư công'], colour: 'green' });
    // The list shows the change (live), and the row stays chosen.
    await until(() => app.$('.row.active')?.classList.contains('colour-green') === true, 'row colour');
  });

  it('deletes with a toast offering Undo, which brings the clipping back', async () => {
    const { app } = show(a.repo);
    await until(() => rowIds(app).length > 0, 'rows');
    const total = a.generated + 2;
    press(list(app), 'ArrowDown');
    press(list(app), 'ArrowDown');
    await settle();
    press(list(app), 'Delete');
    await until(() => countText(app) === `${total - 1} clippings`, 'deleted');
    expect(rowIds(app)).not.toContain(a.c3307.clipping.id);
    const toast = app.$('.toast')!;
    expect(toast.getAttribute('role')).toBe('status');
    expect(toast.textContent).toContain('Clipping deleted.');
    // The next clipping takes the deleted one's place in the selection.
    expect(app.$('.row.active')!.getAttribute('data-id')).toBe(rowIds(app)[1]);

    click(toast.querySelector('button.undo')!);
    await until(() => countText(app) === `${total} clippings`, 'restored');
    expect(rowIds(app)[1]).toBe(a.c3307.clipping.id);
    expect(app.$('.row.active')!.getAttribute('data-id')).toBe(a.c3307.clipping.id);
    expect(app.$('.toast')!.textContent).toBe('Clipping restored.');

    // Ctrl+Z does the same from anywhere but a text field.
    click(app.$('.detail button.danger')!);
    await until(() => countText(app) === `${total - 1} clippings`, 'deleted again');
    press(app.document.body, 'z', { ctrlKey: true });
    await until(() => countText(app) === `${total} clippings`, 'restored by Ctrl+Z');
  });

  it('shows a clipping saved in another tab without a reload', async () => {
    const { app } = show(a.repo);
    await until(() => rowIds(app).length > 0, 'rows');
    press(list(app), 'ArrowDown');
    await settle();
    type(app.$<HTMLTextAreaElement>('#detail-note')!, 'đang gõ dở…');
    // Another page of the extension: its own connection to the same database.
    const other = createRepo(openArchiveDB({ name: a.db.name, indexedDB: a.factory, IDBKeyRange }), { now: () => a.clock.t + 60_000 });
    const sites = () => app.$$('#filter-place option').map((o) => o.getAttribute('value'));
    await until(() => sites().length > 1, 'filter choices');
    const { clipping } = await other.saveClipping(clip('Một trích lục mới từ thẻ khác: 2.159 hộ dân.', {}, { url: 'https://www.vinhlong.gov.vn/tin/moi.html', title: 'Mới' }));
    await until(() => rowIds(app)[0] === clipping.id, 'new clipping on top');
    expect(countText(app)).toBe(`${a.generated + 3} clippings`);
    // The chosen clipping stays chosen though it moved down a row.
    expect(app.$('.row.active')!.getAttribute('data-id')).toBe(a.hostile.clipping.id);
    // …and a note being typed is still there.
    expect(app.$<HTMLTextAreaElement>('#detail-note')!.value).toBe('đang gõ dở…');
    // The filters' choices catch up when the reader goes to them.
    expect(sites()).not.toContain('host:vinhlong.gov.vn');
    app.$('aside.filters')!.dispatchEvent(new app.window.Event('focusin'));
    await until(() => sites().includes('host:vinhlong.gov.vn'), 'new site among the choices');
    other.close();
  });
});

describe('hostile text from pages', () => {
  it('stays inert text, isolated from the labels around it', async () => {
    const a = await archive();
    const { app, router } = show(a.repo);
    await until(() => rowIds(app).length > 0, 'rows');
    press(list(app), 'ArrowDown');
    await until(() => app.$('.detail blockquote') !== null, 'details');
    const check = () => {
      // Nothing the page wrote became an element.
      expect(app.root.querySelectorAll('script, img, b, iframe, object, embed').length).toBe(0);
      // Each text node holding a bidi override sits inside <bdi> or a dir="auto" element.
      const walker = app.document.createTreeWalker(app.root, 4);
      let found = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent!.includes('\u202E')) continue;
        found++;
        // Where markup cannot go (an <option>), the text is wrapped in FSI … PDI instead.
        const isolated = !n.textContent!.replace(/\u2068[^\u2068\u2069]*\u2069/g, '').includes('\u202E');
        expect(isolated || (n.parentElement as Element).closest('bdi, [dir="auto"]') !== null).toBe(true);
      }
      return found;
    };
    expect(app.root.textContent).toContain('<script>alert("xss")</script>');
    expect(app.$('.detail .facts a')!.getAttribute('href')).toBe('https://baodanang.vn/thoi-su/bai-doc-hai-1.html');
    expect(app.$('.detail .facts a')!.textContent).toBe(HOSTILE_PAGE.title);
    expect(app.$<HTMLTextAreaElement>('#detail-note')!.value).toBe('<b>note</b> \u202Eevil');
    expect(check()).toBeGreaterThanOrEqual(3); // quote in the row and the details, tag, title

    router.go('#/ledger?unit=h%E1%BB%99%20d%C3%A2n');
    // The row comes first, its page when the table has read the clippings shown.
    await until(() => app.$('.ledger-table tbody tr[data-value="47"] .page a') !== null, 'ledger row');
    expect(app.$('.ledger-table tbody tr[data-value="47"] .page a')!.textContent).toBe(HOSTILE_PAGE.title);
    expect(check()).toBeGreaterThanOrEqual(2);
  });
});

describe('the citation index', () => {
  it('lists each cited document with its counts and links to its clippings and to vbpl.vn', async () => {
    const a = await archive();
    await a.repo.saveClipping(clip3307({ tags: ['lần hai'] }, { ...HOSTILE_PAGE, url: 'https://danang.gov.vn/bai-khac.html' }));
    const { app, router } = show(a.repo, '#/citations');
    expect(app.$('.citations .loading')!.textContent).toBe('Loading…');
    await until(() => app.$('tr[data-key="3307/qd-ubnd"]') !== null, 'citation row');
    const row = app.$('tr[data-key="3307/qd-ubnd"]')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 2)).toEqual(['Quyết định', '3307/QĐ-UBND']);
    expect(cells[4]).toBe('2'); // clippings
    expect(cells[5]).toBe('2'); // sites
    const link = row.querySelector('a.clippings-link')!;
    expect(link.textContent).toBe('Show 2 clippings');
    expect(link.getAttribute('href')).toBe('#/clippings?doc=3307%2FQ%C4%90-UBND');
    const lookup = row.querySelector('a.lookup')!;
    expect(lookup.getAttribute('href')).toBe('https://vbpl.vn/pages/vbpq-timkiem.aspx?type=0&s=1&SearchIn=Title1,Title&Keyword=3307%2FQ%C4%90-UBND');
    expect(lookup.getAttribute('rel')).toBe('noopener noreferrer');
    const { total } = await a.repo.citationIndex();
    expect(app.$('.citations .count')!.textContent).toBe(`${total} documents cited`);

    // Following the link lists exactly the clippings citing it.
    router.go(link.getAttribute('href')!);
    await until(() => countText(app) === '2 clippings', 'filtered list');
    expect(app.$<HTMLInputElement>('#filter-doc')!.value).toBe('3307/QĐ-UBND');
  });
});

describe('the statistics ledger', () => {
  it('lists the figures of a unit, sorts by value, and charts them accessibly', async () => {
    const a = await archive();
    const { app } = show(a.repo, '#/ledger?unit=VND');
    await until(() => app.$$('.ledger-table tbody tr[data-value]').length > 0, 'ledger rows');
    const rows = await a.repo.ledger({ unit: 'VND' });
    expect(app.$('.ledger .count')!.textContent).toBe(`${rows.length} figures`);
    const values = () => app.$$('.ledger-table tbody tr[data-value]').map((tr) => Number(tr.getAttribute('data-value')));
    const header = () => app.$('.ledger-table th.value')!;
    expect(header().getAttribute('aria-sort')).toBe('none');
    click(header().querySelector('button')!);
    await settle();
    expect(header().getAttribute('aria-sort')).toBe('descending');
    const desc = values();
    expect(desc).toEqual([...desc].sort((x, y) => y - x));
    expect(desc[0]).toBe(Math.max(...rows.map((r) => r.figure.value)));
    click(header().querySelector('button')!);
    await settle();
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    expect(values()[0]).toBe(Math.min(...rows.map((r) => r.figure.value)));
    // The value is written the Vietnamese way whatever the UI language.
    expect(app.$('.ledger-table tbody tr td.value')!.textContent).toMatch(/^\d{1,3}(\.\d{3})*(,\d+)?$/);
    expect(app.$('.ledger-table')!.getAttribute('aria-rowcount')).toBe(String(rows.length + 1));

    const svg = app.$('.chart svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('chart-title chart-desc');
    expect(svg.querySelector('title')!.textContent).toBe('\u2068VND\u2069 over time');
    expect(svg.querySelector('desc')!.textContent).toMatch(/^\d+ dated figures, from .+ to .+\.$/);
    expect([...svg.querySelectorAll('text.label')].map((x) => x.textContent)).toEqual(['Value (\u2068VND\u2069)', 'Date published']);
    const dated = rows.filter((r) => r.page.publishedAt !== null).length;
    expect(app.$$('.chart table tbody tr').length).toBe(dated);
    expect(app.$('.chart table caption')!.textContent).toBe('Chart data');
  });

  it('sorts by page title, reading the titles only then', async () => {
    const a = await archive();
    const { app } = show(a.repo, '#/ledger?unit=VND');
    await until(() => app.$$('.ledger-table tbody tr[data-value] .page a').length > 1, 'ledger rows with their pages');
    const header = () => app.$('.ledger-table th.page')!;
    click(header().querySelector('button')!);
    // Titles load after the sort's rows: wait for every row's page, not just some.
    const rowsWithPage = () => {
      const rows = app.$$('.ledger-table tbody tr[data-value]');
      return rows.length > 1 && rows.every((r) => r.querySelector('.page a') !== null);
    };
    await until(() => header()?.getAttribute('aria-sort') === 'ascending' && rowsWithPage(), 'sorted by page');
    await settle();
    const titles = app.$$('.ledger-table tbody tr[data-value] .page a').map((x) => x.textContent ?? '');
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    expect(new Set(titles).size).toBeGreaterThan(1);
    expect(titles).toEqual([...titles].sort(collator.compare));
  });
});

describe('language and keyboard', () => {
  it('speaks Vietnamese when the browser does', async () => {
    const { repo } = fresh();
    const { app } = show(repo, '#/clippings', vi_);
    await until(() => app.$('.list-pane .empty') !== null, 'empty state');
    expect(app.$('h1')!.textContent).toBe('Thư viện trích lục');
    expect(app.$('.list-pane .empty')!.textContent).toBe(vi_('libraryEmpty'));
    expect(app.$('label[for="library-search"]')!.textContent).toBe('Tìm trong trích lục');
    expect(app.$$('nav a').map((x) => x.textContent)).toEqual(['Trích lục', 'Chỉ mục văn bản', 'Sổ số liệu']);
    expect(app.$('nav a[aria-current="page"]')!.textContent).toBe('Trích lục');
  });

  it('has a skip link to the main content and a shortcuts dialog that Escape closes', async () => {
    const { repo } = fresh();
    const { app } = show(repo);
    const skip = app.root.firstElementChild!;
    expect(skip.matches('a.skip-link')).toBe(true);
    const main = app.$('main')!;
    expect(tabindex(main)).toBe('-1');
    const focusMain = vi.spyOn(main, 'focus');
    click(skip);
    expect(focusMain).toHaveBeenCalled();

    const open = app.$$('header button').find((b) => b.textContent === 'Keyboard shortcuts')!;
    click(open);
    await settle();
    const dialog = app.$('dialog.shortcuts')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain(en('libraryKeyUndo'));
    press(dialog, 'Escape');
    await settle();
    expect(dialog.hasAttribute('open')).toBe(false);
  });

  it('puts "/" to the search box, and marks Export unavailable while no archive is connected for it', async () => {
    const { repo } = fresh();
    const { app } = show(repo);
    await settle();
    const focus = vi.spyOn(app.$<HTMLInputElement>('#library-search')!, 'focus');
    press(app.document.body, '/');
    expect(focus).toHaveBeenCalled();
    const exportButton = app.$('button.export')!;
    expect(exportButton.getAttribute('aria-disabled')).toBe('true');
    expect(exportButton.textContent).toBe('Export');
  });
});
