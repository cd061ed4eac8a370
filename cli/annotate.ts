/**
 * `annotate`: prints the entities `recognize()` finds in text files and saved pages, as
 * JSON (see /work/shared/spec/recognition.md, "What `annotate` prints").
 *
 * The scorer starts this once per file, so start-up is kept lean: the recognizer is
 * loaded only when there is something to read, and linkedom and the article extractor
 * only when an HTML page is among the inputs.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentEntity, Entity, FigureEntity } from '../lib/recognize/types.ts';

const USAGE = `Usage: annotate [options] FILE|FOLDER...

Finds cited legal documents and figures in Vietnamese text and prints them as JSON.

  FILE          plain text (.txt, or any name not ending in .html/.htm)
  FILE.html     a saved web page (also .htm): the article is extracted first, and the
                entities' offsets refer to "page.text", the body text they were found in
  FOLDER        every *.txt, *.html and *.htm inside, recursively, in sorted order
                (names starting with "." are skipped)
  -             standard input, read as plain text

One file prints one JSON object: {"entities":[...]}, with "page" first for a web page.
Several files or a folder print JSON Lines: one object per file, its "file" field first.

Text is read as UTF-8. Offsets (UTF-16 code units, end exclusive) count from the start
of the decoded text, a leading byte-order mark included, as any UTF-8 reader sees it. A file with NUL bytes or
invalid UTF-8 in its first 8 KB is refused as binary; invalid bytes further on read as
U+FFFD.

Options:
  --url URL     the page's address, for a single HTML file (saved pages have none;
                without it the "saved from url=" comment browsers write is used)
  --pretty      indent the JSON (several files then no longer make JSON Lines)
  --debug       add stack traces to internal errors
  -h, --help    print this help

Exit status: 0 when every file was annotated; 1 when some could not be read or
annotated (the others are still printed); 2 for a usage error.
`;

/** A failure to report in one line, naming the file; never shown with a stack. */
class FileError extends Error {}

const BINARY_PROBE_BYTES = 8192;
const READABLE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/**
 * Output field order: `kind` first, then the shared fields, then the kind's own, in the
 * order of the types. Records keyed by every field make the compiler flag a field added
 * to the types and forgotten here.
 */
const DOCUMENT_FIELDS: Record<keyof DocumentEntity, true> = {
  kind: true, start: true, end: true, text: true,
  docType: true, code: true, number: true, year: true, date: true, issuer: true,
};
const FIGURE_FIELDS: Record<keyof FigureEntity, true> = {
  kind: true, start: true, end: true, text: true,
  value: true, valueTo: true, quantity: true, unit: true, qualifier: true, change: true,
  denominator: true,
};

interface Options {
  pretty: boolean;
  debug: boolean;
  url: string | null;
}

type Recognize = (text: string) => Entity[];

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        pretty: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) return usageError('no FILE or FOLDER given');
  const options: Options = { pretty: values.pretty, debug: values.debug, url: values.url ?? null };
  const single = positionals.length === 1 && !(await isDirectory(positionals[0]!));
  if (options.url !== null && !(single && isHtml(positionals[0]!))) {
    return usageError('--url needs exactly one .html or .htm file');
  }

  let failed = false;
  const fail = (file: string, error: unknown) => {
    failed = true;
    process.stderr.write(`annotate: ${describe(error, file, options)}\n`);
  };
  // A reader that went away (`annotate dir | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(failed ? 1 : 0);
    throw e;
  });
  const files: string[] = [];
  for (const arg of positionals) {
    try {
      files.push(...(await expand(arg, fail)));
    } catch (e) {
      fail(arg, e);
    }
  }

  let recognize: Recognize | null = null;
  for (const file of files) {
    try {
      recognize ??= (await import('../lib/recognize/index.ts')).recognize;
      const result = await annotateFile(file, recognize, options);
      const record = single ? result : { file, ...result };
      process.stdout.write(JSON.stringify(record, null, options.pretty ? 2 : undefined) + '\n');
    } catch (e) {
      fail(file, e);
    }
  }
  return failed ? 1 : 0;
}

function usageError(message: string): number {
  process.stderr.write(`annotate: ${message} (see annotate --help)\n`);
  return 2;
}

function isHtml(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.html' || ext === '.htm';
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // reported when the path is read
  }
}

/**
 * The files an argument names: itself, or a folder's readable files in sorted order.
 * A sub-folder that cannot be listed is reported through `fail` and the rest still read.
 */
async function expand(arg: string, fail: (file: string, error: unknown) => void): Promise<string[]> {
  if (arg === '-') return [arg];
  const info = await stat(arg);
  if (!info.isDirectory()) return [arg];
  const found: string[] = [];
  await walk(arg, found, fail, true);
  if (found.length === 0) throw new FileError('no .txt, .html or .htm files in this folder');
  // Code-unit order, not locale order, so that runs on different machines list alike.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(dir: string, found: string[], fail: (file: string, error: unknown) => void, top = false): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if (top) throw e;
    return fail(dir, e);
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // Folder symlinks are not followed (they can loop); file symlinks are read.
    if (entry.isDirectory()) await walk(path, found, fail);
    else if (!READABLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
    else if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path)))) found.push(path);
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function annotateFile(file: string, recognize: Recognize, options: Options): Promise<object> {
  const bytes = file === '-' ? await readStdin() : await readFile(file);
  const text = decode(bytes);
  if (file === '-' || !isHtml(file)) return { entities: present(recognize(text)) };

  const [{ parseHTML }, { extractArticle }] = await Promise.all([
    import('linkedom'),
    import('../lib/article/index.ts'),
  ]);
  const { document } = parseHTML(text);
  const article = extractArticle(document, options.url ?? savedFromUrl(text) ?? undefined);
  const { isArticle, title, published, author, site, url } = article;
  return {
    page: { isArticle, title, published, author, site, url, text: article.text },
    entities: isArticle ? present(recognize(article.text)) : [],
  };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * UTF-8 text, a leading byte-order mark kept: offsets must point into the text exactly as
 * other tools (Node's readFileSync, editors) read the file. Throws for a binary file.
 */
function decode(bytes: Uint8Array): string {
  const head = bytes.subarray(0, BINARY_PROBE_BYTES);
  let valid = !head.includes(0);
  try {
    // `stream` tolerates a character cut in two at the end of the probe.
    if (valid) new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    valid = false;
  }
  if (!valid) throw new FileError('binary file (NUL bytes or invalid UTF-8 in the first 8 KB)');
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/**
 * The address in the "<!-- saved from url=(0062)https://… -->" mark that browsers put at
 * the top of a saved page, the only trace of where a saved page came from.
 */
function savedFromUrl(html: string): string | null {
  const m = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(html.slice(0, 2048));
  return m?.[1] ?? null;
}

/** Entities in the order and shape the output promises, whatever order the recognizer used. */
function present(entities: Entity[]): Record<string, unknown>[] {
  return [...entities]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((entity) => {
      const source = entity as unknown as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(entity.kind === 'document' ? DOCUMENT_FIELDS : FIGURE_FIELDS)) {
        out[key] = source[key] ?? null;
      }
      // Extra fields are allowed by the contract; keep whatever else the recognizer gave.
      for (const key of Object.keys(source)) if (!(key in out)) out[key] = source[key];
      return out;
    });
}

function describe(error: unknown, file: string, options: Options): string {
  const name = JSON.stringify(file);
  if (error instanceof FileError) return `cannot read ${name}: ${error.message}`;
  // Only file-system errors carry a `syscall`; a module that fails to load has a `code` too.
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'is a folder'
    : code === 'ELOOP' ? 'too many symbolic links'
    : null;
  if (syscall !== undefined && reason !== null) return `cannot read ${name}: ${reason}`;
  if (syscall !== undefined && error instanceof Error) return `cannot read ${name}: ${oneLine(error.message)}`;
  // Anything else is a fault in the recognizer or the extractor, not in the file.
  const detail = error instanceof Error ? (options.debug ? error.stack ?? error.message : oneLine(error.message)) : String(error);
  return `failed on ${name}: ${detail}`;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n[\s\S]*/, '');
}
