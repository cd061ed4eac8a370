/**
 * From file bytes to a JSON value that is safe to look at: size checked before
 * anything is read, UTF-8 decoded strictly, JSON parsed, and every key checked so that
 * no `__proto__`, `constructor` or `prototype` reaches code that might assign it (a
 * parsed `__proto__` is a plain own property, harmless until something like
 * `Object.assign` copies it onto an object and changes its prototype).
 */
import { throwIfAborted, type TaskOptions } from '../export/progress.ts';
import { ImportError } from './errors.ts';

/**
 * Files larger than this are refused unless the caller asks for more (`maxBytes`). A
 * backup the extension itself exported must come back in: one of 100 000 clippings is
 * about 240 MB (`npm run bench -- store-browser` prints it), so the cap is twice that.
 * It stays below 512 MiB because the text of the file becomes one string, and V8 (the
 * Chromium engine) cannot make a string of 2^29 − 24 characters or more. Large hostile
 * files are still refused early: the size from `Blob.size` before reading, then the
 * schema's per-field length limits, the nesting depth and the forbidden keys.
 */
export const MAX_IMPORT_BYTES = 500 * 1024 * 1024;
/** Real backups nest 6 levels deep; anything near this is an attack on the parser's callers. */
const MAX_DEPTH = 64;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export interface ReadOptions extends TaskOptions {
  maxBytes?: number | undefined;
}

export type ImportInput = string | Uint8Array | Blob;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function checkSize(bytes: number, max: number): void {
  if (bytes > max) {
    throw new ImportError('too-large', `the file is ${megabytes(bytes)}, larger than the ${megabytes(max)} an import accepts`);
  }
}

/** UTF-8 length of a string without encoding it (exact for well-formed text). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** The file as text: size-checked first, then strict UTF-8 (a byte-order mark is dropped). */
export async function readText(input: ImportInput, options: ReadOptions = {}): Promise<string> {
  const max = options.maxBytes ?? MAX_IMPORT_BYTES;
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    // Cheap bound first: a string of n code units is at most 3n bytes.
    if (input.length * 3 > max) checkSize(utf8Length(input), max);
    return input.replace(/^\uFEFF/, '');
  }
  if (input instanceof Uint8Array) {
    checkSize(input.byteLength, max);
    bytes = input;
  } else {
    // The size of a Blob (a File from the picker) is known before reading it.
    checkSize(input.size, max);
    bytes = new Uint8Array(await input.arrayBuffer());
  }
  throwIfAborted(options.signal);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (e) {
    // A file past what the engine can hold as one string (only with a raised `maxBytes`).
    if (e instanceof RangeError) throw tooLargeForEngine(bytes.byteLength);
    throw new ImportError('not-text', 'the file is not UTF-8 text');
  }
}

function tooLargeForEngine(bytes: number): ImportError {
  return new ImportError('too-large', `the file is ${megabytes(bytes)}, more than this browser can read at once`);
}

/** JSON.parse with its failures named: a cut-short file is the usual one (an interrupted download). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ImportError('not-json', 'the file is empty');
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (endsInsideValue(text)) {
      throw new ImportError('truncated', 'the file is cut short (truncated JSON): it was not completely saved or downloaded');
    }
    throw new ImportError('not-json', `the file is not valid JSON (${detail})`);
  }
}

/**
 * True when the text stops with a string or a container still open: the shape of a file
 * whose end was lost. Decided from the text itself, not from the engine's error wording,
 * which differs between engines and with where the cut falls ("Expected ','…", "Bad
 * Unicode escape…", "Unexpected end…").
 */
export function endsInsideValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      // A closer with nothing open is a malformed file, not a short one.
      if (--depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

/** Throws on the first forbidden key or excessive depth, naming where it is. */
export function checkKeys(value: unknown): void {
  // A first pass without paths (cheap); a second one with paths only to name a problem.
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH) return locate(value);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (typeof v[i] === 'object' && v[i] !== null) stack.push([v[i], depth + 1]);
      continue;
    }
    for (const key in v) {
      if (FORBIDDEN.has(key)) return locate(value);
      const child = (v as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
}

function locate(root: unknown): never {
  const stack: [unknown, string, number][] = [[root, '', 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH) throw new ImportError('forbidden-key', `nested more than ${MAX_DEPTH} levels deep`, path || null);
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
    for (const [key, child] of entries) {
      const at = path ? `${path}.${key}` : key;
      if (!Array.isArray(v) && FORBIDDEN.has(key)) throw new ImportError('forbidden-key', `the key "${key}" is not allowed`, at);
      stack.push([child, at, depth + 1]);
    }
  }
  throw new ImportError('forbidden-key', 'a forbidden key');
}

/** Bytes to a checked JSON value. */
export async function readJson(input: ImportInput, options: ReadOptions = {}): Promise<unknown> {
  const value = parseJson(await readText(input, options));
  throwIfAborted(options.signal);
  checkKeys(value);
  return value;
}
