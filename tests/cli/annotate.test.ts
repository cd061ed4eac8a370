/**
 * Runs the real `annotate` command as the scorer does (a child process per call), so the
 * launcher, argument handling, exit codes and stream use are tested along with the output.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/annotate.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

// Each call starts Node and tsx; leave room for a loaded machine.
const TIMEOUT = 30_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function annotate(args: string[], options: { cwd?: string; input?: string; viaNpm?: boolean } = {}): Promise<Run> {
  const [command, prefix] = options.viaNpm
    ? ['npm', ['run', '--silent', 'annotate', '--']]
    : [process.execPath, [BIN]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], { cwd: options.cwd ?? FIXTURES });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

type Json = Record<string, unknown>;

const DOCUMENT_KEYS = ['kind', 'start', 'end', 'text', 'docType', 'code', 'number', 'year', 'date', 'issuer'];
const FIGURE_KEYS = ['kind', 'start', 'end', 'text', 'value', 'valueTo', 'quantity', 'unit', 'qualifier', 'change', 'denominator'];

/** Every entity has all its fields, `kind` first, sorted by start, slicing `text` exactly. */
function expectEntitiesOf(text: string, entities: unknown): Json[] {
  expect(Array.isArray(entities)).toBe(true);
  const list = entities as Json[];
  let previous = -1;
  for (const entity of list) {
    const keys = entity.kind === 'document' ? DOCUMENT_KEYS : FIGURE_KEYS;
    expect(Object.keys(entity).slice(0, keys.length)).toEqual(keys);
    const { start, end } = entity as { start: number; end: number };
    expect(Number.isInteger(start) && Number.isInteger(end) && start < end).toBe(true);
    expect(start).toBeGreaterThanOrEqual(previous);
    expect(text.slice(start, end)).toBe(entity.text);
    previous = start;
  }
  return list;
}

function expectOneLineError(run: Run, file: string): void {
  expect(run.code).not.toBe(0);
  const lines = run.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^annotate: /);
  expect(lines[0]).toContain(JSON.stringify(file));
}

const ARTICLE_TEXT = readFileSync(fixture('quyet-dinh.txt'), 'utf8');

// Several tests compare against the plain run of the article; start the process once.
let plainRun: Promise<Run> | null = null;
const plain = () => (plainRun ??= annotate(['quyet-dinh.txt']));

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'annotate-test-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('annotate FILE.txt', () => {
  it('prints one JSON object whose entities slice the file text', { timeout: TIMEOUT }, async () => {
    const run = await plain();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const out = JSON.parse(run.stdout) as Json;
    expect(Object.keys(out)).toEqual(['entities']);
    expectEntitiesOf(ARTICLE_TEXT, out.entities);
  });

  it('passes the recognizer findings through with their fields', { timeout: TIMEOUT }, async () => {
    const out = JSON.parse((await plain()).stdout) as { entities: Json[] };
    expect(out.entities).toContainEqual(
      expect.objectContaining({ kind: 'document', docType: 'Quyết định', code: '3307/QĐ-UBND', date: '2020-12-28' }),
    );
    expect(out.entities).toContainEqual(
      expect.objectContaining({ kind: 'figure', text: '1.640 tỷ đồng', value: 1_640_000_000_000, quantity: 'money', unit: 'VND' }),
    );
  });

  it('indents with --pretty and prints the same object', { timeout: TIMEOUT }, async () => {
    const pretty = await annotate(['--pretty', 'quyet-dinh.txt']);
    expect(pretty.stdout).toMatch(/^{\n {2}"entities": \[/);
    expect(JSON.parse(pretty.stdout)).toEqual(JSON.parse((await plain()).stdout));
  });

  it('keeps a byte-order mark, so offsets match the file as any UTF-8 reader sees it', { timeout: TIMEOUT }, async () => {
    const file = join(scratch, 'bom.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE_TEXT, 'utf8')]));
    const withBom = await annotate([file]);
    expect(withBom.code).toBe(0);
    const out = JSON.parse(withBom.stdout) as Json;
    const withMark = expectEntitiesOf(readFileSync(file, 'utf8'), out.entities);
    const plainOut = JSON.parse((await plain()).stdout) as Json;
    expect(withMark.length).toBe((plainOut.entities as Json[]).length);
  });

  it('reads standard input for "-"', { timeout: TIMEOUT }, async () => {
    const run = await annotate(['-'], { input: ARTICLE_TEXT });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse((await plain()).stdout));
  });

  it('reads FILE from where `npm run annotate` was typed, as the scorer runs it', { timeout: TIMEOUT }, async () => {
    const run = await annotate(['quyet-dinh.txt'], { viaNpm: true });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse((await plain()).stdout));
  });

  it('works from any directory, as an installed bin would', { timeout: TIMEOUT }, async () => {
    const run = await annotate([fixture('quyet-dinh.txt')], { cwd: scratch });
    expect(run.code).toBe(0);
    expectEntitiesOf(ARTICLE_TEXT, (JSON.parse(run.stdout) as Json).entities);
  });
});

describe('annotate FILE.html', () => {
  it('extracts the article and gives offsets into page.text', { timeout: TIMEOUT }, async () => {
    const url = 'https://binhphuoc.example.vn/tin-tuc/giao-von-dau-tu-cong-2021.html';
    const run = await annotate(['--url', url, 'bai-viet.html']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { page: Json; entities: Json[] };
    expect(Object.keys(out)).toEqual(['page', 'entities']);
    expect(Object.keys(out.page)).toEqual(['isArticle', 'title', 'published', 'author', 'site', 'url', 'text']);
    expect(out.page.isArticle).toBe(true);
    expect(out.page.url).toBe(url);
    expect(out.page.title).toContain('1.640 tỷ đồng vốn đầu tư công');
    const text = out.page.text as string;
    expect(text).toContain('Quyết định số 3307/QĐ-UBND');
    expect(text).not.toContain('Trang chủ'); // the navigation is not article text
    expectEntitiesOf(text, out.entities);
    expect(out.entities).toContainEqual(expect.objectContaining({ kind: 'document', code: '3307/QĐ-UBND' }));
  });

  it('gives no entities for a page that is not an article', { timeout: TIMEOUT }, async () => {
    const run = await annotate(['folder/nested/trang-chu.htm']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { page: Json; entities: Json[] };
    expect(out.page.isArticle).toBe(false);
    expect(out.entities).toEqual([]);
  });

  it('refuses --url for anything but one page', { timeout: TIMEOUT }, async () => {
    const run = await annotate(['--url', 'https://example.vn/', 'quyet-dinh.txt', 'bai-viet.html']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('annotate FOLDER or several files', () => {
  it('prints JSON Lines for a folder, recursively and sorted, "file" first', { timeout: TIMEOUT }, async () => {
    const run = await annotate(['folder']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Json);
    expect(records.map((r) => r.file)).toEqual([
      join('folder', 'a-thong-bao.txt'),
      join('folder', 'nested', 'b-bao-cao.txt'),
      join('folder', 'nested', 'trang-chu.htm'),
    ]);
    for (const record of records) {
      expect(Object.keys(record)[0]).toBe('file');
      const page = record.page as Json | undefined;
      const text = page ? (page.text as string) : readFileSync(fixture(record.file as string), 'utf8');
      expectEntitiesOf(text, record.entities);
    }
  });

  it('prints the good files and fails for the missing one', { timeout: TIMEOUT }, async () => {
    const run = await annotate(['quyet-dinh.txt', 'khong-co.txt', 'folder/a-thong-bao.txt']);
    expectOneLineError(run, 'khong-co.txt');
    expect(run.stderr).toContain('no such file');
    const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Json);
    expect(records.map((r) => r.file)).toEqual(['quyet-dinh.txt', 'folder/a-thong-bao.txt']);
  });

  it('fails for a folder with nothing to read', { timeout: TIMEOUT }, async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    writeFileSync(join(empty, 'sub', 'anh.png'), 'not text');
    const run = await annotate([empty]);
    expectOneLineError(run, empty);
    expect(run.stdout).toBe('');
  });
});

describe('annotate errors', () => {
  it('names a missing file in one line, without a stack', { timeout: TIMEOUT }, async () => {
    const run = await annotate(['khong-co.txt']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('annotate: cannot read "khong-co.txt": no such file\n');
  });

  it('refuses a file with NUL bytes as binary', { timeout: TIMEOUT }, async () => {
    const file = join(scratch, 'anh.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const run = await annotate([file]);
    expectOneLineError(run, file);
    expect(run.stderr).toContain('binary');
    expect(run.stdout).toBe('');
  });

  it('refuses invalid UTF-8 (a legacy 8-bit encoding) as binary', { timeout: TIMEOUT }, async () => {
    const file = join(scratch, 'tcvn3.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Quy', 'latin1'), Buffer.from([0xae, 0xfe, 0xbb]), Buffer.from(' 3307')]));
    const run = await annotate([file]);
    expectOneLineError(run, file);
    expect(run.stderr).toContain('binary');
  });

  it('is not fooled by a character cut at the 8 KB probe boundary', { timeout: TIMEOUT }, async () => {
    const file = join(scratch, 'long.txt');
    const text = 'a'.repeat(8191) + 'ệ 47 hộ nghèo'; // "ệ" is 3 bytes, straddling byte 8192
    writeFileSync(file, text);
    const run = await annotate([file]);
    expect(run.code).toBe(0);
    expectEntitiesOf(text, (JSON.parse(run.stdout) as Json).entities);
  });

  it('prints usage for --help and a one-line usage error otherwise', { timeout: TIMEOUT }, async () => {
    const help = await annotate(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: annotate/);
    expect(help.stdout).toContain('byte-order mark');
    for (const args of [[], ['--no-such-option', 'quyet-dinh.txt']]) {
      const run = await annotate(args);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});
