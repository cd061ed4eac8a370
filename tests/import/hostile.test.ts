/**
 * Malformed and hostile files: each is refused with a message naming the problem, and
 * the archive is exactly as it was; markup and scripts in text are stored verbatim
 * (inert data), never interpreted; a cancelled import leaves nothing behind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBackup, readSnapshot, type Snapshot } from '../../lib/export/index.ts';
import { AbortError } from '../../lib/export/progress.ts';
import { applyImport, ImportError, MAX_IMPORT_BYTES, readImport, type ImportErrorCode } from '../../lib/import/index.ts';
import { seededArchive, sorted, textOf, type Archive } from '../export/helpers.ts';

let archive: Archive;
let before: Snapshot;
let backup: string;

beforeAll(async () => {
  archive = await seededArchive(60, { hostile: 0.3, seed: 3 });
  before = await readSnapshot(archive.db);
  // A second archive's backup: importing it would change the first one.
  const other = await seededArchive(40, { seed: 4 });
  backup = textOf(await exportBackup(other.snapshot));
}, 120_000);

/** Reads and applies `input`; expects ImportError `code` with a message matching `message`, and the archive unchanged. */
async function refused(input: string | Uint8Array | Blob, code: ImportErrorCode, message: RegExp): Promise<ImportError> {
  let error: unknown;
  try {
    await applyImport(archive.db, await readImport(input));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ImportError);
  const e = error as ImportError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
  expect(e.message).not.toContain('\n'); // one line, for the CLI and the library's banner
  expect(sorted(await readSnapshot(archive.db))).toEqual(sorted(before));
  return e;
}

function edited(edit: (doc: Record<string, unknown> & { pages: Record<string, unknown>[]; clippings: Record<string, unknown>[] }) => void): string {
  const doc = JSON.parse(backup);
  edit(doc);
  return JSON.stringify(doc);
}

describe('hostile and malformed imports', () => {
  it('refuses a truncated file', async () => {
    await refused(backup.slice(0, Math.floor(backup.length / 2)), 'truncated', /cut short/);
  });

  it('refuses an unknown version', async () => {
    await refused(edited((d) => (d.version = 2)), 'unknown-version', /unknown backup version 2/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(MAX_IMPORT_BYTES).toBe(500 * 1024 * 1024);
    // A Blob (a File from the picker) is refused from its size alone.
    const blob = { size: 600 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    Object.setPrototypeOf(blob, Blob.prototype);
    await refused(blob, 'too-large', /600\.0 MB, larger than the 500\.0 MB/);
    // Text and bytes against a limit the caller set (the same check, without making 500 MB here).
    const big = `{"format":"trich-luc-backup","pad":"${'x'.repeat(3 * 1024 * 1024)}"}`;
    const small = { maxBytes: 2 * 1024 * 1024 };
    await expect(readImport(big, small)).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/3\.0 MB, larger than the 2\.0 MB/) });
    await expect(readImport(new TextEncoder().encode(big), small)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses a 51 MB file made of one giant field by the field\'s own limit, changing nothing', async () => {
    // Under the size limit (a 100 000-clipping backup is larger), so the schema refuses it.
    const giant = edited((d) => (d.clippings[0]!.note = 'x'.repeat(51 * 1024 * 1024)));
    expect(giant.length).toBeGreaterThan(51 * 1024 * 1024);
    const e = await refused(giant, 'invalid', /^clippings\.0\.note: Invalid length: Expected <=20000 but received 53477376$/);
    expect(e.path).toBe('clippings.0.note');
    await refused(edited((d) => (d.pages[0]!.title = 'y'.repeat(51 * 1024 * 1024))), 'invalid', /^pages\.0\.title: Invalid length/);
  }, 60_000);

  it('refuses __proto__, constructor and prototype keys, wherever they are', async () => {
    const proto = backup.replace('"quote":', '"__proto__":{"polluted":true},"quote":');
    const e = await refused(proto, 'forbidden-key', /the key "__proto__" is not allowed/);
    expect(e.path).toMatch(/^clippings\.\d+\.__proto__$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await refused(edited((d) => ((d.clippings[0]!.entities as Record<string, unknown>[]).push({ constructor: { prototype: 1 } }))), 'forbidden-key', /"constructor"/);
    await refused(edited((d) => (d.settings = { prototype: {} })), 'forbidden-key', /"prototype"/);
    await refused('['.repeat(100) + ']'.repeat(100), 'forbidden-key', /nested more than 64 levels/);
  });

  it('refuses records that break the schema or the archive rules, naming where', async () => {
    await refused(edited((d) => (d.clippings[2]!.extra = 1)), 'invalid', /^clippings\.2\.extra: unknown field "extra"$/);
    await refused(edited((d) => (d.pages[0]!.url = 'javascript:alert(1)')), 'invalid', /^pages\.0\.url: not an http\(s\) address$/);
    await refused(edited((d) => (d.clippings[1]!.quote = 'khác')), 'invalid', /exact differs from quote/);
    await refused(edited((d) => ((d.clippings[0]!.entities as { end: number }[]).push({ kind: 'figure', start: 0, end: 9999, text: 'x', value: 1, valueTo: null, quantity: 'count', unit: null, qualifier: null, change: null, denominator: null } as never))), 'invalid', /entity offsets/);
    await refused(edited((d) => (d.clippings[3]!.pageId = 'no-such-page')), 'invalid', /no page in the file has this id/);
    await refused(edited((d) => d.clippings.push(d.clippings[0]!)), 'invalid', /appears twice/);
    await refused(edited((d) => (d.clippings[0]!.note = 'x'.repeat(20_001))), 'invalid', /^clippings\.0\.note: /);
    await refused(edited((d) => (d.clippings[0]!.colour = 'red')), 'invalid', /^clippings\.0\.colour: /);
  });

  it('refuses what is not a backup', async () => {
    await refused('', 'not-json', /empty/);
    await refused('{"hello": 1}', 'unknown-format', /neither a Trích Lục backup nor W3C/);
    await refused('<html><script>alert(1)</script></html>', 'not-json', /not valid JSON/);
    await refused(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'not-text', /not UTF-8/);
  });

  it('stores markup and scripts in every text field verbatim, as inert text', async () => {
    const evil = '<script>alert(document.cookie)</script><img src=x onerror="alert(1)">=cmd|"/c calc"!A1\u202E';
    const doc = edited((d) => {
      for (const p of d.pages) Object.assign(p, { title: evil, author: evil, site: evil });
      for (const c of d.clippings) {
        const q = `${evil} ${c.quote as string}`;
        const shift = evil.length + 1;
        Object.assign(c, { quote: q, note: evil, tags: [evil.slice(0, 100)] });
        const sel = c.selectors as { quote: { exact: string; prefix: string; suffix: string } };
        Object.assign(sel.quote, { exact: q, prefix: evil, suffix: evil });
        for (const e of c.entities as { start: number; end: number }[]) Object.assign(e, { start: e.start + shift, end: e.end + shift });
      }
    });
    const target = await seededArchive(0);
    await applyImport(target.db, await readImport(doc));
    const stored = await readSnapshot(target.db);
    expect(stored.pages.every((p) => p.title === evil && p.author === evil && p.site === evil)).toBe(true);
    expect(stored.clippings.every((c) => c.note === evil && c.quote.startsWith(evil) && c.selectors.quote.prefix === evil)).toBe(true);
  });

  it('leaves the archive unchanged when the import is cancelled while writing', async () => {
    const big = await seededArchive(2_600, { seed: 8 });
    const parsed = await readImport(textOf(await exportBackup(big.snapshot)), { maxBytes: Infinity });
    const controller = new AbortController();
    const phases: string[] = [];
    await expect(
      applyImport(archive.db, parsed, {
        signal: controller.signal,
        onProgress: (p) => {
          phases.push(`${p.phase} ${p.done}/${p.total}`);
          if (p.phase === 'write clippings') controller.abort(); // after the first chunk was written
        },
      }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(phases).toContain('write clippings 2000/2600');
    expect(sorted(await readSnapshot(archive.db))).toEqual(sorted(before));
  }, 180_000);

  it('leaves the archive unchanged when a record clashes with another inside the transaction', async () => {
    // The file's clipping claims the id of a clipping of another page in the archive.
    const theirs = before.clippings[0]!;
    const clash = edited((d) => (d.clippings[0]!.id = theirs.id));
    await refused(clash, 'conflict', /belongs to a clipping of another page/);
  });
});
