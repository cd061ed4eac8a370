/**
 * `npm start`: the product, in a real browser. Builds the Chromium extension, serves the
 * bundled demo article (examples/demo-page.html) under a real portal host name on
 * 127.0.0.1, opens it in Debian's Chromium with the extension loaded, and reports what the
 * extension found. With a display it leaves the window open for you; without one it runs
 * headless, saves a screenshot with an entity card open, and prints a summary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { extensionArgs, extensionWorker } from '../tests/e2e/chromium.ts';
import { startFixtureServer } from '../tests/e2e/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOST = 'dongphu.binhphuoc.gov.vn';
const PATH = '/tin-tuc/kinh-te/huyen-dong-phu-kinh-te-tang-truong-kha-2023.html';
const OUT_DIR = join(ROOT, '.output', 'demo');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM}: run "bash scripts/install-browsers.sh" (Debian's chromium) or set CHROMIUM_PATH`);
  console.log('Building the extension (wxt build)…');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CI: '1' } });

  const page = readFileSync(join(ROOT, 'examples', 'demo-page.html'), 'utf8');
  const server = await startFixtureServer({ routes: [{ host: HOST, pathname: PATH, body: () => page }] });
  const profile = mkdtempSync(join(tmpdir(), 'trich-luc-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // extensions need the new headless mode, asked for below
    viewport: { width: 1280, height: 900 },
    args: [...(headless ? ['--headless=new'] : []), ...extensionArgs(EXTENSION_DIR), `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${server.port}`],
  });
  try {
    const worker = await extensionWorker(context);
    const tab = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    const url = `http://${HOST}${PATH}`;
    await tab.goto(url);
    // The content script runs at document_idle and highlights in idle-time chunks.
    await tab.waitForFunction(() => (CSS.highlights?.get('trichluc-figure')?.size ?? 0) > 0, undefined, { timeout: 15_000 });
    await tab.waitForTimeout(500);
    const counts = await tab.evaluate(() => ({
      documents: CSS.highlights.get('trichluc-document')?.size ?? 0,
      figures: CSS.highlights.get('trichluc-figure')?.size ?? 0,
      firstFigure: (() => {
        // Highlights may hold StaticRanges: make a live Range to measure.
        const first = [...(CSS.highlights.get('trichluc-figure') ?? [])][0] as AbstractRange | undefined;
        if (!first) return null;
        const range = document.createRange();
        range.setStart(first.startContainer, first.startOffset);
        range.setEnd(first.endContainer, first.endOffset);
        const box = range.getClientRects()[0];
        return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2, text: range.toString() } : null;
      })(),
    }));
    await tab.bringToFront();
    // Evaluated in the service worker, where `chrome` is the extension API.
    const badge = await worker.evaluate<string>(`(async () => {
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return active?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: active.id });
    })()`);
    if (counts.firstFigure) {
      await tab.mouse.move(counts.firstFigure.x, counts.firstFigure.y);
      await tab.waitForSelector('trich-luc-ui', { state: 'attached', timeout: 5_000 }).catch(() => undefined);
      await tab.waitForTimeout(700);
    }
    mkdirSync(OUT_DIR, { recursive: true });
    const shot = join(OUT_DIR, 'demo.png');
    await tab.screenshot({ path: shot });

    console.log(`\nTrích Lục on ${url}`);
    console.log(`  highlighted: ${counts.documents} cited documents, ${counts.figures} figures`);
    console.log(`  toolbar badge: ${badge || '(none)'}`);
    if (counts.firstFigure) console.log(`  card opened on hover over "${counts.firstFigure.text}"`);
    console.log(`  page errors: ${errors.length === 0 ? 'none' : errors.join(' | ')}`);
    console.log(`  screenshot: ${shot}`);
    if (!headless) {
      console.log('\nThe browser stays open: hover a highlight, try Alt+Shift+N, open the toolbar popup. Ctrl+C ends.');
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        context.once('close', () => done());
      });
    }
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
