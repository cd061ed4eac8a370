/**
 * The Markdown zip: one note per page in one folder, names safe on every file system,
 * YAML front matter that a YAML parser reads back to the page's fields, clippings as
 * quotes with their notes and entities, and no markup from the text left live.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { exportMarkdown, liveViews } from '../../lib/export/index.ts';
import { mdText, obsidianTag, yamlString } from '../../lib/export/markdown-text.ts';
import { NOTES_FOLDER, pageNote } from '../../lib/export/markdown.ts';
import { safeName } from '../../lib/export/names.ts';
import { bytesOf, seededArchive } from './helpers.ts';

function frontMatter(note: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(note);
  if (!m) throw new Error('no front matter');
  const doc = parseDocument(m[1]!);
  expect(doc.errors).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

describe('Markdown export', () => {
  it('zips one note per page into one folder, with front matter read back by a YAML parser', async () => {
    const { snapshot } = await seededArchive(80, { hostile: 0.3, nfd: 0.3, seed: 12 });
    const files = unzipSync(bytesOf(await exportMarkdown(snapshot, { lang: 'vi' })));
    const names = Object.keys(files);
    const views = liveViews(snapshot);
    const pages = new Map(views.map((v) => [v.page.id, v.page]));
    expect(names).toHaveLength(pages.size);
    for (const name of names) {
      expect(name.startsWith(`${NOTES_FOLDER}/`)).toBe(true);
      expect(name.endsWith('.md')).toBe(true);
      const base = name.slice(NOTES_FOLDER.length + 1, -3);
      expect(base).not.toMatch(/[\\/:*?"<>|#^[\]\u0000-\u001F\u202E]/);
      expect(base).toBe(base.normalize('NFC'));
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const byUrl = new Map([...pages.values()].map((p) => [p.url, p]));
    for (const data of Object.values(files)) {
      const note = strFromU8(data);
      const fm = frontMatter(note);
      const page = byUrl.get(fm.url as string)!;
      expect(page).toBeDefined();
      expect(fm).toMatchObject({ title: page.title ?? page.url, published: page.published, site: page.site });
      expect(Array.isArray(fm.tags)).toBe(true);
      // Markup in titles, quotes and notes is escaped in the body: nothing a Markdown renderer
      // would make an element of. (Front matter holds it as YAML strings: data, not markup.)
      expect(note.replace(/^---\n[\s\S]*?\n---\n/, '')).not.toMatch(/(?<!\\)<(script|img)/);
    }
  });

  it('writes a page note with quotes, notes, tags, documents and figures', () => {
    const note = pageNote(
      { schemaVersion: 2, id: 'p', url: 'https://baochinhphu.vn/a.htm', canonicalUrl: 'https://baochinhphu.vn/a.htm', host: 'baochinhphu.vn', title: 'Giải ngân <b>vốn</b>', published: '2024-03-12T08:30:00+07:00', publishedAt: 0, author: null, site: 'Báo Điện tử Chính phủ', province: null, firstSeen: 0, createdAt: 0, updatedAt: 0, deleted: false },
      [
        {
          schemaVersion: 2, id: 'c', pageId: 'p', quote: 'Theo Quyết định số 3307/QĐ-UBND, tổng vốn 1.640 tỷ đồng.\n- dòng hai',
          selectors: { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
          entities: [
            { kind: 'document', start: 5, end: 31, text: 'Quyết định số 3307/QĐ-UBND', docType: 'Quyết định', code: '3307/QĐ-UBND', number: '3307', year: null, date: '2020-12-28', issuer: 'UBND tỉnh' },
            { kind: 'figure', start: 42, end: 55, text: '1.640 tỷ đồng', value: 1.64e12, valueTo: null, quantity: 'money', unit: 'VND', qualifier: null, change: null, denominator: null },
          ],
          note: 'Hỏi lại [[Sở Tài chính]] ==gấp==', tags: ['ngân sách', '2024'], colour: 'yellow', createdAt: Date.UTC(2024, 2, 12, 2), updatedAt: 0, deleted: false, deletedAt: null,
          host: '', province: null, publishedAt: null, kinds: [], docCodes: [], figureUnits: [], tokens: [],
        },
      ],
      'vi',
    );
    expect(frontMatter(note)).toEqual({ title: 'Giải ngân <b>vốn</b>', url: 'https://baochinhphu.vn/a.htm', published: '2024-03-12T08:30:00+07:00', site: 'Báo Điện tử Chính phủ', tags: ['ngân-sách', '_2024'] });
    expect(note).toContain('# Giải ngân \\<b\\>vốn\\</b\\>');
    expect(note).toContain('> Theo Quyết định số 3307/QĐ-UBND, tổng vốn 1.640 tỷ đồng.\n> \\- dòng hai');
    expect(note).toContain('**Ghi chú:** Hỏi lại \\[\\[Sở Tài chính\\]\\] \\==gấp\\==');
    expect(note).toContain('**Thẻ:** #ngân-sách #_2024');
    expect(note).toContain('- Quyết định số 3307/QĐ-UBND (3307/QĐ-UBND, 28/12/2020, UBND tỉnh) · [tra cứu](<https://vbpl.vn/');
    expect(note).toContain('- 1.640 tỷ đồng = 1.640.000.000.000 VND (Tiền)');
    expect(note).toContain('Nguồn: [Báo Điện tử Chính phủ](<https://baochinhphu.vn/a.htm>) · Ngày đăng 12/03/2024 08:30');
  });

  it('makes text, names, tags and YAML strings safe', () => {
    expect(mdText('a*b*_c_ `d` <e> #f | ~g~ $h$ 1. x')).toBe('a\\*b\\*\\_c\\_ \\`d\\` \\<e\\> \\#f \\| \\~g\\~ \\$h\\$ 1. x');
    expect(mdText('1. list\n+ item')).toBe('1\\. list\n\\+ item');
    expect(safeName('CON')).toBe('CON_');
    expect(safeName('  ..a/b:c*d?"e"<f>|g#h^i[j]\u202Ek.  ')).toBe('a b c d e f g h i j k');
    expect(safeName('')).toBe('untitled');
    expect([...safeName('ệ'.repeat(300))].length).toBe(100);
    expect(obsidianTag('đầu tư công')).toBe('đầu-tư-công');
    expect(obsidianTag('<b>')).toBe('b');
    expect(obsidianTag('!!')).toBeNull();
    const weird = 'a\u2028b\u0085c\uD800d"e\\';
    expect(parseDocument(`k: ${yamlString(weird)}`).toJS()).toEqual({ k: 'a\u2028b\u0085c\uFFFDd"e\\' });
  });
});
