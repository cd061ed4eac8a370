/**
 * The one error type the store throws. Callers switch on `code`; pages show the message
 * named by `messageKey` from the locale files (Vietnamese and English), never `message`,
 * which is for logs and bug reports.
 */

export type StoreErrorCode =
  /** The disk or the browser's quota for the extension is full. */
  | 'quota'
  /** The input was refused by validation (shape, sizes, offsets); nothing was written. */
  | 'invalid'
  /** The record to change does not exist. */
  | 'not-found'
  /** Anything else: the database could not be opened, a transaction failed… */
  | 'unknown';

/**
 * Locale message names, one per code. The texts live in public/_locales/{vi,en}/messages.json:
 * - storeErrorQuota: "Không lưu được: bộ nhớ của trình duyệt đã đầy. Hãy xuất bản sao lưu rồi xoá bớt trích lục cũ, hoặc giải phóng dung lượng ổ đĩa."
 *   / "Could not save: the browser's storage is full. Export a backup and delete old clippings, or free some disk space."
 * - storeErrorInvalid: "Không lưu được: dữ liệu trích lục không hợp lệ." / "Could not save: the clipping data is not valid."
 * - storeErrorNotFound: "Không tìm thấy trích lục này; có thể nó đã bị xoá." / "This clipping was not found; it may have been deleted."
 * - storeErrorUnknown: "Không đọc hoặc ghi được kho trích lục. Hãy thử lại." / "The clippings archive could not be read or written. Please try again."
 */
export const STORE_ERROR_MESSAGE_KEYS = {
  quota: 'storeErrorQuota',
  invalid: 'storeErrorInvalid',
  'not-found': 'storeErrorNotFound',
  unknown: 'storeErrorUnknown',
} as const satisfies Record<StoreErrorCode, string>;

export type StoreErrorMessageKey = (typeof STORE_ERROR_MESSAGE_KEYS)[StoreErrorCode];

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly messageKey: StoreErrorMessageKey;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.messageKey = STORE_ERROR_MESSAGE_KEYS[code];
  }
}

/** Error names, anywhere in the cause chain, that mean the storage is full. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Whether an error is, or was caused by, a full disk. Dexie wraps the DOMException of a
 * failed request in its own errors (`inner`), and an aborted transaction reports the
 * abort rather than its reason, so the whole chain is searched.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (typeof e === 'object' && e !== null && !seen.has(e)) {
    seen.add(e);
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
    const next = e as { inner?: unknown; cause?: unknown };
    e = next.inner ?? next.cause;
  }
  return false;
}

/** Maps any failure to a StoreError (a StoreError passes through unchanged). */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  if (isQuotaError(error)) return new StoreError('quota', 'Storage quota exceeded', { cause: error });
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StoreError('unknown', `Archive operation failed (${detail})`, { cause: error });
}

/**
 * Runs a store operation and rethrows its failure as a StoreError. Deliberately not an
 * `async` function: inside a Dexie live query, a transaction started from a native async
 * function's body can commit before its second request (PrematureCommitError), so the
 * operation's own (Dexie) promise is chained instead of awaited.
 */
export function guard<T>(operation: () => PromiseLike<T>): Promise<T> {
  let pending: PromiseLike<T>;
  try {
    pending = operation();
  } catch (error) {
    return Promise.reject(toStoreError(error));
  }
  return pending.then(undefined, (error: unknown) => {
    throw toStoreError(error);
  }) as Promise<T>;
}
