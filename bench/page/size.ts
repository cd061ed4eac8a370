/**
 * The content script's size as browsers get it: the built files of .output/chrome-mv3,
 * gzipped (zlib level 9, as `gzip -9`). Builds the extension first when there is no
 * build or when a source file is newer than it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROME_DIR = join(ROOT, '.output', 'chrome-mv3');
const CONTENT_SCRIPT = join(CHROME_DIR, 'content-scripts', 'content.js');
const SOURCES = ['lib', 'components', 'entrypoints', 'public', 'wxt.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds .output/chrome-mv3 unless an up-to-date build is there; says which. */
export function ensureChromeBuild(): 'built' | 'up to date' {
  const manifest = join(CHROME_DIR, 'manifest.json');
  const builtAt = existsSync(manifest) && existsSync(CONTENT_SCRIPT) ? statSync(CONTENT_SCRIPT).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (builtAt > 0 && builtAt >= sourcesAt) return 'up to date';
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CI: '1' } });
  return 'built';
}

export interface FileSize {
  /** Path inside the built extension. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

function sizeOf(path: string): FileSize {
  const bytes = readFileSync(path);
  return { file: relative(CHROME_DIR, path), bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

export interface ContentScriptSizes {
  /** content-scripts/content.js: what every matching page loads. */
  script: FileSize;
  /**
   * Scripts the content script loads later, on demand (web-accessible resources of the
   * manifest): the card UI, loaded when a card first opens.
   */
  lazy: FileSize[];
}

export function contentScriptSizes(): ContentScriptSizes {
  const manifest = JSON.parse(readFileSync(join(CHROME_DIR, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: { resources: string[] }[];
  };
  const lazy = (manifest.web_accessible_resources ?? [])
    .flatMap((entry) => entry.resources)
    .filter((file) => file.endsWith('.js'))
    .map((file) => sizeOf(join(CHROME_DIR, file.replace(/^\//, ''))));
  return { script: sizeOf(CONTENT_SCRIPT), lazy };
}
