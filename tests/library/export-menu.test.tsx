// First, before Dexie loads: live queries need a global indexedDB when Dexie initialises.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportImportTools } from '@/components/library/ExportImportTools';
import { AbortError, type ExportFormat, type Progress } from '@/lib/export';
import type { ExportRequest } from '@/lib/export/job';
import { exportHere, type ExportedFile, type ExportRunner } from '@/lib/export/run';
import type { ExportScope } from '@/lib/export/scoped';
import type { TaskOptions } from '@/lib/export';
import { messagesOf } from '../helpers/i18n';
import { clip, clip3307, fresh } from '../store/helpers';
import { click, mount, press, settle, until, type Mounted } from './dom';

const en = messagesOf('en');
const SCOPE: ExportScope = { query: 'quyet dinh', filter: { tag: 'ngân sách' } };

/** An exporter the test drives: it records each call and finishes when told. */
function controlledExporter() {
  const calls: { request: ExportRequest; options: TaskOptions; finish(file?: ExportedFile): void; fail(e: unknown): void }[] = [];
  const run: ExportRunner = (request, options = {}) =>
    new Promise<ExportedFile>((resolve, reject) => {
      calls.push({ request, options, finish: (file = { name: 'trich-luc-clippings-2026-11-23.csv', blob: new Blob(['x']) }) => resolve(file), fail: reject });
    });
  return { run, calls };
}

let app: Mounted | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

function show(exporter: ExportRunner | undefined, scope: ExportScope | null = SCOPE, progressDelay = 0) {
  const download = vi.fn<(blob: Blob, name: string) => void>();
  const { db } = fresh();
  app = mount(
    <ExportImportTools t={en} locale="en" scope={scope} transfer={exporter ? { db, exporter } : undefined} download={download} progressDelay={progressDelay} />,
  );
  return { app, download, button: app.$<HTMLButtonElement>('button.export')! };
}

const menu = (m: Mounted) => m.$('[role="menu"]');
const activeId = (m: Mounted) => menu(m)?.getAttribute('aria-activedescendant');
const labels = (m: Mounted) => m.$$('[role="menu"] [role^="menuitem"]').map((li) => li.textContent);
const toast = (m: Mounted) => m.$('.transfer-toast span')?.textContent ?? '';

describe('the export menu', () => {
  it('opens from the keyboard, moves with the arrows, Home and End, and closes on Escape giving focus back', async () => {
    const { run } = controlledExporter();
    const { app, button } = show(run);
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    press(button, 'ArrowDown');
    await settle();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(labels(app)).toEqual([
      'Everything in the archive',
      'Only what the list shows now',
      'CSV: clippings',
      'CSV: statistics ledger',
      'Excel workbook (XLSX)',
      'JSON backup (always the whole archive)',
      'Markdown notes (zip, for Obsidian)',
      'W3C Web Annotations (JSON-LD)',
      'CSL-JSON references (Zotero)',
    ]);
    // The first format is active; the arrows wrap around.
    expect(activeId(app)).toBe('export-format-csv');
    press(menu(app)!, 'ArrowDown');
    await settle();
    expect(activeId(app)).toBe('export-format-ledger-csv');
    press(menu(app)!, 'End');
    await settle();
    expect(activeId(app)).toBe('export-format-csl');
    press(menu(app)!, 'ArrowDown');
    await settle();
    expect(activeId(app)).toBe('export-scope-all');
    press(menu(app)!, 'ArrowUp');
    await settle();
    expect(activeId(app)).toBe('export-format-csl');
    press(menu(app)!, 'Home');
    await settle();
    expect(activeId(app)).toBe('export-scope-all');

    const focus = vi.spyOn(button, 'focus');
    const escape = press(menu(app)!, 'Escape');
    await settle();
    expect(escape.defaultPrevented).toBe(true);
    expect(menu(app)).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(focus).toHaveBeenCalled();
  });

  it('exports what the list shows, or everything, as chosen; Enter picks', async () => {
    const { run, calls } = controlledExporter();
    const { app, button, download } = show(run);
    press(button, 'Enter');
    await settle();
    // What the list shows is chosen to begin with.
    expect(app.$('#export-scope-view')!.getAttribute('aria-checked')).toBe('true');
    press(menu(app)!, 'Enter');
    await settle();
    expect(menu(app)).toBeNull();
    expect(calls.map((c) => c.request)).toEqual([{ format: 'csv', scope: SCOPE, lang: 'en' }]);
    calls[0]!.finish();
    await until(() => download.mock.calls.length === 1, 'the download');
    expect(download.mock.calls[0]![1]).toBe('trich-luc-clippings-2026-11-23.csv');
    expect(toast(app)).toBe('Exported trich-luc-clippings-2026-11-23.csv');

    // Everything: Home to the first radio, Enter checks it and leaves the menu open.
    press(button, 'ArrowDown');
    await settle();
    press(menu(app)!, 'Home');
    await settle();
    press(menu(app)!, 'Enter');
    await settle();
    expect(app.$('#export-scope-all')!.getAttribute('aria-checked')).toBe('true');
    expect(app.$('#export-scope-view')!.getAttribute('aria-checked')).toBe('false');
    click(app.$('#export-format-xlsx')!);
    await settle();
    expect(calls[1]!.request).toEqual({ format: 'xlsx', scope: null, lang: 'en' });
  });

  it('offers only the whole archive in a view without a list', async () => {
    const { run, calls } = controlledExporter();
    const { app, button } = show(run, null);
    click(button);
    await settle();
    expect(app.$$('[role="menuitemradio"]')).toHaveLength(0);
    expect(app.$('.menu-note')!.textContent).toBe('Exports hold the whole archive (this view has no list to narrow them).');
    click(app.$('#export-format-ledger-csv')!);
    await settle();
    expect(calls[0]!.request).toEqual({ format: 'ledger-csv', scope: null, lang: 'en' });
  });

  it('is unavailable without an archive', async () => {
    const { app, button } = show(undefined);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    click(button);
    await settle();
    expect(menu(app)).toBeNull();
  });
});

describe('a long export', () => {
  async function startCsv(app: Mounted, button: HTMLButtonElement) {
    click(button);
    await settle();
    click(app.$('#export-format-csv')!);
    await settle();
  }

  it('shows a progress bar and Cancel; a cancelled export downloads nothing, even if the file arrives', async () => {
    const { run, calls } = controlledExporter();
    const { app, button, download } = show(run);
    await startCsv(app, button);
    const bar = () => app.$('[role="progressbar"]');
    await until(() => bar() !== null, 'the progress bar');
    // Nothing measured yet: an indeterminate bar (no value).
    expect(bar()!.getAttribute('aria-valuenow')).toBeNull();
    const report = (p: Progress) => calls[0]!.options.onProgress!(p);
    report({ phase: 'read', done: 1, total: 1 });
    report({ phase: 'Clippings', done: 500, total: 2000 });
    await settle();
    // Reading is the first of two phases: 50% + a quarter of the second half.
    expect(bar()!.getAttribute('aria-valuenow')).toBe('63');
    expect(app.$('.progress-label')!.textContent).toBe('Exporting CSV: clippings…');
    // The menu cannot start a second export meanwhile.
    expect(button.getAttribute('aria-disabled')).toBe('true');

    click(app.$('.progress-panel button.cancel')!);
    expect(calls[0]!.options.signal!.aborted).toBe(true);
    // The runner finishes anyway (a worker's last message racing the cancel).
    calls[0]!.finish();
    await until(() => toast(app) !== '', 'the toast');
    expect(toast(app)).toBe('Export cancelled: nothing was saved.');
    expect(download).not.toHaveBeenCalled();
    expect(bar()).toBeNull();
    expect(button.getAttribute('aria-disabled')).toBeNull();
  });

  it('aborts a real export on the page: no file', async () => {
    const { db, repo } = fresh();
    await repo.saveClipping(clip3307());
    await repo.saveClipping(clip('Đạt 47 hộ dân xong.'));
    const here = exportHere(db);
    let signal: AbortSignal | undefined;
    // The real exporter starts once the reader has pressed Cancel (a tiny archive would otherwise finish first).
    let cancelled!: () => void;
    const pressed = new Promise<void>((resolve) => (cancelled = resolve));
    const spy: ExportRunner = async (request, options) => {
      signal = options?.signal;
      await pressed;
      return here(request, options);
    };
    const download = vi.fn();
    app = mount(<ExportImportTools t={en} locale="en" scope={null} transfer={{ db, exporter: spy }} download={download} progressDelay={0} />);
    click(app.$('button.export')!);
    await settle(0);
    click(app.$('#export-format-xlsx')!);
    // Cancel as soon as the bar shows.
    await until(() => app!.$('.progress-panel button.cancel') !== null, 'Cancel');
    click(app.$('.progress-panel button.cancel')!);
    expect(signal?.aborted).toBe(true);
    cancelled();
    await until(() => toast(app!) !== '', 'the toast');
    expect(toast(app)).toBe('Export cancelled: nothing was saved.');
    expect(download).not.toHaveBeenCalled();
  });

  it('shows no bar for an export quicker than the delay, and reports a failure', async () => {
    const { run, calls } = controlledExporter();
    const { app, button, download } = show(run, SCOPE, 60_000);
    await startCsv(app, button);
    expect(app.$('[role="progressbar"]')).toBeNull();
    calls[0]!.finish();
    await until(() => download.mock.calls.length === 1, 'the download');
    expect(app.$('[role="progressbar"]')).toBeNull();

    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startCsv(app, button);
    calls[1]!.fail(new Error('disk full'));
    await until(() => toast(app) === 'The export failed; nothing was saved.', 'the failure');
    expect(download).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('treats an AbortError from the runner as a cancel', async () => {
    const { run, calls } = controlledExporter();
    const { app, button } = show(run);
    await startCsv(app, button);
    calls[0]!.fail(new AbortError());
    await until(() => toast(app) === 'Export cancelled: nothing was saved.', 'the toast');
  });
});

// Every format of the menu has its label in both languages.
it('names every format in Vietnamese too', () => {
  const vi_ = messagesOf('vi');
  const formats: ExportFormat[] = ['csv', 'ledger-csv', 'xlsx', 'json', 'markdown', 'w3c', 'csl'];
  const { db } = fresh();
  app = mount(<ExportImportTools t={vi_} locale="vi" scope={SCOPE} transfer={{ db, exporter: controlledExporter().run }} />);
  click(app.$('button.export')!);
  return settle().then(() => {
    for (const f of formats) expect(app!.$(`#export-format-${f}`)!.textContent, f).toMatch(/\S/);
    expect(app!.$('#export-format-json')!.textContent).toBe('Bản sao lưu JSON (luôn là toàn bộ kho)');
  });
});
