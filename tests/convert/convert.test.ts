/**
 * The real `convert` command in a child process, as a script would run it: every
 * format from the sample archive, exit codes, one-line messages on stderr, and
 * nothing written when the backup is refused.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/convert.mjs', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../examples/sample-archive.json', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'trich-luc-convert-'));
const TIMEOUT = 60_000;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

function convert(args: string[], viaNpm = false): Promise<Run> {
  const [command, prefix] = viaNpm ? ['npm', ['run', '--silent', 'convert', '--']] : [process.execPath, [BIN]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], { cwd: ROOT });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

/** One line on stderr, naming the command (npm may add its own warnings before). */
function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.startsWith('convert: '));
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('convert', () => {
  it('converts the sample archive to an XLSX workbook (the README example)', async () => {
    const out = join(dir, 'archive.xlsx');
    const run = await convert([SAMPLE, '--to', 'xlsx', '--out', out], true);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('convert'))).toEqual([]);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Trích lục', 'Sổ số liệu', 'Chỉ mục văn bản']);
    expect(wb.worksheets[1]!.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);
  }, TIMEOUT);

  it('writes every format, with English headers when asked', async () => {
    const csv = await convert([SAMPLE, '--to', 'csv', '--lang', 'en']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.toString('utf8').startsWith('\uFEFFQuote,Note,Tags,Page,URL')).toBe(true);
    const ledger = await convert([SAMPLE, '--to', 'ledger-csv']);
    expect(ledger.stdout.toString('utf8')).toContain('\n412000000000,,VND,Tiền,');
    expect(JSON.parse((await convert([SAMPLE, '--to', 'csl'])).stdout.toString('utf8')).length).toBeGreaterThan(10);
    expect(JSON.parse((await convert([SAMPLE, '--to', 'w3c'])).stdout.toString('utf8')).type).toBe('AnnotationCollection');
    const again = JSON.parse((await convert([SAMPLE, '--to', 'json'])).stdout.toString('utf8')) as { clippings: unknown[] };
    expect(again.clippings).toEqual((JSON.parse(readFileSync(SAMPLE, 'utf8')) as { clippings: unknown[] }).clippings);
    const zip = join(dir, 'notes.zip');
    expect((await convert([SAMPLE, '--to', 'markdown', '--out', zip])).code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(zip))).length).toBeGreaterThanOrEqual(5);
  }, TIMEOUT * 3);

  it('refuses a malformed backup with exit 1 and one line naming the problem, writing nothing', async () => {
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(SAMPLE, 'utf8').slice(0, 2000));
    const out = join(dir, 'never.csv');
    const run = await convert([truncated, '--to', 'csv', '--out', out]);
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toMatch(/^convert: cannot read ".*truncated\.json": the file is cut short \(truncated JSON\)/);
    expect(existsSync(out)).toBe(false);

    const future = join(dir, 'future.json');
    writeFileSync(future, readFileSync(SAMPLE, 'utf8').replace('"version":1', '"version":7'));
    const v = await convert([future, '--to', 'csv']);
    expect(v.code).toBe(1);
    expect(oneLine(v.stderr)).toMatch(/unknown backup version 7/);

    const proto = join(dir, 'proto.json');
    writeFileSync(proto, readFileSync(SAMPLE, 'utf8').replace('"quote":', '"__proto__":{},"quote":'));
    expect(oneLine((await convert([proto, '--to', 'xlsx', '--out', out])).stderr)).toMatch(/the key "__proto__" is not allowed/);

    const missing = await convert([join(dir, 'nope.json'), '--to', 'csv']);
    expect(missing.code).toBe(1);
    expect(oneLine(missing.stderr)).toMatch(/: no such file$/);
  }, TIMEOUT * 2);

  it('refuses usage errors with exit 2', async () => {
    for (const args of [[], [SAMPLE], [SAMPLE, '--to', 'pdf'], [SAMPLE, '--to', 'csv', '--lang', 'fr'], [SAMPLE, '--bogus']]) {
      const run = await convert(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(oneLine(run.stderr)).toMatch(/see convert --help/);
    }
    const help = await convert(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.toString()).toContain('Usage: convert BACKUP.json --to FORMAT');
  }, TIMEOUT * 2);
});
