/**
 * The clippings archive: records, database and repository. Import from here; the
 * modules behind it may move.
 */
export { createRepo, openRepo, type Repo, type RepoOptions } from './repo.ts';
export { openArchiveDB, DB_NAME, type ArchiveDB, type OpenOptions } from './db.ts';
export * from './records.ts';
export { StoreError, STORE_ERROR_MESSAGE_KEYS, isQuotaError, type StoreErrorCode, type StoreErrorMessageKey } from './errors.ts';
export type { ClippingFilter, DateRange } from './filter.ts';
export type { Order, PageRequest } from './plan.ts';
export type { ListRequest, ListResult } from './read.ts';
export type { ArchiveStats, CitationIndex, CitationOptions, CitationRow, LedgerEntry, LedgerOptions, LedgerRow } from './aggregates.ts';
export type { ClippingInput, ClippingPatch, PageInput } from './validate.ts';
export { EntitySchema, LIMITS } from './validate.ts';
export type { SettingsPatch } from './write.ts';
export { canonicalizeUrl, isTrackingParam, siteHost } from './url.ts';
export { provinceForHost, mergedProvince, PROVINCES } from './provinces.ts';
export { deriveClipping, derivePage, documentKey, documentKeyOf, instantOf } from './derive.ts';
export { requestPersistentStorage, storageUse, type PersistResult, type StorageUse } from './persist.ts';
