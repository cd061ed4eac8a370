/**
 * examples/sample-archive.json is current: made by scripts/make-sample-archive.ts from
 * the demo article and the fixture pages with today's recognizer, store and exporter,
 * and importable as it is. When this fails after a deliberate change, run
 *
 *   node --import tsx scripts/make-sample-archive.ts
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../lib/import/index.ts';
import { makeSampleArchive, SAMPLE_PATH } from '../../scripts/make-sample-archive.ts';

describe('sample archive', () => {
  it('is what the script makes today', async () => {
    expect(readFileSync(SAMPLE_PATH, 'utf8') === (await makeSampleArchive()), 'examples/sample-archive.json is stale: run node --import tsx scripts/make-sample-archive.ts').toBe(true);
  }, 60_000);

  it('imports, with several pages, notes, tags, documents, figures and a tombstone', async () => {
    const { snapshot } = await readImport(readFileSync(SAMPLE_PATH));
    expect(snapshot.pages.length).toBeGreaterThanOrEqual(5);
    expect(snapshot.clippings.filter((c) => c.note).length).toBeGreaterThan(5);
    expect(snapshot.clippings.filter((c) => c.tags.length).length).toBeGreaterThan(5);
    expect(snapshot.clippings.filter((c) => c.kinds.includes('document')).length).toBeGreaterThan(5);
    expect(snapshot.clippings.filter((c) => c.kinds.includes('figure')).length).toBeGreaterThan(5);
    expect(snapshot.clippings.some((c) => c.deleted)).toBe(true);
  });
});
