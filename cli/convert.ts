/**
 * `convert`: turns a Trích Lục backup into the formats the library page exports, with
 * the same code (lib/export), for people who script their archives.
 *
 *   convert BACKUP.json --to csv|ledger-csv|markdown|w3c|csl|xlsx|json [--out PATH] [--lang vi|en]
 *
 * The backup is read and checked exactly as an import would (lib/import), so a file
 * the extension would refuse is refused here with the same one-line reason.
 */
import { open, rename, rm, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, EXPORTERS, type ExportFormat, type Lang } from '../lib/export/index.ts';
import { ImportError, MAX_IMPORT_BYTES, readImport } from '../lib/import/index.ts';

const USAGE = `Usage: convert BACKUP.json --to FORMAT [--out PATH] [--lang vi|en]

Converts a Trích Lục backup (the JSON file "Back up" saves in the library) to:

  csv          clippings, one per row (UTF-8 CSV, for spreadsheets)
  ledger-csv   the statistics ledger: one row per figure
  xlsx         an Excel workbook: clippings, ledger and citation index as typed sheets
  markdown     a zip of Markdown notes, one per page (opens as an Obsidian vault)
  w3c          W3C Web Annotation JSON-LD (Hypothesis and other annotation tools)
  csl          CSL-JSON references (Zotero, Mendeley, pandoc)
  json         the backup again, as this version writes it

W3C Web Annotation files are read too.

Options:
  --to FORMAT      one of the formats above (required)
  --out PATH       where to write; without it text goes to standard output, and
                   csv, xlsx and markdown need --out unless the output is a pipe
  --lang vi|en     language of headers and labels (default vi)
  --max-mb N       accept a backup larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB (the import limit)
  -h, --help       print this help

Exit status: 0 on success, 1 when the backup is refused or cannot be read or written,
2 for a usage error.
`;

const BINARY: ReadonlySet<ExportFormat> = new Set(['xlsx', 'markdown']);

class UsageError extends Error {}

interface Options {
  input: string;
  to: ExportFormat;
  out: string | null;
  lang: Lang;
  maxBytes: number;
}

function options(argv: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      out: { type: 'string', short: 'o' },
      lang: { type: 'string', default: 'vi' },
      'max-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one BACKUP.json' : 'no BACKUP.json given');
  if (!values.to) throw new UsageError('--to FORMAT is required');
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.to)) throw new UsageError(`unknown format "${values.to}" (one of ${EXPORT_FORMATS.join(', ')})`);
  if (values.lang !== 'vi' && values.lang !== 'en') throw new UsageError(`--lang must be vi or en, not "${values.lang}"`);
  let maxBytes = MAX_IMPORT_BYTES;
  if (values['max-mb'] !== undefined) {
    const mb = Number(values['max-mb']);
    if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-mb needs a positive number, not "${values['max-mb']}"`);
    maxBytes = mb * 1024 * 1024;
  }
  return { input: positionals[0]!, to: values.to as ExportFormat, out: values.out ?? null, lang: values.lang, maxBytes };
}

async function readInput(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw new ImportError('not-text', 'is a folder');
  // Refuse before reading: the file may be far larger than memory allows.
  if (info.size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new ImportError('too-large', `the file is ${mb(info.size)}, larger than the ${mb(maxBytes)} an import accepts (see --max-mb)`);
  }
  const handle = await open(path, 'r');
  try {
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** Writes next to the target and renames, so a failed run never leaves half a file under the name asked for. */
async function writeParts(path: string, parts: readonly (string | Uint8Array)[]): Promise<void> {
  const partial = `${path}.partial`;
  const handle = await open(partial, 'w');
  try {
    for (const part of parts) await handle.write(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
  } catch (e) {
    await handle.close();
    await rm(partial, { force: true });
    throw e;
  }
  await handle.close();
  await rename(partial, path);
}

async function writeStdout(parts: readonly (string | Uint8Array)[]): Promise<void> {
  // A reader that went away (`convert … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  for (const part of parts) {
    if (!process.stdout.write(part)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

export async function main(argv: string[]): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = options(argv);
  } catch (e) {
    process.stderr.write(`convert: ${e instanceof Error ? e.message : String(e)} (see convert --help)\n`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const name = JSON.stringify(opts.input);
  let parsed;
  try {
    parsed = await readImport(await readInput(opts.input, opts.maxBytes), { maxBytes: opts.maxBytes });
  } catch (e) {
    process.stderr.write(`convert: cannot read ${name}: ${reason(e)}\n`);
    return 1;
  }
  if (!opts.out && BINARY.has(opts.to) && process.stdout.isTTY) {
    process.stderr.write(`convert: ${opts.to} is a binary file: give --out PATH (or pipe the output)\n`);
    return 2;
  }
  try {
    const file = await EXPORTERS[opts.to](parsed.snapshot, { lang: opts.lang });
    if (opts.out) await writeParts(opts.out, file.parts);
    else await writeStdout(file.parts);
  } catch (e) {
    process.stderr.write(`convert: cannot write ${opts.out ? JSON.stringify(opts.out) : 'the output'}: ${reason(e)}\n`);
    return 1;
  }
  if (parsed.skipped.length) process.stderr.write(`convert: skipped ${parsed.skipped.length} annotation(s) that quote no text\n`);
  return 0;
}

function reason(e: unknown): string {
  if (e instanceof ImportError) return e.message;
  const { code } = (e ?? {}) as NodeJS.ErrnoException;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s*\n[\s\S]*/, '');
}
