/**
 * The CSL-JSON export rendered by citeproc-js (the engine inside Zotero and Mendeley)
 * with the APA style and the Vietnamese and English locales: every page and every
 * cited document becomes a bibliography entry, Vietnamese intact.
 */
import { readFileSync } from 'node:fs';
import CSL from 'citeproc';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCsl, liveViews, type Snapshot } from '../../lib/export/index.ts';
import type { CslItem } from '../../lib/export/csl.ts';
import { readImport } from '../../lib/import/index.ts';
import { seededArchive, textOf } from './helpers.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const STYLE = fixture('apa.csl');
const LOCALES: Record<string, string> = { 'vi-VN': fixture('locales-vi-VN.xml'), 'en-US': fixture('locales-en-US.xml') };

function bibliography(items: CslItem[], lang: 'vi-VN' | 'en-US'): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const engine = new CSL.Engine(
    { retrieveLocale: (l) => LOCALES[l] ?? LOCALES[l.startsWith('vi') ? 'vi-VN' : 'en-US']!, retrieveItem: (id) => byId.get(id) },
    STYLE,
    lang,
    true,
  );
  engine.setOutputFormat('text');
  engine.updateItems(items.map((i) => i.id));
  const result = engine.makeBibliography();
  if (!result) throw new Error('no bibliography');
  expect(result[0].bibliography_errors).toEqual([]);
  return result[1];
}

describe('CSL-JSON export', () => {
  let snapshot: Snapshot;
  let items: CslItem[];
  beforeAll(async () => {
    ({ snapshot } = await seededArchive(60, { seed: 31, nfd: 0 }));
    items = JSON.parse(textOf(await exportCsl(snapshot))) as CslItem[];
  }, 60_000);

  it('renders pages and cited documents as a bibliography in Vietnamese and English', () => {
    const pages = new Set(liveViews(snapshot).map((v) => v.page.id));
    expect(items.filter((i) => i.type === 'article-newspaper' || i.type === 'webpage')).toHaveLength(pages.size);
    expect(items.some((i) => i.type === 'article-newspaper')).toBe(true);
    expect(items.some((i) => i.type === 'webpage')).toBe(true);
    const laws = items.filter((i) => i.type === 'legislation');
    expect(laws.length).toBeGreaterThan(10);
    for (const lang of ['vi-VN', 'en-US'] as const) {
      const entries = bibliography(items, lang);
      expect(entries).toHaveLength(items.length);
      const text = entries.join('\n');
      for (const item of items) expect(text).toContain(String(item.title));
      for (const law of laws.filter((l) => l.number)) expect(text).toContain(String(law.number));
    }
  }, 60_000);

  it('renders the sample archive', async () => {
    const parsed = await readImport(readFileSync(new URL('../../examples/sample-archive.json', import.meta.url)));
    const sample = JSON.parse(textOf(await exportCsl(parsed.snapshot))) as CslItem[];
    const text = bibliography(sample, 'vi-VN').join('\n');
    expect(text).toContain('Huyện Đồng Phú: kinh tế tăng trưởng khá, an sinh xã hội được bảo đảm');
    expect(text).toContain('Kế hoạch 120/KH-UBND');
  }, 60_000);
});
