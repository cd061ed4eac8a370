/**
 * The valibot schema of a backup file: what `lib/import` accepts, and the source that
 * `schema.json` (the JSON Schema published with the format) is generated from, so the
 * two cannot drift (tests/export/backup-schema.test.ts compares them).
 *
 * Objects are strict: an unknown key is refused rather than dropped, because a key we
 * do not know means a file from a newer version or one made by hand, and silently
 * losing part of a reader's archive is worse than saying so. Sizes follow the store's
 * own limits (`LIMITS`), so nothing imported could not have been saved.
 *
 * What a schema cannot say (ids unique, pages referenced, entity offsets inside the
 * quote) is checked by lib/import/backup.ts.
 */
import * as v from 'valibot';
import { COLOURS, SCHEMA_VERSION } from '../store/records.ts';
import { EntitySchema, LIMITS } from '../store/validate.ts';
import { BACKUP_FORMAT, BACKUP_VERSION } from './format.ts';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number) => v.nullable(text(max));
/** Epoch milliseconds. */
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const tags = v.pipe(v.array(text(LIMITS.tag)), v.maxLength(LIMITS.tags));
const colour = v.picklist(COLOURS);

export const BackupPageSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  id,
  url: text(LIMITS.url),
  canonicalUrl: text(LIMITS.url),
  title: nullableText(LIMITS.meta),
  published: nullableText(64),
  author: nullableText(LIMITS.meta),
  site: nullableText(LIMITS.meta),
  firstSeen: time,
  createdAt: time,
  updatedAt: time,
  deleted: v.boolean(),
});

export const SelectorsSchema = v.strictObject({
  quote: v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: text(LIMITS.quote),
    prefix: text(LIMITS.context),
    suffix: text(LIMITS.context),
  }),
  position: v.strictObject({
    type: v.literal('TextPositionSelector'),
    start: offset,
    end: offset,
  }),
});

export const BackupClippingSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  id,
  pageId: id,
  quote: v.pipe(text(LIMITS.quote), v.minLength(1)),
  selectors: SelectorsSchema,
  entities: v.pipe(v.array(EntitySchema), v.maxLength(LIMITS.entities)),
  note: text(LIMITS.note),
  tags,
  colour,
  createdAt: time,
  updatedAt: time,
  deleted: v.boolean(),
  deletedAt: v.nullable(time),
});

export const SettingsSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  id: v.literal('archive'),
  defaultColour: colour,
  recentTags: v.pipe(v.array(text(LIMITS.tag)), v.maxLength(100)),
  persisted: v.nullable(v.boolean()),
  lastExportAt: v.nullable(time),
  updatedAt: time,
});

export const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  pages: v.array(BackupPageSchema),
  clippings: v.array(BackupClippingSchema),
  settings: v.nullable(SettingsSchema),
});

export type BackupInput = v.InferOutput<typeof BackupSchema>;
