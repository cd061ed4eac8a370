/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one
 * AnnotationCollection whose first (and only) AnnotationPage holds an Annotation per
 * live clipping. Each targets its page with a TextQuoteSelector and a
 * TextPositionSelector (UTF-16 offsets, as the store and the Hypothesis client count);
 * the note is a TextualBody with purpose "commenting", each tag one with purpose
 * "tagging" (Web Annotation §3.3.5). Hypothesis and other annotation tools read these.
 *
 * What the model has no word for (the clipping's colour, its entities, the page's
 * title and metadata) goes in three terms of our own, defined in the second context
 * under `urn:trich-luc:` with `@type: @json`, so a JSON-LD processor keeps them as
 * opaque JSON and everyone else can ignore them; lib/import reads them back.
 */
import type { ClippingView } from '../store/records.ts';
import { exportName } from './names.ts';
import { CHUNK, pause, throwIfAborted } from './progress.ts';
import { liveViews, type Snapshot } from './snapshot.ts';
import type { ExportFile, ExportOptions } from './types.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const TRICH_LUC_NS = 'urn:trich-luc:';
export const TRICH_LUC_CONTEXT = {
  tl: TRICH_LUC_NS,
  colour: 'tl:colour',
  entities: { '@id': 'tl:entities', '@type': '@json' },
  page: { '@id': 'tl:page', '@type': '@json' },
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An IRI for a record id: `urn:uuid:` for the UUIDs the store makes, our namespace otherwise. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `${TRICH_LUC_NS}clipping:${encodeURIComponent(id)}`;
}

export function annotationOf({ clipping: c, page: p }: ClippingView): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (c.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: c.note, format: 'text/plain' });
  for (const tag of c.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return {
    id: annotationIri(c.id),
    type: 'Annotation',
    motivation: c.note ? 'commenting' : 'highlighting',
    created: new Date(c.createdAt).toISOString(),
    modified: new Date(c.updatedAt).toISOString(),
    ...(body.length ? { body } : {}),
    target: {
      source: p.url,
      selector: [
        { type: 'TextQuoteSelector', exact: c.selectors.quote.exact, prefix: c.selectors.quote.prefix, suffix: c.selectors.quote.suffix },
        { type: 'TextPositionSelector', start: c.selectors.position.start, end: c.selectors.position.end },
      ],
    },
    colour: c.colour,
    entities: c.entities,
    page: { canonicalUrl: p.canonicalUrl, title: p.title, published: p.published, author: p.author, site: p.site, firstSeen: p.firstSeen },
  };
}

export async function exportW3C(snapshot: Snapshot, options: ExportOptions = {}): Promise<ExportFile> {
  const now = options.now ?? Date.now();
  const views = liveViews(snapshot);
  const head = {
    '@context': [ANNO_CONTEXT, TRICH_LUC_CONTEXT],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: 'AnnotationCollection',
    label: 'Trích Lục',
    generated: new Date(now).toISOString(),
    total: views.length,
  };
  const parts: string[] = [`${JSON.stringify(head).slice(0, -1)},\n"first":{"type":"AnnotationPage","startIndex":0,"items":[`];
  for (let start = 0; start < views.length; start += CHUNK) {
    throwIfAborted(options.signal);
    const end = Math.min(views.length, start + CHUNK);
    const lines: string[] = [];
    for (let i = start; i < end; i++) lines.push(JSON.stringify(annotationOf(views[i]!)));
    parts.push((start > 0 ? ',\n' : '\n') + lines.join(',\n'));
    options.onProgress?.({ phase: 'annotations', done: end, total: views.length });
    if (end < views.length) await pause();
  }
  parts.push('\n]}}\n');
  return { name: exportName('annotations', 'jsonld', now), type: 'application/ld+json', parts };
}
