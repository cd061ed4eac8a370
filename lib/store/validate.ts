/**
 * What the store accepts from its callers, checked before anything is written. Saves
 * arrive by message from a content script that reads arbitrary pages, so every field is
 * checked for type and size and unknown keys are dropped (valibot's `object` strips them,
 * which also keeps `__proto__` and friends out of stored records).
 *
 * Text is never rewritten here (quotes and notes are stored verbatim, markup and bidi
 * controls included); only tags are tidied, because they are matched exactly.
 */
import * as v from 'valibot';
import { DOC_TYPES, QUANTITIES, type Entity } from '../recognize/types';
import { COLOURS, type ClippingSelectors, type Colour } from './records.ts';
import { StoreError } from './errors.ts';

/** Size limits: generous for real use, small enough that a hostile page cannot fill the disk in one save. */
export const LIMITS = {
  quote: 100_000,
  context: 2_000,
  note: 20_000,
  tags: 50,
  tag: 100,
  entities: 5_000,
  meta: 2_000,
  url: 4_096,
} as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number) => v.nullable(text(max));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());

const DocumentEntitySchema = v.object({
  kind: v.literal('document'),
  start: offset,
  end: offset,
  text: text(LIMITS.meta),
  docType: v.picklist(DOC_TYPES),
  code: nullableText(200),
  number: nullableText(200),
  year: v.nullable(v.pipe(v.number(), v.integer())),
  date: nullableText(40),
  issuer: nullableText(LIMITS.meta),
});

const FigureEntitySchema = v.object({
  kind: v.literal('figure'),
  start: offset,
  end: offset,
  text: text(LIMITS.meta),
  value: finite,
  valueTo: v.nullable(finite),
  quantity: v.picklist(QUANTITIES),
  unit: nullableText(100),
  qualifier: v.nullable(v.picklist(['approx', 'over', 'under', 'atLeast', 'atMost'])),
  change: v.nullable(v.picklist(['increase', 'decrease'])),
  denominator: v.nullable(finite),
});

export const EntitySchema = v.variant('kind', [DocumentEntitySchema, FigureEntitySchema]);

// The schema and lib/recognize's types must describe the same records: these two lines
// stop compiling when either side changes without the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const entitySchemaMatchesTypes: Same<v.InferOutput<typeof EntitySchema>, Entity> = true;
void entitySchemaMatchesTypes;

export const PageInputSchema = v.object({
  /** Where the page was read. */
  url: text(LIMITS.url),
  /** The page's canonical link when it has one (lib/article gives it as `url`). */
  canonicalUrl: v.optional(v.nullable(text(LIMITS.url))),
  title: v.optional(nullableText(LIMITS.meta), null),
  published: v.optional(nullableText(64), null),
  author: v.optional(nullableText(LIMITS.meta), null),
  site: v.optional(nullableText(LIMITS.meta), null),
  /** Epoch ms; defaults to now. */
  firstSeen: v.optional(v.pipe(v.number(), v.finite())),
});
export type PageInput = v.InferInput<typeof PageInputSchema>;

const SelectorsSchema = v.object({
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: text(LIMITS.quote),
    prefix: text(LIMITS.context),
    suffix: text(LIMITS.context),
  }),
  position: v.object({
    type: v.literal('TextPositionSelector'),
    start: offset,
    end: offset,
  }),
});

const TagsSchema = v.pipe(v.array(text(LIMITS.tag)), v.maxLength(LIMITS.tags));
const ColourSchema = v.picklist(COLOURS);

export const ClippingInputSchema = v.object({
  page: PageInputSchema,
  quote: v.pipe(text(LIMITS.quote), v.minLength(1)),
  selectors: SelectorsSchema,
  entities: v.optional(v.pipe(v.array(EntitySchema), v.maxLength(LIMITS.entities)), []),
  note: v.optional(text(LIMITS.note), ''),
  tags: v.optional(TagsSchema, []),
  colour: v.optional(ColourSchema),
});
export type ClippingInput = v.InferInput<typeof ClippingInputSchema>;

export const ClippingPatchSchema = v.object({
  note: v.optional(text(LIMITS.note)),
  tags: v.optional(TagsSchema),
  colour: v.optional(ColourSchema),
});
export type ClippingPatch = v.InferInput<typeof ClippingPatchSchema>;

export const SettingsPatchSchema = v.object({
  defaultColour: v.optional(ColourSchema),
  persisted: v.optional(v.nullable(v.boolean())),
  lastExportAt: v.optional(v.nullable(finite)),
});

function parse<S extends v.GenericSchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const first = result.issues[0];
  const path = first ? v.getDotPath(first) : null;
  throw new StoreError('invalid', `Invalid ${what}${path ? ` at ${path}` : ''}: ${first?.message ?? 'unknown problem'}`);
}

/** Tags as they are stored: NFC, trimmed, inner spaces collapsed, empty ones and repeats (ignoring case) dropped. */
export function tidyTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export interface ValidClipping {
  page: v.InferOutput<typeof PageInputSchema>;
  quote: string;
  selectors: ClippingSelectors;
  entities: Entity[];
  note: string;
  tags: string[];
  colour?: Colour | undefined;
}

/** Checks a clipping to save; throws StoreError('invalid') naming the first problem. */
export function validateClipping(input: unknown): ValidClipping {
  const c = parse(ClippingInputSchema, input, 'clipping');
  if (c.selectors.quote.exact !== c.quote) {
    throw new StoreError('invalid', 'Invalid clipping: selectors.quote.exact differs from quote');
  }
  const { start, end } = c.selectors.position;
  if (end < start) throw new StoreError('invalid', 'Invalid clipping: selectors.position ends before it starts');
  c.entities.forEach((e, i) => {
    if (e.end < e.start || e.end > c.quote.length || c.quote.slice(e.start, e.end) !== e.text) {
      throw new StoreError('invalid', `Invalid clipping at entities.${i}: offsets do not give its text in the quote`);
    }
  });
  return { ...c, tags: tidyTags(c.tags) };
}

export function validatePage(input: unknown): v.InferOutput<typeof PageInputSchema> {
  return parse(PageInputSchema, input, 'page');
}

export function validatePatch(input: unknown): v.InferOutput<typeof ClippingPatchSchema> {
  const p = parse(ClippingPatchSchema, input, 'change');
  return p.tags ? { ...p, tags: tidyTags(p.tags) } : p;
}

export function validateSettingsPatch(input: unknown): v.InferOutput<typeof SettingsPatchSchema> {
  return parse(SettingsPatchSchema, input, 'settings');
}
