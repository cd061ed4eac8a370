/**
 * Backup round trip: export, wipe, import gives the identical archive, every record
 * field for field (derived fields included, recomputed on import), tombstones and
 * settings included. A property over generated archives whose text mixes NFC and NFD
 * Vietnamese, straight and curly quotes, newlines, commas, tabs, emoji, markup and
 * formulas; and one archive of 10 000 generated clippings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup, readSnapshot } from '../../lib/export/index.ts';
import { applyImport, readImport } from '../../lib/import/index.ts';
import type { ClippingInput } from '../../lib/store/index.ts';
import { COLOURS } from '../../lib/store/records.ts';
import { emptyArchive, seededArchive, sorted, textOf, type Archive } from '../export/helpers.ts';

const PIECES = [
  'Quyết định', 'số', ' ', ' ', ', ', '; ', '\n', '\r\n', '\t', '"', '“', '”', "'", '‘', ',', '.',
  'ệ', 'ệ'.normalize('NFD'), 'Đ', 'đ', 'ư', 'ơ', 'Ứ'.normalize('NFD'), 'ỹ', 'hộ dân', '1.640', '12,5', '%',
  '😀', '👍🏽', '🇻🇳', '=SUM(A1)', '+1', '-2', '@x', '<script>alert(1)</script>', '&amp;', '\u202E', '\u200B', '_x0041_', '\\', '/',
];
const text = (min = 1, max = 24) => fc.string({ unit: fc.constantFrom(...PIECES), minLength: min, maxLength: max });
// A tag holds at most 100 characters: four pieces of at most 25 stay within it.
const tag = () => text(1, 4);

const pageArb = fc.record({
  path: fc.string({ unit: fc.constantFrom('a', 'b', 'tin-tuc', '1', '-', 'ệ', '%20'), minLength: 1, maxLength: 6 }),
  title: fc.option(text(), { nil: null }),
  published: fc.constantFrom('2024-03-12T08:30:00+07:00', '2023-01-05', null),
  author: fc.option(text(), { nil: null }),
  site: fc.option(text(), { nil: null }),
});

const clippingArb = fc.record({
  page: fc.nat(4),
  quote: text(),
  note: fc.oneof(fc.constant(''), text()),
  tags: fc.array(tag(), { maxLength: 3 }),
  // JSON has no -0 (it writes 0): the one number a backup cannot carry, and no figure is -0.
  figure: fc.option(fc.tuple(fc.nat(), fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0)), { nil: null }),
  colour: fc.constantFrom(...COLOURS),
  start: fc.nat(50_000),
  fate: fc.constantFrom('keep', 'keep', 'delete', 'edit'),
});

const archiveArb = fc.record({ pages: fc.array(pageArb, { minLength: 1, maxLength: 5 }), clippings: fc.array(clippingArb, { minLength: 1, maxLength: 25 }) });

type ArchiveSpec = typeof archiveArb extends fc.Arbitrary<infer T> ? T : never;

async function build(spec: ArchiveSpec): Promise<Archive> {
  const archive = emptyArchive();
  const inputs: ClippingInput[] = spec.clippings.map((c) => {
    const p = spec.pages[c.page % spec.pages.length]!;
    const entities = [];
    if (c.figure) {
      const a = c.figure[0] % c.quote.length;
      const b = a + 1 + (c.figure[1] % (c.quote.length - a));
      entities.push({ kind: 'figure', start: a, end: b, text: c.quote.slice(a, b), value: c.figure[2], valueTo: null, quantity: 'count', unit: 'hộ', qualifier: null, change: null, denominator: null });
    }
    return {
      page: { url: `https://vi.example.gov.vn/${p.path}?utm_source=zalo`, title: p.title, published: p.published, author: p.author, site: p.site },
      quote: c.quote,
      selectors: { quote: { type: 'TextQuoteSelector', exact: c.quote, prefix: c.note.slice(0, 5), suffix: '' }, position: { type: 'TextPositionSelector', start: c.start, end: c.start + c.quote.length } },
      entities: entities as ClippingInput['entities'],
      note: c.note,
      tags: c.tags,
      colour: c.colour,
    };
  });
  const views = await archive.repo.saveClippings(inputs);
  for (const [i, v] of views.entries()) {
    const fate = spec.clippings[i]!.fate;
    if (fate === 'delete') await archive.repo.deleteClipping(v.clipping.id);
    if (fate === 'edit') await archive.repo.updateClipping(v.clipping.id, { note: `${spec.clippings[i]!.note}, sửa "lại"`, tags: ['đã sửa'] });
  }
  await archive.repo.updateSettings({ defaultColour: 'pink' });
  return archive;
}

/** Export, then import into a wiped archive (a new, empty database), and read it back. */
async function roundTrip(archive: Archive) {
  const before = await readSnapshot(archive.db);
  const json = textOf(await exportBackup(before));
  await archive.db.delete(); // the wipe
  const fresh = emptyArchive();
  const parsed = await readImport(json, { maxBytes: Infinity });
  const summary = await applyImport(fresh.db, parsed);
  const after = await readSnapshot(fresh.db);
  fresh.db.close();
  return { before, after, summary };
}

describe('backup round trip', () => {
  it('gives back the identical archive, for generated archives', async () => {
    await fc.assert(
      fc.asyncProperty(archiveArb, async (spec) => {
        const { before, after, summary } = await roundTrip(await build(spec));
        expect(sorted(after)).toEqual(sorted(before));
        expect(summary.clippings).toEqual({ new: before.clippings.length, duplicate: 0, conflict: 0, replaced: 0 });
      }),
      { numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 40) },
    );
  }, 300_000);

  it('gives back the identical archive of 10 000 clippings', async () => {
    const archive = await seededArchive(10_000, { hostile: 0.05, nfd: 0.2, seed: 99 });
    const { before, after } = await roundTrip(archive);
    expect(before.clippings.length).toBe(10_000);
    expect(before.clippings.some((c) => c.deleted)).toBe(true);
    expect(sorted(after)).toEqual(sorted(before));
  }, 600_000);
});
