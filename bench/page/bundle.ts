/**
 * Bundles the in-page harness (./harness.ts) with esbuild into one IIFE, minified as
 * the extension's own build is, so that the code the page runs is the content script's
 * code path (lib/page, lib/article, lib/recognize, lib/highlight) plus Readability and
 * mark.js. esbuild comes with tsx, which the bench already runs on.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./harness.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': ROOT.replace(/\/$/, '') },
    // What WXT defines for the Chromium build; lib/ code reads none of it today.
    define: { 'import.meta.env.BROWSER': '"chrome"', 'import.meta.env.MANIFEST_VERSION': '3' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
