/**
 * The W3C Web Annotation export read by a real JSON-LD processor (jsonld.js), its
 * context served from a local copy (tests/export/fixtures/anno.jsonld; any other URL
 * fails, so no network is used), and read back by our importer; plus a file in the
 * shape other annotation tools write.
 */
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportW3C, liveViews, type Snapshot } from '../../lib/export/index.ts';
import { applyImport, readImport } from '../../lib/import/index.ts';
import { readSnapshot } from '../../lib/export/index.ts';
import { emptyArchive, seededArchive, textOf } from './helpers.ts';

const ANNO = JSON.parse(readFileSync(new URL('./fixtures/anno.jsonld', import.meta.url), 'utf8')) as object;
const OA = 'http://www.w3.org/ns/oa#';
const AS = 'http://www.w3.org/ns/activitystreams#';

const documentLoader = async (url: string) => {
  if (url === 'http://www.w3.org/ns/anno.jsonld') return { contextUrl: undefined, documentUrl: url, document: ANNO };
  throw new Error(`no network in tests: ${url}`);
};

let snapshot: Snapshot;
beforeAll(async () => {
  ({ snapshot } = await seededArchive(40, { hostile: 0.2, nfd: 0.3, seed: 21 }));
}, 60_000);

type Node = Record<string, unknown[]>;
const values = (node: Node, key: string) => (node[key] ?? []) as { '@value'?: unknown; '@id'?: string; '@type'?: string | string[]; '@list'?: Node[] }[];

describe('W3C Web Annotation export', () => {
  it('expands with jsonld.js into annotations with quote and position selectors, comments and tags', async () => {
    const doc = JSON.parse(textOf(await exportW3C(snapshot))) as object;
    const expanded = (await jsonld.expand(doc, { documentLoader: documentLoader as never })) as Node[];
    expect(expanded).toHaveLength(1);
    const collection = expanded[0]!;
    expect(collection['@type']).toEqual([`${AS}OrderedCollection`]);
    const views = liveViews(snapshot);
    expect(values(collection, `${AS}totalItems`)[0]!['@value']).toBe(views.length);
    const page = values(collection, `${AS}first`)[0] as unknown as Node;
    const items = values(page, `${AS}items`)[0]!['@list']!;
    expect(items).toHaveLength(views.length);
    items.forEach((a, i) => {
      const { clipping, page: p } = views[i]!;
      expect(a['@type']).toEqual([`${OA}Annotation`]);
      expect(a['@id']).toBe(`urn:uuid:${clipping.id}`);
      const target = values(a, `${OA}hasTarget`)[0] as unknown as Node;
      expect(values(target, `${OA}hasSource`)[0]!['@id']).toBe(p.url);
      const selectors = values(target, `${OA}hasSelector`) as unknown as Node[];
      const quote = selectors.find((s) => (s['@type'] as unknown as string[])[0] === `${OA}TextQuoteSelector`)!;
      expect(values(quote, `${OA}exact`)[0]!['@value']).toBe(clipping.quote);
      const position = selectors.find((s) => (s['@type'] as unknown as string[])[0] === `${OA}TextPositionSelector`)!;
      expect(values(position, `${OA}start`)[0]).toEqual({ '@value': clipping.selectors.position.start, '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' });
      const bodies = values(a, `${OA}hasBody`) as unknown as Node[];
      const purpose = (b: Node) => values(b, `${OA}hasPurpose`)[0]!['@id'];
      const value = (b: Node) => values(b, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value')[0]!['@value'];
      expect(bodies.filter((b) => purpose(b) === `${OA}tagging`).map(value)).toEqual(clipping.tags);
      expect(bodies.filter((b) => purpose(b) === `${OA}commenting`).map(value)).toEqual(clipping.note ? [clipping.note] : []);
      expect(values(a, `${OA}motivatedBy`)[0]!['@id']).toBe(clipping.note ? `${OA}commenting` : `${OA}highlighting`);
      // Our own terms survive as JSON literals.
      expect(values(a, 'urn:trich-luc:entities')[0]).toEqual({ '@type': '@json', '@value': clipping.entities });
    });
  });

  it('imports back into the same clippings and pages', async () => {
    const target = emptyArchive();
    const parsed = await readImport(textOf(await exportW3C(snapshot)));
    expect(parsed.format).toBe('w3c');
    const summary = await applyImport(target.db, parsed);
    const views = liveViews(snapshot);
    expect(summary.clippings.new).toBe(views.length);
    const got = await readSnapshot(target.db);
    const byId = new Map(got.clippings.map((c) => [c.id, c]));
    const pages = new Map(got.pages.map((p) => [p.id, p]));
    for (const { clipping, page } of views) {
      const c = byId.get(clipping.id)!;
      expect(c).toMatchObject({ quote: clipping.quote, note: clipping.note, tags: clipping.tags, colour: clipping.colour, selectors: clipping.selectors, entities: clipping.entities, createdAt: clipping.createdAt, updatedAt: clipping.updatedAt, tokens: clipping.tokens });
      expect(pages.get(c.pageId)).toMatchObject({ url: page.url, canonicalUrl: page.canonicalUrl, title: page.title, published: page.published, site: page.site, author: page.author });
    }
  });

  it('reads annotations as other tools write them, skipping those that quote nothing', async () => {
    const file = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://hypothes.is/a/abc123',
        type: 'Annotation',
        motivation: 'commenting',
        created: '2024-03-12T02:00:00Z',
        bodyValue: 'Xem lại con số này',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'ngân sách' }],
        target: {
          source: 'https://baochinhphu.vn/bai-viet-1.htm?utm_source=facebook',
          selector: [{ type: 'TextQuoteSelector', exact: 'tổng vốn 1.640 tỷ đồng', prefix: 'với ', suffix: '.' }, { type: 'CssSelector', value: 'p' }],
        },
      },
      { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', target: 'https://baochinhphu.vn/bai-viet-1.htm', bodyValue: 'Ghi chú cả trang' },
    ];
    const parsed = await readImport(JSON.stringify(file), { newId: () => 'fixed-id' });
    expect(parsed.skipped).toEqual([{ path: '1', reason: 'no TextQuoteSelector: not a quotation of a page' }]);
    expect(parsed.snapshot.clippings).toHaveLength(1);
    expect(parsed.snapshot.clippings[0]).toMatchObject({ quote: 'tổng vốn 1.640 tỷ đồng', note: 'Xem lại con số này', tags: ['ngân sách'], colour: 'yellow', selectors: { position: { start: 0, end: 22 } } });
    expect(parsed.snapshot.pages[0]).toMatchObject({ url: 'https://baochinhphu.vn/bai-viet-1.htm', canonicalUrl: 'https://baochinhphu.vn/bai-viet-1.htm' });
  });

  it('refuses a hostile annotation file', async () => {
    const evil = `[{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","target":{"source":"https://a.gov.vn/","selector":{"type":"TextQuoteSelector","exact":"x","__proto__":{"p":1}}}}]`;
    await expect(readImport(evil)).rejects.toThrow(/0\.target\.selector\.__proto__: the key "__proto__" is not allowed/);
    const js = `[{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","target":{"source":"javascript:alert(1)","selector":{"type":"TextQuoteSelector","exact":"x"}}}]`;
    await expect(readImport(js)).rejects.toThrow(/not an http\(s\) address/);
  });
});
