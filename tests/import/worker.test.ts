/**
 * An import's reading, checks and dry run in the import worker (lib/import/run.ts over
 * serve.ts, the worker's job): the page gets the same parsed file and summary as when
 * it prepares the file itself, the records in chunks with progress, the same
 * ImportErrors (so the same localized sentence), a cancel that ends the worker, and the
 * page's own thread when no worker starts. The worker here is a fake that runs the real
 * job asynchronously and structured-clones every message, as postMessage does.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, exportW3C } from '../../lib/export/index.ts';
import { AbortError, CHUNK, type Progress } from '../../lib/export/progress.ts';
import { ImportError } from '../../lib/import/index.ts';
import { importHere, importInWorker, RECEIVE_PHASE, type ImportWorkerLike } from '../../lib/import/run.ts';
import { CHUNKS_AHEAD, RECORDS_PER_MESSAGE, Requests, serveImport } from '../../lib/import/serve.ts';
import type { FromImportWorker, ToImportWorker } from '../../lib/import/worker-protocol.ts';
import type { ArchiveDB } from '../../lib/store/db.ts';
import { emptyArchive, seededArchive, textOf } from '../export/helpers.ts';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 2_000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

class FakeWorker implements ImportWorkerLike {
  onmessage: ((event: MessageEvent<FromImportWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly sent: FromImportWorker['type'][] = [];
  constructor(private readonly db: ArchiveDB) {}
  readonly requests = new Requests();
  postMessage(message: ToImportWorker): void {
    if (message.type === 'next') return this.requests.give();
    setTimeout(() => {
      void serveImport(this.db, message, (m) => {
        const copy = structuredClone(m);
        setTimeout(() => {
          if (this.terminated) return;
          this.sent.push(copy.type);
          this.onmessage?.({ data: copy } as MessageEvent<FromImportWorker>);
        });
      }, this.requests);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const file = (text: string) => new Blob([text], { type: 'application/json' });
const failOnPage = () => Promise.reject(new Error('the page should not prepare this import'));

describe('preparing an import in the worker', () => {
  it('gives the page what preparing it there gives, the records in chunks, with progress', { timeout: 60_000 }, async () => {
    const source = await seededArchive(CHUNK + 50);
    const text = textOf(await exportBackup(source.snapshot));
    const target = emptyArchive();
    let worker: FakeWorker | null = null;
    const progress: Progress[] = [];
    const prepare = importInWorker(() => (worker = new FakeWorker(target.db)), failOnPage);
    const inWorker = await prepare(file(text), { onProgress: (p) => progress.push(p) });
    const here = await importHere(target.db)(file(text));
    expect(inWorker).toEqual(here);
    expect(inWorker.summary.clippings.new).toBe(CHUNK + 50);
    expect(worker!.terminated).toBe(true);
    // The clippings in messages of RECORDS_PER_MESSAGE, then the rest.
    const messages = Math.ceil((CHUNK + 50) / RECORDS_PER_MESSAGE);
    expect(worker!.sent.filter((t) => t === 'clippings')).toHaveLength(messages);
    expect(worker!.sent[0]).toBe('started');
    expect(worker!.sent.at(-1)).toBe('done');
    const received = progress.filter((p) => p.phase === RECEIVE_PHASE);
    expect(received.map((p) => p.done)).toEqual(Array.from({ length: messages }, (_, i) => Math.min(CHUNK + 50, (i + 1) * RECORDS_PER_MESSAGE)));
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['validate pages', 'validate clippings', RECEIVE_PHASE]));
  });

  it('sends the records as the page asks for them, a few chunks ahead', { timeout: 60_000 }, async () => {
    const source = await seededArchive(RECORDS_PER_MESSAGE * 3 + 1);
    const text = textOf(await exportBackup(source.snapshot));
    const target = emptyArchive();
    const requests = new Requests();
    const sent: FromImportWorker[] = [];
    const serving = serveImport(target.db, { type: 'start', file: file(text) }, (m) => sent.push(m), requests);
    const chunks = () => sent.filter((m) => m.type === 'pages' || m.type === 'clippings').length;
    const all = Math.ceil(source.snapshot.pages.length / RECORDS_PER_MESSAGE) + Math.ceil(source.snapshot.clippings.length / RECORDS_PER_MESSAGE);
    await until(() => chunks() === CHUNKS_AHEAD);
    await new Promise((r) => setTimeout(r, 50));
    expect(chunks()).toBe(CHUNKS_AHEAD);
    for (let asked = 1; sent.at(-1)?.type !== 'done'; asked++) {
      requests.give();
      await until(() => chunks() === Math.min(CHUNKS_AHEAD + asked, all) || sent.at(-1)?.type === 'done');
    }
    await serving;
    const clippings = sent.flatMap((m) => (m.type === 'clippings' ? m.records : []));
    expect(clippings).toHaveLength(source.snapshot.clippings.length);
    expect(clippings.every((c) => c !== undefined)).toBe(true);
  });

  it('carries a W3C file\'s skipped annotations', async () => {
    const source = await seededArchive(3);
    const doc = JSON.parse(textOf(await exportW3C(source.snapshot))) as { first: { items: unknown[] } };
    const quotations = doc.first.items.length;
    doc.first.items.push({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:00000000-0000-4000-8000-000000000001', type: 'Annotation', body: { type: 'TextualBody', value: 'a page note' }, target: 'https://example.gov.vn/a' });
    const target = emptyArchive();
    const prepared = await importInWorker(() => new FakeWorker(target.db), failOnPage)(file(JSON.stringify(doc)));
    expect(prepared.parsed.format).toBe('w3c');
    expect(prepared.parsed.snapshot.clippings).toHaveLength(quotations);
    expect(prepared.parsed.skipped).toEqual([{ path: `first.items.${quotations}`, reason: 'no TextQuoteSelector: not a quotation of a page' }]);
    expect(prepared.summary.skipped).toEqual(prepared.parsed.skipped);
  });

  it('refuses a bad file with the same ImportError as on the page', async () => {
    const source = await seededArchive(3);
    const text = textOf(await exportBackup(source.snapshot));
    const target = emptyArchive();
    const bad = JSON.parse(text) as { clippings: { quote: string }[] };
    bad.clippings[1]!.quote = 'not what the selectors say';
    for (const content of [text.slice(0, text.length / 2), JSON.stringify(bad), '{"hello":"world"}']) {
      const inWorker = await importInWorker(() => new FakeWorker(target.db), failOnPage)(file(content)).catch((e: unknown) => e);
      const here = await importHere(target.db)(file(content)).catch((e: unknown) => e);
      expect(inWorker).toBeInstanceOf(ImportError);
      const [a, b] = [inWorker as ImportError, here as ImportError];
      expect({ code: a.code, path: a.path, message: a.message, detail: a.detail }).toEqual({ code: b.code, path: b.path, message: b.message, detail: b.detail });
    }
  });

  it('keeps the limit the caller sets', async () => {
    const target = emptyArchive();
    const error = await importInWorker(() => new FakeWorker(target.db), failOnPage)(file('{"a":"0123456789"}'), { maxBytes: 10 }).catch((e: unknown) => e);
    expect((error as ImportError).code).toBe('too-large');
  });

  it('ends the worker on a cancel, with an AbortError', async () => {
    const source = await seededArchive(3);
    const text = textOf(await exportBackup(source.snapshot));
    const target = emptyArchive();
    let worker: FakeWorker | null = null;
    const controller = new AbortController();
    const running = importInWorker(() => (worker = new FakeWorker(target.db)), failOnPage)(file(text), { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AbortError);
    expect(worker!.terminated).toBe(true);
  });

  it('prepares on the page when no worker starts, or when it fails before saying anything', async () => {
    const source = await seededArchive(3);
    const text = textOf(await exportBackup(source.snapshot));
    const target = emptyArchive();
    const here = importHere(target.db);
    const unstartable = await importInWorker(() => {
      throw new Error('no workers here');
    }, here)(file(text));
    expect(unstartable.summary.clippings.new).toBe(3);
    const broken: ImportWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => broken.onerror?.({} as ErrorEvent));
      },
      terminate() {},
    };
    const failed = await importInWorker(() => broken, here)(file(text));
    expect(failed.summary.clippings.new).toBe(3);
    // Once started, a failing worker fails the import: the page does not try the same file.
    const dying: ImportWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => {
          dying.onmessage?.({ data: { type: 'started' } } as MessageEvent<FromImportWorker>);
          dying.onerror?.({} as ErrorEvent);
        });
      },
      terminate() {},
    };
    await expect(importInWorker(() => dying, failOnPage)(file(text))).rejects.toThrow('the import worker failed');
  });
});
