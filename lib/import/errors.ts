/**
 * Why an import was refused. `code` is for the library page to pick its localized
 * sentence; `message` names the problem in one English line (the `convert` command
 * prints it, and it goes into bug reports), with the place in the file when there is one.
 * A refused import has written nothing.
 */

export type ImportErrorCode =
  /** Over the size limit (MAX_IMPORT_BYTES, 500 MB, unless the caller changed it), or more than the engine can hold. */
  | 'too-large'
  /** Not UTF-8 text. */
  | 'not-text'
  /** JSON that stops before its end. */
  | 'truncated'
  /** Not JSON at all, or malformed. */
  | 'not-json'
  /** JSON, but neither a Trích Lục backup nor W3C Web Annotations. */
  | 'unknown-format'
  /** A backup of a version this code does not read. */
  | 'unknown-version'
  /** A `__proto__`, `constructor` or `prototype` key, or nesting too deep to be data. */
  | 'forbidden-key'
  /** A record that breaks the schema or the archive's rules. */
  | 'invalid'
  /** A record whose id is already used by a different record in the archive. */
  | 'conflict';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** The message without the place: what the constructor was given, so that the error can be made again (the import worker sends its parts). */
  readonly detail: string;
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** Where in the file, as a dotted path ("clippings.12.quote"), when known. */
    readonly path: string | null = null,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.detail = message;
  }
}
