/**
 * W3C Web Annotation JSON-LD turned into pages and clippings: the AnnotationCollection
 * our exporter writes, and what other tools write (an AnnotationPage, an array of
 * annotations, a single one), in the compacted form of the anno.jsonld context that
 * the specification's examples and every known producer use. Expanded or re-framed
 * JSON-LD is not read: turning arbitrary JSON-LD into that form would take a JSON-LD
 * processor in the extension for files nobody makes.
 *
 * An annotation becomes a clipping when it targets a web page with a TextQuoteSelector;
 * others (page notes, image regions) are skipped and counted. Comment bodies become the
 * note, tagging bodies the tags; our own terms (colour, entities, page) are read back
 * when present. Clippings keep the annotation's id when it is one of ours or a UUID.
 */
import * as v from 'valibot';
import type { Snapshot } from '../backup/format.ts';
import { ANNO_CONTEXT, TRICH_LUC_NS } from '../export/w3c.ts';
import { inChunks, type TaskOptions } from '../export/progress.ts';
import { deriveClipping, derivePage } from '../store/derive.ts';
import { COLOURS, DEFAULT_COLOUR, SCHEMA_VERSION, type ClippingRecord, type PageRecord } from '../store/records.ts';
import { canonicalizeUrl } from '../store/url.ts';
import { EntitySchema, LIMITS, tidyTags } from '../store/validate.ts';
import { ImportError } from './errors.ts';
import { checkEntities, parseAt } from './validate.ts';

const ANNO_CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

function hasAnnoContext(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const ctx = (value as { '@context'?: unknown })['@context'];
  const list = Array.isArray(ctx) ? ctx : [ctx];
  return list.some((c) => typeof c === 'string' && ANNO_CONTEXTS.has(c));
}

export function isW3C(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(hasAnnoContext);
  return hasAnnoContext(value);
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
// Array first: valibot's object schema also accepts an array (an object with no known keys).
const oneOrMany = <S extends v.GenericSchema>(s: S) => v.union([v.array(s), s]);
const typeOf = v.union([v.string(), v.array(v.string())]);

const QuoteSelector = v.object({ type: v.literal('TextQuoteSelector'), exact: v.pipe(text(LIMITS.quote), v.minLength(1)), prefix: v.optional(text(LIMITS.context), ''), suffix: v.optional(text(LIMITS.context), '') });
const PositionSelector = v.object({ type: v.literal('TextPositionSelector'), start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const AnySelector = v.object({ type: v.string() });
const Target = v.union([text(LIMITS.url), v.object({ source: v.optional(text(LIMITS.url)), id: v.optional(text(LIMITS.url)), selector: v.optional(oneOrMany(v.unknown())) })]);
const Body = v.union([
  v.string(),
  v.object({
    type: v.optional(typeOf),
    purpose: v.optional(v.string()),
    value: v.optional(text(LIMITS.note)),
  }),
]);
const PageExtension = v.object({
  canonicalUrl: v.optional(v.nullable(text(LIMITS.url))),
  title: v.optional(v.nullable(text(LIMITS.meta)), null),
  published: v.optional(v.nullable(text(64)), null),
  author: v.optional(v.nullable(text(LIMITS.meta)), null),
  site: v.optional(v.nullable(text(LIMITS.meta)), null),
  firstSeen: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))), null),
});
const Annotation = v.object({
  id: v.optional(text(LIMITS.url)),
  type: typeOf,
  motivation: v.optional(oneOrMany(v.string())),
  created: v.optional(v.string()),
  modified: v.optional(v.string()),
  bodyValue: v.optional(text(LIMITS.note)),
  body: v.optional(oneOrMany(Body)),
  target: oneOrMany(Target),
  colour: v.optional(v.picklist(COLOURS)),
  entities: v.optional(v.pipe(v.array(EntitySchema), v.maxLength(LIMITS.entities))),
  page: v.optional(PageExtension),
});

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The annotations of any of the shapes producers write, with their paths for messages. */
function annotationsOf(value: unknown): { raw: unknown; path: string }[] {
  if (Array.isArray(value)) return value.map((raw, i) => ({ raw, path: String(i) }));
  const o = value as { type?: unknown; items?: unknown; first?: unknown };
  const isType = (t: string) => o.type === t || (Array.isArray(o.type) && o.type.includes(t));
  if (isType('AnnotationCollection')) {
    const first = o.first as { items?: unknown } | undefined;
    if (first && typeof first === 'object' && Array.isArray(first.items)) return first.items.map((raw, i) => ({ raw, path: `first.items.${i}` }));
    if (Array.isArray(o.items)) return o.items.map((raw, i) => ({ raw, path: `items.${i}` }));
    if (typeof o.first === 'string') throw new ImportError('invalid', 'the collection\'s pages are elsewhere (a link, not included): export them into one file', 'first');
    return [];
  }
  if (isType('AnnotationPage')) return list(o.items as unknown[] | undefined).map((raw, i) => ({ raw, path: `items.${i}` }));
  return [{ raw: value, path: '' }];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our record id from an annotation IRI, when the IRI is one we made (or any UUID). */
function idFrom(iri: string | undefined): string | null {
  if (!iri) return null;
  const uuid = /^urn:uuid:(.+)$/i.exec(iri)?.[1];
  if (uuid && UUID.test(uuid)) return uuid.toLowerCase();
  const ours = iri.startsWith(`${TRICH_LUC_NS}clipping:`) ? iri.slice(`${TRICH_LUC_NS}clipping:`.length) : null;
  if (ours) {
    try {
      const id = decodeURIComponent(ours);
      return id.length > 0 && id.length <= 128 ? id : null;
    } catch {
      return null;
    }
  }
  return null;
}

function timeOf(iso: string | undefined, fallback: number): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) && t >= 0 ? t : fallback;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface W3CImport {
  snapshot: Snapshot;
  skipped: Skipped[];
}

export interface W3COptions extends TaskOptions {
  now?: number;
  newId?: () => string;
}

export async function snapshotFromW3C(value: unknown, options: W3COptions = {}): Promise<W3CImport> {
  const now = options.now ?? Date.now();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const skipped: Skipped[] = [];
  const pages = new Map<string, PageRecord>();
  const drafts: { page: PageRecord; clipping: Omit<ClippingRecord, 'host' | 'province' | 'publishedAt' | 'kinds' | 'docCodes' | 'figureUnits' | 'tokens'> }[] = [];
  const ids = new Set<string>();

  await inChunks(annotationsOf(value), 'validate annotations', options, ({ raw, path }) => {
    const a = parseAt(Annotation, raw, path);
    if (!list(a.type).includes('Annotation')) return void skipped.push({ path, reason: 'not an Annotation' });
    const target = list(a.target).find((t): t is Exclude<typeof t, string> => typeof t === 'object' && t.selector !== undefined);
    const selectors = list(target?.selector).filter((s) => v.is(AnySelector, s));
    const quoteRaw = selectors.find((s) => (s as { type: string }).type === 'TextQuoteSelector');
    if (!target || quoteRaw === undefined) return void skipped.push({ path, reason: 'no TextQuoteSelector: not a quotation of a page' });
    const targetPath = `${path}${path ? '.' : ''}target`;
    const quote = parseAt(QuoteSelector, quoteRaw, `${targetPath}.selector`);
    const positionRaw = selectors.find((s) => (s as { type: string }).type === 'TextPositionSelector');
    const position = positionRaw === undefined ? null : parseAt(PositionSelector, positionRaw, `${targetPath}.selector`);
    if (position && position.end < position.start) throw new ImportError('invalid', 'the position ends before it starts', `${targetPath}.selector`);
    const source = target.source ?? target.id;
    const url = source ? canonicalizeUrl(source) : null;
    if (!url) throw new ImportError('invalid', 'the annotated page is not an http(s) address', `${targetPath}.source`);

    const created = timeOf(a.created, now);
    const modified = Math.max(created, timeOf(a.modified, created));
    const motivations = list(a.motivation);
    const notes: string[] = a.bodyValue ? [a.bodyValue] : [];
    const tags: string[] = [];
    for (const b of list(a.body)) {
      if (typeof b === 'string' || b.value === undefined) continue; // a linked body: nothing to keep
      const purpose = b.purpose ?? (motivations.includes('tagging') ? 'tagging' : 'commenting');
      if (purpose === 'tagging') tags.push(b.value);
      else if (purpose === 'commenting' || purpose === 'describing') notes.push(b.value);
    }
    const note = notes.join('\n\n');
    if (note.length > LIMITS.note) throw new ImportError('invalid', `the note is longer than ${LIMITS.note} characters`, `${path}.body`);
    if (tags.length > LIMITS.tags) throw new ImportError('invalid', `more than ${LIMITS.tags} tags`, `${path}.body`);
    if (tags.some((t) => t.length > LIMITS.tag)) throw new ImportError('invalid', `a tag is longer than ${LIMITS.tag} characters`, `${path}.body`);
    const entities = a.entities ?? [];
    checkEntities(quote.exact, entities, `${path}.entities`);

    const ext = a.page;
    const canonicalUrl = (ext?.canonicalUrl ? canonicalizeUrl(ext.canonicalUrl) : null) ?? url;
    let page = pages.get(canonicalUrl);
    if (!page) {
      const base = { canonicalUrl, published: ext?.published ?? null };
      page = {
        schemaVersion: SCHEMA_VERSION,
        id: newId(),
        url,
        canonicalUrl,
        title: ext?.title ?? null,
        published: base.published,
        author: ext?.author ?? null,
        site: ext?.site ?? null,
        ...derivePage(base),
        firstSeen: ext?.firstSeen ?? created,
        createdAt: created,
        updatedAt: created,
        deleted: false,
      };
      pages.set(canonicalUrl, page);
    } else {
      page.createdAt = Math.min(page.createdAt, created);
      page.firstSeen = Math.min(page.firstSeen, ext?.firstSeen ?? created);
      page.updatedAt = page.createdAt;
    }

    let id = idFrom(a.id) ?? newId();
    if (ids.has(id)) id = newId(); // the same id twice in one file: keep both annotations apart
    ids.add(id);
    drafts.push({
      page,
      clipping: {
        schemaVersion: SCHEMA_VERSION,
        id,
        pageId: page.id,
        quote: quote.exact,
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          position: position ? { type: 'TextPositionSelector', start: position.start, end: position.end } : { type: 'TextPositionSelector', start: 0, end: quote.exact.length },
        },
        entities,
        note,
        tags: tidyTags(tags),
        colour: a.colour ?? DEFAULT_COLOUR,
        createdAt: created,
        updatedAt: modified,
        deleted: false,
        deletedAt: null,
      },
    });
  });

  // Clippings are derived once every page has its final fields.
  const clippings = drafts.map(({ page, clipping }) => ({ ...clipping, ...deriveClipping(clipping, page) }));
  return { snapshot: { pages: [...pages.values()], clippings, settings: null }, skipped };
}
