/**
 * Record shapes of earlier schema versions, and how each becomes the next. Kept as pure
 * functions (record in, record out) so the upgrade in db.ts is a loop and every step is
 * tested on its own; old shapes stay here forever, since any of them may still be on a
 * reader's disk or in a backup.
 */
import type { Entity, EntityKind } from '../recognize/types';
import { deriveClipping, derivePage } from './derive.ts';
import type { ClippingRecord, ClippingSelectors, Colour, PageRecord, SettingsRecord } from './records.ts';

/** Version 1: no province, no published instant, no search tokens, no deletion time. */
export interface PageRecordV1 {
  schemaVersion: 1;
  id: string;
  url: string;
  canonicalUrl: string;
  host: string;
  title: string | null;
  published: string | null;
  author: string | null;
  site: string | null;
  firstSeen: number;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
}

export interface ClippingRecordV1 {
  schemaVersion: 1;
  id: string;
  pageId: string;
  quote: string;
  selectors: ClippingSelectors;
  entities: Entity[];
  note: string;
  tags: string[];
  colour: Colour;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  host: string;
  kinds: EntityKind[];
  docCodes: string[];
}

export interface SettingsRecordV1 {
  schemaVersion: 1;
  id: 'archive';
  defaultColour: Colour;
  recentTags: string[];
  updatedAt: number;
}

export function pageV1toV2(p: PageRecordV1): PageRecord {
  return { ...p, ...derivePage(p), schemaVersion: 2 };
}

/**
 * A v1 clipping with its (already upgraded) page. A clipping whose page is missing keeps
 * its host and gets no province: orphans are kept, not dropped.
 */
export function clippingV1toV2(c: ClippingRecordV1, page: PageRecord | undefined): ClippingRecord {
  const source = page ?? { host: c.host, province: null, publishedAt: null, title: null, site: null };
  return { ...c, ...deriveClipping(c, source), schemaVersion: 2 };
}

export function settingsV1toV2(s: SettingsRecordV1): SettingsRecord {
  return { ...s, persisted: null, lastExportAt: null, schemaVersion: 2 };
}
