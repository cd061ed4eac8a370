// First, before Dexie loads: live queries need a global indexedDB when Dexie initialises.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportImportTools } from '@/components/library/ExportImportTools';
import { exportArchive } from '@/lib/export/job';
import { readSnapshot } from '@/lib/export';
import type { ArchiveDB } from '@/lib/store';
import { messagesOf } from '../helpers/i18n';
import { clip, clip3307, fresh } from '../store/helpers';
import { click, mount, press, settle, until, type Mounted } from './dom';

const en = messagesOf('en');
const vi_ = messagesOf('vi');

let app: Mounted | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** A backup of an archive of two clippings, as text. */
async function backupText(): Promise<string> {
  const source = fresh(Date.UTC(2025, 5, 1));
  await source.repo.saveClipping(clip3307({ tags: ['ngân sách'] }));
  await source.repo.saveClipping(clip('<img src=x onerror="alert(1)"> Đạt 47 hộ dân xong.'));
  const file = await exportArchive(source.db, { format: 'json', scope: null, lang: 'vi' });
  return file.parts.join('');
}

function show(db: ArchiveDB, t = en) {
  app = mount(<ExportImportTools t={t} locale={t === en ? 'en' : 'vi'} scope={null} transfer={{ db, exporter: () => Promise.reject(new Error('unused')) }} progressDelay={0} />);
  return app;
}

/** What choosing a file in the picker does: the input's files, then `change`. */
function choose(m: Mounted, name: string, content: string) {
  const input = m.$<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'application/json' })], configurable: true });
  const view = input.ownerDocument.defaultView as unknown as typeof globalThis;
  input.dispatchEvent(new view.Event('change', { bubbles: true }));
}

const dialogOpen = (m: Mounted) => m.$('dialog.import-dialog')!.hasAttribute('open');
const cell = (m: Mounted, row: string, col: string) => m.$(`.import-summary tr[data-row="${row}"] td[data-col="${col}"]`)?.textContent;
const toast = (m: Mounted) => m.$('.transfer-toast span')?.textContent ?? '';
const count = async (db: ArchiveDB) => (await readSnapshot(db)).clippings.length;

describe('importing a backup', () => {
  it('accepts backups and W3C files from the picker', () => {
    const { db } = fresh();
    const m = show(db);
    const input = m.$<HTMLInputElement>('input[type="file"]')!;
    expect(input.getAttribute('accept')).toContain('.json');
    expect(input.getAttribute('accept')).toContain('.jsonld');
    expect(m.$('button.import')!.textContent).toBe('Import');
  });

  it('shows the dry run, writes nothing until confirmed, then adds and says what was added', async () => {
    const text = await backupText();
    const { db, repo } = fresh();
    // One of the two is already in the archive: the same quote at the same place of the same page.
    await repo.saveClipping(clip3307({ tags: ['ngân sách'] }));
    const m = show(db);
    choose(m, 'trich-luc-backup-2025-06-01.json', text);
    await until(() => m.$('.import-summary') !== null, 'the preview');
    expect(dialogOpen(m)).toBe(true);
    expect(m.$('#import-title')!.textContent).toBe('Import \u2068trich-luc-backup-2025-06-01.json\u2069');
    expect(m.$('.import-format')!.textContent).toBe('A Trích Lục backup.');
    expect(cell(m, 'clippings', 'new')).toBe('1');
    expect(cell(m, 'clippings', 'duplicate')).toBe('1');
    expect(cell(m, 'pages', 'new')).toBe('0');
    expect(await count(db)).toBe(1);

    click(m.$('button.apply')!);
    await until(() => toast(m) !== '', 'the toast');
    expect(toast(m)).toBe('Imported: 1 new clippings, 0 new pages, 0 updated.');
    await settle();
    expect(dialogOpen(m)).toBe(false);
    const quotes = (await readSnapshot(db)).clippings.map((c) => c.quote);
    // Hostile text is stored verbatim (and shown as text by the views).
    expect(quotes).toContain('<img src=x onerror="alert(1)"> Đạt 47 hộ dân xong.');
    expect(quotes).toHaveLength(2);
    expect(m.$('img')).toBeNull();
  });

  it('says when the file adds nothing, and offers only Close', async () => {
    const text = await backupText();
    const { db } = fresh();
    const m = show(db);
    choose(m, 'a.json', text);
    await until(() => m.$('.import-summary') !== null, 'the preview');
    click(m.$('button.apply')!);
    await until(() => toast(m) !== '', 'the first import');
    choose(m, 'a.json', text);
    await until(() => m.$('.import-nothing') !== null, 'the second preview');
    expect(m.$('button.apply')).toBeNull();
    expect(m.$('button.dismiss')!.textContent).toBe('Close');
    click(m.$('button.dismiss')!);
    await settle();
    expect(dialogOpen(m)).toBe(false);
  });

  it('cancels from the preview with Escape, writing nothing', async () => {
    const text = await backupText();
    const { db } = fresh();
    const m = show(db);
    choose(m, 'a.json', text);
    await until(() => m.$('.import-summary') !== null, 'the preview');
    press(m.$('dialog.import-dialog')!, 'Escape');
    await settle();
    expect(dialogOpen(m)).toBe(false);
    expect(await count(db)).toBe(0);
  });

  it('cancels while applying: the archive is unchanged', async () => {
    const text = await backupText();
    const { db } = fresh();
    const m = show(db);
    choose(m, 'a.json', text);
    await until(() => m.$('.import-summary') !== null, 'the preview');
    click(m.$('button.apply')!);
    // Preact renders the applying step in a microtask, before IndexedDB's first answer
    // (a macrotask): Escape lands while the transaction is open, whatever the machine's speed.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(m.$('.import-summary')).not.toBeNull();
    press(m.$('dialog.import-dialog')!, 'Escape');
    await until(() => toast(m) !== '', 'the toast');
    expect(toast(m)).toBe('Import cancelled: the archive is unchanged.');
    expect(await count(db)).toBe(0);
  });
});

describe('a refused file', () => {
  it('names the problem in one line, localized, and changes nothing', async () => {
    const text = await backupText();
    const { db, repo } = fresh();
    await repo.saveClipping(clip3307());
    const m = show(db, vi_);
    choose(m, 'cut.json', text.slice(0, Math.floor(text.length / 2)));
    await until(() => m.$('.import-error') !== null, 'the error');
    expect(m.$('.import-error')!.getAttribute('role')).toBe('alert');
    expect(m.$('.import-error')!.textContent).toBe('Tệp bị cắt cụt (JSON không trọn vẹn): tệp chưa được lưu hoặc tải về đầy đủ.');
    expect(m.$('#import-title')!.textContent).toBe('Không nhập được \u2068cut.json\u2069');
    expect(m.$('button.apply')).toBeNull();
    expect(await count(db)).toBe(1);
  });

  it('shows where in the file a record breaks the rules', async () => {
    const backup = JSON.parse(await backupText()) as { clippings: { quote: string }[] };
    backup.clippings[1]!.quote = 'not what the selectors say';
    const { db } = fresh();
    const m = show(db);
    choose(m, 'bad.json', JSON.stringify(backup));
    await until(() => m.$('.import-error') !== null, 'the error');
    expect(m.$('.import-error')!.textContent).toBe('A record in the file is not valid. (at clippings.1)');
    expect(await count(db)).toBe(0);
  });

  it('refuses a forbidden key, an unknown version and a file that is not a backup', async () => {
    const { db } = fresh();
    const m = show(db);
    const cases: [string, string][] = [
      ['{"format":"trich-luc-backup","version":1,"__proto__":{"x":1}}', 'The file holds a forbidden key (__proto__, constructor or prototype) or is nested too deep: refused as unsafe. (at __proto__)'],
      ['{"format":"trich-luc-backup","version":99}', "This backup's version is not one this Trích Lục reads (a newer backup needs a newer Trích Lục). (at version)"],
      ['{"hello":"world"}', 'The file is neither a Trích Lục backup nor W3C Web Annotations.'],
      ['<html>not json</html>', 'The file is not valid JSON.'],
    ];
    for (const [content, message] of cases) {
      choose(m, 'x.json', content);
      await until(() => m.$('.import-error')?.textContent === message, message);
      click(m.$('button.dismiss')!);
      await settle();
    }
    expect(await count(db)).toBe(0);
  });
});
