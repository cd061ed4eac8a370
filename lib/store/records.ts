/**
 * What the archive stores. Plain JSON in every field (exports and imports read these
 * records as they are), with a schema version on each record, stable random ids, created
 * and updated times, and deletions kept as tombstones (`deleted`) so a merge or a second
 * device can reconcile them later.
 *
 * Times are milliseconds since the epoch: IndexedDB orders numbers exactly, and an ISO
 * string would sort wrong as soon as one record carried another offset. `published`
 * stays the ISO string the page gave (with its offset); `publishedAt` is its instant.
 *
 * Fields marked "derived" are computed by the store from the others (`derive.ts`) and
 * recomputed on every write: they exist for the indexes, never edit them by hand.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../anchor/types';
import type { Entity, EntityKind } from '../recognize/types';

/** Version of the record shapes below; the database version follows it (`db.ts`). */
export const SCHEMA_VERSION = 2;

/** Clipping colours: names, not CSS, so each page picks shades that fit its theme. */
export const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Colour = (typeof COLOURS)[number];
export const DEFAULT_COLOUR: Colour = 'yellow';

export interface PageRecord {
  schemaVersion: number;
  id: string;
  /** The address the page was read at (tracking parameters removed). */
  url: string;
  /** Identity of the page: unique across the archive (`canonicalizeUrl`). */
  canonicalUrl: string;
  /** Derived: host name of the canonical URL without "www.", lower case. The "site" filter. */
  host: string;
  title: string | null;
  /** ISO 8601 as the page gave it, e.g. "2024-03-12T08:30:00+07:00", or null. */
  published: string | null;
  /** Derived: `published` as epoch ms, or null. */
  publishedAt: number | null;
  author: string | null;
  /** The publisher's name as the page shows it ("Cổng thông tin điện tử tỉnh Bình Phước"). */
  site: string | null;
  /** Derived from the host when it is a known provincial site (`provinces.ts`), else null. */
  province: string | null;
  /** When the reader first opened the page (epoch ms). */
  firstSeen: number;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
}

// The W3C Web Annotation selectors are lib/anchor's: one definition for what is
// described, stored, re-anchored and exported.
export type { TextPositionSelector, TextQuoteSelector } from '../anchor/types';

export interface ClippingSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface ClippingRecord {
  schemaVersion: number;
  id: string;
  pageId: string;
  /** The selected text, verbatim (never normalized, never interpreted as markup). */
  quote: string;
  selectors: ClippingSelectors;
  /** Entities inside the quote; offsets are UTF-16 code units into `quote`. */
  entities: Entity[];
  note: string;
  tags: string[];
  colour: Colour;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  /** Derived: when it was deleted, null while it is live. Indexed, so tombstones are found without a scan. */
  deletedAt: number | null;

  // Derived, copied from the page so that filters need no join.
  host: string;
  province: string | null;
  publishedAt: number | null;

  // Derived from the entities.
  /** Distinct entity kinds present. */
  kinds: EntityKind[];
  /** Distinct document keys (`documentKey`): folded codes, or folded names of coded-less laws. */
  docCodes: string[];
  /** Distinct units of the figures (null units left out). */
  figureUnits: string[];

  /** Derived: search tokens of quote, note, tags, page title and site (`lib/search`). */
  tokens: string[];
}

/**
 * The derived fields of a clipping: exports may leave them out, and anything that writes
 * records from outside (imports, merges) must recompute them (`deriveClipping`).
 */
export const DERIVED_CLIPPING_FIELDS = [
  'host',
  'province',
  'publishedAt',
  'kinds',
  'docCodes',
  'figureUnits',
  'tokens',
  'deletedAt',
] as const satisfies readonly (keyof ClippingRecord)[];

/** The derived fields of a page (`derivePage`). */
export const DERIVED_PAGE_FIELDS = ['host', 'province', 'publishedAt'] as const satisfies readonly (keyof PageRecord)[];

/** Archive-wide preferences kept with the archive (and in its backups). One record. */
export interface SettingsRecord {
  schemaVersion: number;
  id: 'archive';
  defaultColour: Colour;
  /** Most recently used tags first, for suggestions. */
  recentTags: string[];
  /** Whether the browser granted persistent storage the last time it was asked. */
  persisted: boolean | null;
  /** When the archive was last exported (epoch ms), for "back up" reminders. */
  lastExportAt: number | null;
  updatedAt: number;
}

/** A clipping with the page it came from: what lists and exports show. */
export interface ClippingView {
  clipping: ClippingRecord;
  page: PageRecord;
}
