import { describe, expect, it } from 'vitest';
import { generateClippings, seedArchive } from '../../lib/store/fixtures.ts';
import { validateClipping } from '../../lib/store/validate.ts';
import { fresh } from './helpers.ts';

describe('generated clippings', () => {
  const clippings = generateClippings(2_000, { seed: 1, hostile: 0.05 });

  it('are deterministic for a seed', () => {
    expect(generateClippings(50, { seed: 9 })).toEqual(generateClippings(50, { seed: 9 }));
    expect(generateClippings(50, { seed: 9 })).not.toEqual(generateClippings(50, { seed: 10 }));
  });

  it('all pass validation, entity offsets included', () => {
    for (const c of clippings) {
      expect(() => validateClipping(c)).not.toThrow();
      for (const e of c.entities ?? []) expect(c.quote.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('carry the text that breaks naive code', () => {
    const text = clippings.flatMap((c) => [c.quote, c.note ?? '', ...(c.tags ?? []), c.page.title ?? '']);
    const has = (p: (s: string) => boolean) => text.some(p);
    expect(has((s) => s !== s.normalize('NFC'))).toBe(true); // NFD
    expect(has((s) => /\p{Extended_Pictographic}/u.test(s))).toBe(true); // emoji
    expect(has((s) => s.includes('\n'))).toBe(true);
    expect(has((s) => s.includes(','))).toBe(true);
    expect(has((s) => s.includes('"'))).toBe(true);
    expect(has((s) => s.includes('“'))).toBe(true);
    expect(has((s) => s.includes('<script>'))).toBe(true); // hostile
    expect(has((s) => s.includes('\u202E'))).toBe(true);
    expect(has((s) => s.startsWith('='))).toBe(true);
  });

  it('spread over sites, provinces, documents and figures, with repeats to index', () => {
    const hosts = new Set(clippings.map((c) => new URL(c.page.url).hostname));
    expect(hosts.size).toBeGreaterThanOrEqual(10);
    const kinds = new Set(clippings.flatMap((c) => (c.entities ?? []).map((e) => e.kind)));
    expect(kinds).toEqual(new Set(['document', 'figure']));
    const codes = clippings.flatMap((c) => (c.entities ?? []).flatMap((e) => (e.kind === 'document' && e.code ? [e.code] : [])));
    expect(new Set(codes).size).toBeLessThan(codes.length); // cited more than once
  });

  it('seed an archive through the repository, with save times spread out', async () => {
    const { db, repo } = fresh();
    await seedArchive(db, 300, { seed: 3, batch: 120 });
    const s = await repo.stats();
    expect(s.clippings).toBe(300);
    expect(s.provinces.length).toBeGreaterThan(5);
    expect(s.newest! - s.oldest!).toBeGreaterThan(60_000 * 299);
  });
});
