/**
 * The extension on real pages, in real Chromium (headless, via playwright-core):
 *
 * 1. On each fixture article page (the four portal families, the generic one and the
 *    ~1 MB article), side by side on the same loaded page: our whole pass (detection,
 *    extraction, recognition, highlighting), a Mozilla Readability parse, and mark.js
 *    wrapping the same entities. The in-page harness (../page/harness.ts) says exactly
 *    what each one includes.
 * 2. On the 1 MB page with the built extension loaded: the page's main-thread tasks
 *    from a Chrome trace, each long one split into the page's own parsing, the
 *    extension's script, style/layout and paint; and what a PerformanceObserver
 *    ('longtask') installed before the page's own scripts saw.
 * 3. The content script's size, gzipped.
 *
 * Pages are served by the e2e fixture server under their real host names. Set
 * BENCH_TRACE=file.json to keep the trace of step 2 (it opens in DevTools' Performance
 * panel or ui.perfetto.dev).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FIXTURES } from '../../tests/fixtures/pages/catalog.ts';
import { readFixture } from '../../tests/fixtures/pages/make-large.ts';
import { BROWSER_EXECUTABLES } from '../../tests/e2e/paths.ts';
import { extensionArgs } from '../../tests/e2e/chromium.ts';
import { ASSET_HOSTS, PAGES, expectedFor, withoutScripts, type SitePage } from '../../tests/e2e/pages.ts';
import { startFixtureServer, type FixtureServer } from '../../tests/e2e/server.ts';
import { median } from '../measure.ts';
import { format, printTable } from '../table.ts';
import { bundleHarness } from '../page/bundle.ts';
import type { PageReport, RunOptions } from '../page/harness.ts';
import { CHROME_DIR, contentScriptSizes, ensureChromeBuild, type FileSize } from '../page/size.ts';
import { TRACE_CATEGORIES, summarizeTrace, type TaskBreakdown, type TraceEvent } from '../page/trace.ts';
import { FOLLOW_THRESHOLD, MAX_WINDOW } from '../../lib/highlight/viewport.ts';

export const title = 'the extension on fixture pages in Chromium: our pass vs Readability and mark.js, long tasks, size';

/** Our pass may take at most this fraction of a Readability parse of the same page. */
const READABILITY_TARGET = 0.2;
/** …and must be faster than mark.js wrapping the same entities. */
const MARK_TARGET = 1;
const LONG_TASK_MS = 50;
const SIZE_TARGET_BYTES = 30 * 1024;

const SMALL_PAGE: RunOptions = { warmup: 3, samples: 11, budgetMs: 15_000 };
const LARGE_PAGE: RunOptions = { warmup: 1, samples: 5, budgetMs: 120_000 };

const generic = FIXTURES.find((f) => f.file === 'generic-department-article.html')!;
const genericUrl = new URL(generic.location);
const GENERIC: SitePage = {
  name: 'generic department article',
  host: genericUrl.hostname,
  path: genericUrl.pathname + genericUrl.search,
  html: () => withoutScripts(readFixture(generic.file)),
  article: true,
  fixture: generic,
};

const ROWS: { label: string; page: SitePage; options: RunOptions }[] = [
  { label: 'NukeViet (bdv.binhphuoc.gov.vn)', page: PAGES.nukeviet, options: SMALL_PAGE },
  { label: 'Huế portal ward site', page: PAGES.hue, options: SMALL_PAGE },
  { label: 'provincial newspaper', page: PAGES.newspaper, options: SMALL_PAGE },
  { label: 'SharePoint (quangninh.gov.vn)', page: PAGES.sharepoint, options: SMALL_PAGE },
  { label: 'generic (snnptnt.binhphuoc.gov.vn)', page: GENERIC, options: SMALL_PAGE },
  { label: '~1 MB article (NukeViet)', page: PAGES.large, options: LARGE_PAGE },
];

const pageUrl = (page: SitePage) => `http://${page.host}${page.path}`;

function resolverRules(server: FixtureServer): string {
  return server.hosts.map((host) => `MAP ${host} 127.0.0.1:${server.port}`).join(', ');
}

export async function run(): Promise<void> {
  progress('building the extension');
  const build = ensureChromeBuild();
  progress('bundling the in-page harness');
  const harness = await bundleHarness();
  const pages = [...ROWS.map((r) => r.page)];
  const routes = pages.flatMap((p) => (p.html ? [{ host: p.host, pathname: new URL(pageUrl(p)).pathname, body: p.html }] : []));
  const server = await startFixtureServer({ routes, assetHosts: ASSET_HOSTS });
  try {
    await sideBySide(server, harness);
    await longTasks(server);
  } finally {
    progress(null);
    await server.close();
  }
  sizes(build);
}

// --- 1. side by side -----------------------------------------------------------

export async function sideBySide(server: FixtureServer, harness: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: BROWSER_EXECUTABLES.chromium,
    headless: true,
    args: ['--no-sandbox', `--host-resolver-rules=${resolverRules(server)}`, '--js-flags=--expose-gc', '--disable-background-networking'],
  });
  const rows: string[][] = [];
  const phases: string[][] = [];
  const checks: string[] = [];
  let version = '';
  try {
    version = browser.version();
    for (const { label, page: site, options } of ROWS) {
      progress(`${label}: our pass, Readability, mark.js`);
      const report = await measurePage(browser, site, harness, options);
      const ours = median(report.samples.map((s) => s.oursMs));
      const readability = median(report.samples.map((s) => s.readabilityMs));
      const mark = median(report.samples.map((s) => s.markMs));
      const vsReadability = ours / readability;
      const vsMark = ours / mark;
      rows.push([
        label,
        report.ours.template,
        format.count(report.ours.textLength),
        format.count(report.ours.entities),
        format.ms(ours),
        format.ms(readability),
        format.ms(mark),
        format.ratio(vsReadability),
        format.passFail(vsReadability <= READABILITY_TARGET),
        format.ratio(vsMark),
        format.passFail(vsMark < MARK_TARGET),
      ]);
      const extract = median(report.samples.map((s) => s.extractMs));
      const recognizeMs = median(report.samples.map((s) => s.recognizeMs));
      const frame = median(report.samples.map((s) => s.oursFrameMs));
      const rest = median(report.samples.map((s) => s.oursMs - s.oursFrameMs - s.extractMs - s.recognizeMs));
      phases.push([
        label,
        format.ms(ours),
        format.ms(extract),
        format.ms(recognizeMs),
        format.ms(rest),
        format.ms(frame),
        format.ms(median(report.samples.map((s) => s.readabilityFrameMs))),
        format.ms(median(report.samples.map((s) => s.markFrameMs))),
      ]);
      const { highlighted, entities, documents } = report.ours;
      const problems: string[] = [];
      const registered = highlighted.documents + highlighted.figures;
      const following = entities > FOLLOW_THRESHOLD;
      if (following ? registered === 0 || registered > MAX_WINDOW : highlighted.documents !== documents || highlighted.figures !== entities - documents) {
        problems.push(`highlights registered ${highlighted.documents}+${highlighted.figures}, entities ${documents}+${entities - documents}`);
      }
      if (report.mark.ranges !== entities || report.mark.exact !== entities) {
        problems.push(`mark.js got ${report.mark.ranges} of ${entities} ranges, ${report.mark.exact} marked exactly`);
      }
      checks.push(
        `${label}: ${report.samples.length} rounds; first (cold) round: ours ${format.ms(report.cold.oursMs)}, ` +
          `Readability ${format.ms(report.cold.readabilityMs)}, mark.js ${format.ms(report.cold.markMs)} ms; DOM ${format.count(report.dom.elements)} elements, ` +
          `${format.count(report.dom.textNodes)} text nodes; ${documents} documents + ${entities - documents} figures found, ` +
          (following ? `${format.count(registered)} near the viewport registered; ` : 'all registered; ') +
          `mark.js made ${format.count(report.mark.elements)} <mark>s for ${format.count(report.mark.ranges)} ranges` +
          (problems.length > 0 ? ` — CHECK: ${problems.join('; ')}` : ', every one reading exactly the entity text'),
      );
    }
  } finally {
    await browser.close();
  }
  progress(null);
  printTable({
    title: `Our pass vs Readability and mark.js, same page, same run (Chromium ${version}; targets: ours ≤ ${format.ratio(READABILITY_TARGET)} × Readability, < ${MARK_TARGET} × mark.js)`,
    columns: [
      { header: 'page' },
      { header: 'template' },
      { header: 'chars', align: 'right' },
      { header: 'entities', align: 'right' },
      { header: 'ours ms', align: 'right' },
      { header: 'Readability ms', align: 'right' },
      { header: 'mark.js ms', align: 'right' },
      { header: 'ours/R', align: 'right' },
      { header: `≤ ${format.ratio(READABILITY_TARGET)}` },
      { header: 'ours/mark', align: 'right' },
      { header: `< ${MARK_TARGET}` },
    ],
    rows,
    notes: [
      'ms = median over the rounds; each round runs all three on a fresh copy of the page\'s <body>, after untimed warm-up rounds.',
      'ours = PageSession (lib/page) as the content script runs it: extractArticle + recognize + CSS highlight registration,',
      '  bundled with esbuild from the same sources and run in the page; idle steps run back to back (CPU time, no idle gaps).',
      'Readability = new Readability(document.cloneNode(true)).parse(), clone included.',
      'mark.js = markRanges() over our article element(s) with exactly our entity ranges (wrapping in <mark>).',
      'Every timed region ends with a forced style + layout flush (ours pays the restyle its stylesheet causes, mark.js its re-layout),',
      '  and each contender\'s time adds the main-thread rendering of the frame after it (markers and painting: see the next table).',
      ...checks,
    ],
  });
  printTable({
    title: 'Where our pass goes (ms, medians of the same rounds)',
    columns: [
      { header: 'page' },
      { header: 'ours ms', align: 'right' },
      { header: 'extractArticle', align: 'right' },
      { header: 'recognize', align: 'right' },
      { header: 'the rest', align: 'right' },
      { header: 'its frame', align: 'right' },
      { header: 'R frame', align: 'right' },
      { header: 'mark.js frame', align: 'right' },
    ],
    rows: phases,
    notes: [
      'the rest = ranges and highlight registration, our stylesheet (adopting it restyles the whole page: the forced flush pays for it),',
      '  the page palette, watchers and session bookkeeping. The page\'s timer is coarsened to 0.1 ms, so small values are ±0.1.',
      'its frame / R frame / mark.js frame = the next frame\'s rendering after ours (Chromium turns every registered range into',
      '  markers, then paints), after Readability (nothing changed), after mark.js (paints its <mark>s); included in each one\'s ms.',
    ],
  });
}

async function measurePage(browser: Browser, site: SitePage, harness: string, options: RunOptions): Promise<PageReport> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pageUrl(site), { waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(harness);
    const report = await page.evaluate(
      (opts) => (window as unknown as { __trichLucBench: { run(o: RunOptions): Promise<PageReport> } }).__trichLucBench.run(opts),
      options,
    );
    if (errors.length > 0) throw new Error(`${site.name}: the page reported errors: ${errors.join('; ')}`);
    return report;
  } finally {
    await context.close();
  }
}

// --- 2. long tasks on the 1 MB page, real extension -----------------------------

/** Installed before the page's own scripts: every long task the page itself can see. */
const LONG_TASK_OBSERVER = `(() => {
  const seen = [];
  const keep = (entries) => { for (const e of entries) seen.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) }); };
  let observer = null;
  try {
    observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
  } catch {}
  Object.defineProperty(window, '__trichLucLongTasks', { value: () => { if (observer) keep(observer.takeRecords()); return seen.slice(); } });
})();`;

const HIGHLIGHT_COUNT = `(CSS.highlights.get('trichluc-document')?.size ?? 0) + (CSS.highlights.get('trichluc-figure')?.size ?? 0)`;

interface TracedLoad {
  events: TraceEvent[];
  /** Entity highlights registered when the work was done (0 without the extension). */
  highlighted: number;
  /** ms after navigation when the highlights were complete (or the wait ended). */
  doneAtMs: number;
  /** What the page's PerformanceObserver('longtask') saw. */
  pageSaw: { at: number; ms: number }[];
}

/**
 * Loads `site` in a fresh Chromium profile, with or without the built extension, under
 * a Chrome trace; with it, waits until the highlights are complete (`expected`
 * entities, or no change for 2 s), without it for the same time.
 */
async function traceLoad(server: FixtureServer, site: SitePage, extension: boolean, expected: number, waitMs: number): Promise<TracedLoad> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'trich-luc-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: BROWSER_EXECUTABLES.chromium,
    headless: true,
    viewport: { width: 1280, height: 900 },
    // Without the extension, the same switches less the two that load it.
    args: [
      ...extensionArgs(CHROME_DIR).filter((arg) => extension || !arg.includes('extension')),
      `--host-resolver-rules=${resolverRules(server)}`,
    ],
  });
  const events: TraceEvent[] = [];
  try {
    // The extension's service worker must be up before the page loads.
    if (extension && !context.serviceWorkers().some((w) => w.url().startsWith('chrome-extension://'))) {
      await context.waitForEvent('serviceworker', { timeout: 15_000 });
    }
    await context.addInitScript(LONG_TASK_OBSERVER);
    const page: Page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    cdp.on('Tracing.dataCollected', (data) => {
      events.push(...(data.value as unknown as TraceEvent[]));
    });
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
      transferMode: 'ReportEvents',
    });
    const started = Date.now();
    await page.goto(pageUrl(site), { waitUntil: 'load', timeout: 60_000 });
    let highlighted = 0;
    if (extension) {
      // Done once the toolbar button names every expected entity (the highlights near the
      // viewport are registered long before: their count says nothing about the end), or
      // nothing changes for 2 s.
      const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))!;
      const title = () =>
        // Every tab's title: without the "tabs" permission the page's tab has no url to pick it by.
        worker.evaluate<string>(`(async () => {
          const tabs = await chrome.tabs.query({});
          return (await Promise.all(tabs.map((t) => chrome.action.getTitle({ tabId: t.id })))).join(' | ');
        })()`);
      const counts = expectedCounts(site);
      let stable = 0;
      for (let last = ''; Date.now() - started < 60_000; await page.waitForTimeout(100)) {
        const now = await title().catch(() => '');
        stable = now === last ? stable + 1 : 0;
        last = now;
        if ((now.includes(String(counts.documents)) && now.includes(String(counts.figures))) || stable >= 20) break;
      }
      highlighted = await page.evaluate<number>(HIGHLIGHT_COUNT);
    } else {
      await page.waitForTimeout(Math.max(0, waitMs - (Date.now() - started)));
    }
    const doneAtMs = Date.now() - started;
    // Let the frames after the last highlights be painted before the trace ends.
    await page.waitForTimeout(1000);
    const pageSaw = await page.evaluate<{ at: number; ms: number }[]>('window.__trichLucLongTasks()');
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return { events, highlighted, doneAtMs, pageSaw };
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

function expectedCounts(site: SitePage): { documents: number; figures: number } {
  const entities = expectedFor(site);
  const documents = entities.filter((e) => e.kind === 'document').length;
  return { documents, figures: entities.length - documents };
}

export async function longTasks(server: FixtureServer): Promise<void> {
  const site = PAGES.large;
  progress('1 MB page: expected entities (linkedom)');
  const expected = expectedFor(site).length;
  progress('1 MB page with the extension: tracing');
  const ours = await traceLoad(server, site, true, expected, 0);
  progress('1 MB page without the extension: tracing');
  const alone = await traceLoad(server, site, false, 0, ours.doneAtMs);
  progress(null);
  if (process.env.BENCH_TRACE) await writeFile(process.env.BENCH_TRACE, JSON.stringify({ traceEvents: ours.events }));

  const summary = summarizeTrace(ours.events, pageUrl(site), LONG_TASK_MS);
  const baseline = summarizeTrace(alone.events, pageUrl(site), LONG_TASK_MS);
  if (!summary || !baseline) throw new Error('the trace has no main thread that parsed the 1 MB page');
  const firstOurs = summary.extensionStartMs;
  const whose = (t: TaskBreakdown): string => {
    if (t.extensionMs > 0) return 'extension (its script)';
    if (firstOurs !== null && t.atMs > firstOurs && t.paintMs + t.styleLayoutMs > t.ms / 2) return 'extension (painting its highlights)';
    if (t.parseHtmlMs + t.styleLayoutMs > t.ms / 2) return 'page (parsing, first layout)';
    return 'page / browser';
  };
  const cells = (t: TaskBreakdown, label: string) => [
    format.ms(t.atMs),
    format.ms(t.ms),
    format.ms(t.parseHtmlMs),
    format.ms(t.extensionMs),
    format.ms(t.pageScriptMs),
    format.ms(t.styleLayoutMs),
    format.ms(t.paintMs),
    format.ms(t.otherMs),
    label,
  ];
  const rows = [
    ...summary.longTasks.map((t) => cells(t, whose(t))),
    ...baseline.longTasks.map((t) => cells(t, 'same page, no extension')),
  ];
  const attributable = summary.longTasks.filter((t) => whose(t).startsWith('extension'));
  printTable({
    title: `Main-thread tasks over ${LONG_TASK_MS} ms on the ~1 MB article, with the extension, then without (target: none attributable to the extension)`,
    columns: [
      { header: 'at ms', align: 'right' },
      { header: 'task ms', align: 'right' },
      { header: 'parse HTML', align: 'right' },
      { header: 'extension JS', align: 'right' },
      { header: 'other JS', align: 'right' },
      { header: 'style+layout', align: 'right' },
      { header: 'paint', align: 'right' },
      { header: 'rest', align: 'right' },
      { header: 'whose' },
    ],
    rows,
    notes: [
      'From Chrome traces of the page\'s main thread: each task (RunTask) and what ran in it, in ms; at = start after navigation.',
      'extension JS = time V8\'s sampling profiler (in the trace) found extension script on the stack; rest = the task\'s time outside every event counted.',
      `"painting its highlights" = a paint-bound task after the extension started; the run without the extension has ${baseline.longTasks.filter((t) => t.atMs > (firstOurs ?? Infinity)).length} long task(s) after that point.`,
      `With the extension: all ${format.count(expected)} expected entities found ${format.count(ours.doneAtMs)} ms after navigation ` +
        `(toolbar title), ${format.count(ours.highlighted)} of them near the viewport registered; ` +
        `its script ran in ${summary.extensionTasks} tasks, ${format.ms(summary.extensionScriptMs)} ms in all, over ${format.ms(summary.extensionSpanMs)} ms; ` +
        `longest task with its script: ${format.ms(summary.longestExtensionTaskMs)} ms.`,
      `The page's own PerformanceObserver('longtask') saw, with the extension: ${describeSeen(ours.pageSaw)}; without: ${describeSeen(alone.pageSaw)}.`,
      `Result: ${format.passFail(attributable.length === 0)} — ` +
        (attributable.length === 0
          ? `no task over ${LONG_TASK_MS} ms is the extension's.`
          : `${attributable.length} task(s) over ${LONG_TASK_MS} ms are the extension's: ` +
            attributable.map((t) => `${format.ms(t.ms)} ms at ${format.ms(t.atMs)} ${whose(t).replace('extension ', '')}`).join(', ') + '.'),
    ],
  });
}

function describeSeen(seen: { at: number; ms: number }[]): string {
  return seen.length === 0 ? 'none' : seen.map((t) => `${t.ms} ms at ${t.at}`).join(', ');
}

// --- 3. size ---------------------------------------------------------------------

/** When each script the content script loads on demand is loaded (lib/page/lazy.ts). */
const LOADED_WHEN: Record<string, string> = {
  'recognizer.js': 'once a page is an article',
  'card.js': 'when a card first opens',
};

export function sizes(build: 'built' | 'up to date'): void {
  const { script, lazy } = contentScriptSizes();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const row = (f: FileSize, when: string, target = '', verdict = '') => [f.file, when, kb(f.bytes), kb(f.gzipBytes), target, verdict];
  const rows = [row(script, 'on every matching page', `≤ ${kb(SIZE_TARGET_BYTES)}`, format.passFail(script.gzipBytes <= SIZE_TARGET_BYTES))];
  for (const f of lazy) rows.push(row(f, LOADED_WHEN[f.file] ?? 'on demand'));
  const recognizer = lazy.find((f) => f.file === 'recognizer.js');
  const all = script.gzipBytes + lazy.reduce((n, f) => n + f.gzipBytes, 0);
  printTable({
    title: `Content script size, gzipped (target ≤ ${kb(SIZE_TARGET_BYTES)})`,
    columns: [
      { header: 'file' },
      { header: 'loaded' },
      { header: 'minified', align: 'right' },
      { header: 'gzip -9', align: 'right' },
      { header: 'target' },
      { header: '' },
    ],
    rows,
    notes: [
      `From .output/chrome-mv3 (${build === 'built' ? 'built just now' : 'an up-to-date build'}); KB = 1024 bytes.`,
      ...(recognizer
        ? [
            `An article page loads content.js + recognizer.js = ${kb(script.gzipBytes + recognizer.gzipBytes)} gzipped before any card; ` +
              `with a card open, ${kb(all)} in all.`,
          ]
        : lazy.length > 0
          ? [`A page with a card open has loaded ${kb(all)} gzipped in all.`]
          : []),
    ],
  });
}

/** A live "measuring …" line on a terminal; nothing when the output is piped or logged. */
function progress(what: string | null): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(what === null ? '\r\x1b[K' : `\r\x1b[K${what}…`);
}
