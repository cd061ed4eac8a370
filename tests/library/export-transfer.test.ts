/**
 * The library's export plumbing without the UI: the scoped snapshot (what the list
 * shows), a backup that is always whole, the worker runner's cancel and fallback, the
 * forward-only progress bar, and the sentence for each refused import.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { readSnapshot, AbortError, type Progress } from '@/lib/export';
import { exportArchive, exportPhases, type ExportRequest } from '@/lib/export/job';
import { exportHere, exportInWorker, type WorkerLike } from '@/lib/export/run';
import { readScopedSnapshot } from '@/lib/export/scoped';
import type { FromWorker, ToWorker } from '@/lib/export/worker-protocol';
import { ImportError, MAX_IMPORT_BYTES, type ImportErrorCode } from '@/lib/import';
import { importErrorText, progressMeter } from '@/lib/library/transfer';
import { messagesOf } from '../helpers/i18n';
import { clip, clip3307, fresh } from '../store/helpers';

const en = messagesOf('en');
const vi_ = messagesOf('vi');

async function archive() {
  const f = fresh();
  await f.repo.saveClipping(clip3307({ tags: ['ngân sách'] }));
  await f.repo.saveClipping(clip('Đạt 47 hộ dân xong.', { tags: ['xã hội'] }));
  const gone = await f.repo.saveClipping(clip('Một đoạn đã xoá, 12 tỷ đồng.', { tags: ['ngân sách'] }));
  await f.repo.deleteClipping(gone.clipping.id);
  return f;
}

describe('the scoped snapshot', () => {
  it('holds exactly the clippings the list shows (search and filter), with their pages and the settings', async () => {
    const { db } = await archive();
    const progress: Progress[] = [];
    const tagged = await readScopedSnapshot(db, { query: '', filter: { tag: 'ngân sách' } }, { onProgress: (p) => progress.push(p) });
    expect(tagged.clippings.map((c) => c.quote)).toEqual([expect.stringContaining('3307/QĐ-UBND')]);
    expect(tagged.pages).toHaveLength(1);
    expect(tagged.settings).not.toBeUndefined();
    expect(progress.at(-1)).toEqual({ phase: 'read', done: 1, total: 1 });

    const searched = await readScopedSnapshot(db, { query: 'ho dan', filter: {} });
    expect(searched.clippings.map((c) => c.quote)).toEqual(['Đạt 47 hộ dân xong.']);
  });

  it('reads a chunk at a time, and stops when cancelled between chunks', async () => {
    const { db } = await archive();
    const all = await readScopedSnapshot(db, { query: '', filter: {} }, { chunk: 1 });
    expect(all.clippings).toHaveLength(2);
    const controller = new AbortController();
    const seen: number[] = [];
    const reading = readScopedSnapshot(db, { query: '', filter: {} }, { chunk: 1, signal: controller.signal, onProgress: (p) => (seen.push(p.done), controller.abort()) });
    await expect(reading).rejects.toBeInstanceOf(AbortError);
    expect(seen).toEqual([1]);
  });
});

describe('an export request', () => {
  it('exports the scope for a table, but always the whole archive (tombstones too) for the backup', async () => {
    const { db } = await archive();
    const scope = { query: '', filter: { tag: 'xã hội' } };
    const csv = await exportArchive(db, { format: 'csv', scope, lang: 'en', now: Date.UTC(2026, 10, 23) });
    expect(csv.name).toBe('trich-luc-clippings-2026-11-23.csv');
    const text = csv.parts.join('');
    expect(text).toContain('47 hộ dân');
    expect(text).not.toContain('3307');

    const backup = await exportArchive(db, { format: 'json', scope, lang: 'en' });
    const parsed = JSON.parse(backup.parts.join('')) as { clippings: unknown[] };
    expect(parsed.clippings).toHaveLength((await readSnapshot(db)).clippings.length);
    expect(parsed.clippings).toHaveLength(3);
  });

  it('reports progress that the meter turns into one forward-only bar ending full', async () => {
    const { db } = await archive();
    for (const format of ['xlsx', 'json', 'csv'] as const) {
      const meter = progressMeter(exportPhases(format));
      const values: (number | null)[] = [];
      await exportArchive(db, { format, scope: null, lang: 'vi' }, { onProgress: (p) => values.push(meter(p)) });
      const known = values.filter((v): v is number => v !== null);
      expect(known, format).toEqual([...known].sort((a, b) => a - b));
      expect(known.at(-1), format).toBe(1);
    }
  });
});

describe('the progress meter', () => {
  it('spreads phases over the bar, is indeterminate while a phase has no size, and never goes back', () => {
    const meter = progressMeter(3);
    expect(meter({ phase: 'read', done: 5, total: 0 })).toBeNull();
    expect(meter({ phase: 'read', done: 1, total: 1 })).toBeCloseTo(1 / 3);
    expect(meter({ phase: 'a', done: 50, total: 100 })).toBeCloseTo(0.5);
    expect(meter({ phase: 'a', done: 10, total: 100 })).toBeCloseTo(0.5);
    expect(meter({ phase: 'b', done: 100, total: 100 })).toBe(1);
    expect(meter({ phase: 'extra', done: 1, total: 2 })).toBe(1);
  });
});

/** A worker that answers the way lib/export/worker.ts does, step by step under the test's control. */
function fakeWorker() {
  const worker: WorkerLike & { sent: ToWorker[]; terminated: boolean; emit(m: FromWorker): void; fail(): void } = {
    sent: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(m) {
      this.sent.push(m);
    },
    terminate() {
      this.terminated = true;
    },
    emit(m) {
      this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
    },
    fail() {
      this.onerror?.({} as ErrorEvent);
    },
  };
  return worker;
}

describe('exporting in a worker', () => {
  const request: ExportRequest = { format: 'csv', scope: null, lang: 'vi' };

  it('passes progress on and resolves with the file', async () => {
    const worker = fakeWorker();
    const progress: Progress[] = [];
    const run = exportInWorker(() => worker, () => Promise.reject(new Error('no fallback')));
    const done = run(request, { onProgress: (p) => progress.push(p) });
    expect(worker.sent).toEqual([{ type: 'start', request }]);
    worker.emit({ type: 'progress', progress: { phase: 'read', done: 1, total: 1 } });
    const blob = new Blob(['a,b\r\n']);
    worker.emit({ type: 'done', name: 'trich-luc-clippings-2026-11-23.csv', blob });
    await expect(done).resolves.toEqual({ name: 'trich-luc-clippings-2026-11-23.csv', blob });
    expect(progress).toHaveLength(1);
    expect(worker.terminated).toBe(true);
  });

  it('ends the worker at once on cancel, with an AbortError and no file', async () => {
    const worker = fakeWorker();
    const controller = new AbortController();
    const done = exportInWorker(() => worker, () => Promise.reject(new Error('no fallback')))(request, { signal: controller.signal });
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(AbortError);
    expect(worker.terminated).toBe(true);
    // A file the worker still sends is ignored.
    worker.emit({ type: 'done', name: 'late.csv', blob: new Blob(['x']) });
  });

  it('runs on the page when the worker cannot start or fails to load', async () => {
    const { db } = await archive();
    const here = vi.fn(exportHere(db));
    const noWorker = exportInWorker(() => {
      throw new Error('no Worker here');
    }, here);
    expect((await noWorker(request)).name).toMatch(/^trich-luc-clippings-\d{4}-\d{2}-\d{2}\.csv$/);
    const broken = fakeWorker();
    const viaFallback = exportInWorker(() => broken, here)(request);
    broken.fail();
    const file = await viaFallback;
    expect(await file.blob.text()).toContain('3307/QĐ-UBND');
    expect(here).toHaveBeenCalledTimes(2);
  });

  it('rejects with the worker\'s error', async () => {
    const worker = fakeWorker();
    const done = exportInWorker(() => worker, () => Promise.reject(new Error('no fallback')))(request);
    worker.emit({ type: 'error', name: 'DatabaseClosedError', message: 'closed' });
    await expect(done).rejects.toMatchObject({ name: 'DatabaseClosedError', message: 'closed' });
  });
});

describe('a refused import, in words', () => {
  const codes: ImportErrorCode[] = ['too-large', 'not-text', 'truncated', 'not-json', 'unknown-format', 'unknown-version', 'forbidden-key', 'invalid', 'conflict'];

  it('has its own sentence for every code, in both languages, naming the place when known', () => {
    for (const t of [en, vi_]) {
      const sentences = codes.map((code) => importErrorText(t, new ImportError(code, 'x')));
      for (const s of sentences) expect(s).toMatch(/\S/);
      expect(new Set(sentences).size).toBe(codes.length);
    }
    expect(importErrorText(en, new ImportError('invalid', 'not an http(s) address', 'pages.3.url'))).toBe('A record in the file is not valid. (at pages.3.url)');
    expect(importErrorText(vi_, new ImportError('truncated', 'cut'))).toBe('Tệp bị cắt cụt (JSON không trọn vẹn): tệp chưa được lưu hoặc tải về đầy đủ.');
    expect(importErrorText(en, new ImportError('too-large', 'big'))).toBe(`The file is too large to import (the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
    expect(importErrorText(en, new Error('QuotaExceededError'))).toBe('The import failed; the archive is unchanged.');
  });
});
