/**
 * The in-page side of `npm run bench -- page`, bundled by esbuild into one IIFE
 * (./bundle.ts) and evaluated in the page's main world once the page has loaded. It
 * defines `window.__trichLucBench`, which runs the three contenders side by side on
 * the same document and returns their times:
 *
 * - ours: the content script's own code path, `PageSession` from lib/page with
 *   `extractArticle` (lib/article) and `recognize` (lib/recognize), exactly as
 *   lib/page/content.ts wires it — detection, extraction, recognition and highlight
 *   registration (CSS Custom Highlights), the page's palette and our stylesheet. Only
 *   the idle-time scheduler is replaced by one that runs the next step at once
 *   (a microtask), so the time is the CPU cost of the pass and not the idle gaps the
 *   real scheduler leaves between its steps on purpose.
 * - Readability: `new Readability(document.cloneNode(true)).parse()`, clone included.
 * - mark.js: `markRanges` with exactly the ranges our pass highlighted (converted to
 *   mark.js's text offsets), on a fresh copy of the page's <body>, so that its
 *   wrapping never touches the DOM the other two read.
 *
 * Every timed region ends with a forced style and layout flush, so each contender pays
 * for the style and layout work its changes leave to the browser: the restyle our
 * stylesheet causes, nothing for Readability (a detached clone), the re-layout of the
 * wrapped text for mark.js. Each contender's time then adds the next frame's rendering
 * (`frameMs`): for ours the Highlight API's markers and their painting, for mark.js the
 * painting of its <mark>s, for Readability a frame with nothing new in it. Our pass's
 * teardown (taking its stylesheet and highlights off again) is flushed outside every
 * timed region, so that no contender pays for another's leftovers.
 */
import { Readability } from '@mozilla/readability';
import Mark from 'mark.js';
import { extractArticleSteps, type Article, type Steps } from '../../lib/article';
import type { IdleScheduler } from '../../lib/highlight/schedule';
import { PageSession } from '../../lib/page/session';
import { recognize } from '../../lib/recognize';

export interface RunOptions {
  /** Untimed rounds first, so that every contender's code is compiled. */
  warmup: number;
  samples: number;
  /** Stop taking samples (keeping at least 3) once this much time has gone. */
  budgetMs: number;
}

export interface Sample {
  /** Each contender's time includes the rendering of the frame after it (the `…FrameMs`). */
  oursMs: number;
  /** Of ours: in `extractArticle` (detection and extraction). */
  extractMs: number;
  /** Of ours: in `recognize`, over all the slices of the text. */
  recognizeMs: number;
  readabilityMs: number;
  markMs: number;
  /** The main-thread rendering of the frame after each contender (style, layout, markers, paint). */
  oursFrameMs: number;
  readabilityFrameMs: number;
  markFrameMs: number;
}

export interface PageReport {
  /** Per timed round. */
  samples: Sample[];
  /** The first round, before any code was compiled: what one page load costs. */
  cold: Sample;
  /** What our pass found on the page. */
  ours: {
    isArticle: boolean;
    template: string;
    title: string | null;
    textLength: number;
    entities: number;
    documents: number;
    /**
     * CSS.highlights sizes in the frame after the pass: the entity counts, or past
     * FOLLOW_THRESHOLD entities the window near the viewport (lib/highlight/viewport.ts).
     */
    highlighted: { documents: number; figures: number };
  };
  readability: { title: string | null; textLength: number };
  mark: {
    /** Ranges handed to mark.js. */
    ranges: number;
    /** <mark> elements it created (an entity across element boundaries needs several). */
    elements: number;
    /** Ranges whose marks read exactly the entity's text. */
    exact: number;
  };
  /** Elements and text nodes in <body>: the size of the DOM every contender works on. */
  dom: { elements: number; textNodes: number };
}

interface Pass {
  /** Still running (its highlights on the page): destroyed by the caller once its frame is measured. */
  session: PageSession;
  ms: number;
  extractMs: number;
  recognizeMs: number;
  article: Article;
  ranges: AbstractRange[];
  documents: number;
  highlighted: { documents: number; figures: number };
}

/** Runs each idle step as soon as the previous one yields: the pass's CPU time, no idle gaps. */
const immediate: IdleScheduler = (callback) => {
  let live = true;
  queueMicrotask(() => {
    if (live) callback({ timeRemaining: () => 50 });
  });
  return () => {
    live = false;
  };
};

/** Makes the browser recompute style and layout now, as it would before the next frame. */
function flush(): void {
  void document.documentElement.getBoundingClientRect();
  void document.body.offsetHeight;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * How long the next frame's rendering takes on the main thread: from the start of its
 * animation-frame callbacks to the first task after it (a message posted from them),
 * which covers the frame's style, layout, highlight markers, pre-paint, paint and commit.
 */
function frameMs(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const t0 = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now() - t0);
      };
      channel.port2.postMessage(null);
    }),
  );
}

/** How many ranges each of our entity highlights holds now. */
function highlightSizes(): { documents: number; figures: number } {
  const size = (name: string) => CSS.highlights.get(name)?.size ?? 0;
  return { documents: size('trichluc-document'), figures: size('trichluc-figure') };
}

/** `steps`, passing the time spent in each of its steps to `add`. */
function* timed<T>(steps: Steps<T>, add: (ms: number) => void): Steps<T> {
  for (;;) {
    const t = performance.now();
    const r = steps.next();
    add(performance.now() - t);
    if (r.done) return r.value;
    yield;
  }
}

/** The content script's pass, timed from the start of the session to its report. */
function oursOnce(): Promise<Pass> {
  return new Promise((resolve, reject) => {
    let session: PageSession | null = null;
    let extractMs = 0;
    let recognizeMs = 0;
    const t0 = performance.now();
    try {
      session = new PageSession({
        doc: document,
        url: () => location.href,
        // Each step of the reading timed on its own: a big page is read over several idle steps.
        extract: (doc, url) => timed(extractArticleSteps(doc, url), (ms) => (extractMs += ms)),
        recognize: (text) => {
          const t = performance.now();
          const entities = recognize(text);
          recognizeMs += performance.now() - t;
          return entities;
        },
        // Only the card reads messages, and no card opens here.
        t: (name) => name,
        locale: 'vi',
        schedule: immediate,
        onAnnotated: (summary) => {
          flush();
          const ms = performance.now() - t0;
          const s = session as unknown as { article: Article; annotation: { placed: { range: AbstractRange }[] } };
          const pass: Pass = {
            session: session!,
            ms,
            extractMs,
            recognizeMs,
            article: s.article,
            ranges: s.annotation.placed.map((p) => p.range),
            documents: summary.entities.filter((e) => e.kind === 'document').length,
            highlighted: highlightSizes(),
          };
          resolve(pass);
        },
      });
      session.start();
      // A big page is still being read ('annotating', no metadata yet); anything else is no article.
      if (session.summary().state !== 'annotating') {
        session.destroy();
        reject(new Error(`not taken for an article (state ${session.summary().state})`));
      }
    } catch (error) {
      session?.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Takes our pass off the page, and lets the browser restyle for it untimed. */
function teardown(pass: Pass): void {
  pass.session.destroy();
  flush();
}

function readabilityOnce(): { ms: number; title: string | null; textLength: number } {
  const t0 = performance.now();
  const parsed = new Readability(document.cloneNode(true) as Document).parse();
  flush();
  const ms = performance.now() - t0;
  return { ms, title: parsed?.title ?? null, textLength: parsed?.textContent?.length ?? 0 };
}

const MARK_EXCLUDED = 'script, style, title, head, html';

/**
 * Our ranges as mark.js offsets: mark.js concatenates the text nodes of its contexts
 * (lead, then body) in document order, leaving out those whose parent is script,
 * style, title, head or html, and counts offsets in that string.
 */
function markRangesFor(contexts: Element[], ranges: AbstractRange[]): { start: number; length: number }[] {
  const startOf = new Map<Node, number>();
  let length = 0;
  for (const ctx of contexts) {
    const walker = document.createTreeWalker(ctx, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n.parentNode as Element).matches(MARK_EXCLUDED)) continue;
      startOf.set(n, length);
      length += (n as Text).data.length;
    }
  }
  const out: { start: number; length: number }[] = [];
  for (const r of ranges) {
    const a = startOf.get(r.startContainer);
    const b = startOf.get(r.endContainer);
    if (a === undefined || b === undefined) continue;
    const start = a + r.startOffset;
    const end = b + r.endOffset;
    if (end > start) out.push({ start, length: end - start });
  }
  return out;
}

function markOnce(contexts: Element[], ranges: { start: number; length: number }[], texts: string[]) {
  // mark.js sorts and rewrites the objects it is given
  const given = ranges.map((r, i) => ({ ...r, i }));
  const marked = new Map<number, string>();
  let elements = 0;
  const t0 = performance.now();
  new Mark(contexts).markRanges(given, {
    each: (element, range) => {
      elements++;
      marked.set(range.i, (marked.get(range.i) ?? '') + element.textContent);
    },
  });
  flush();
  const ms = performance.now() - t0;
  let exact = 0;
  for (const [i, text] of marked) if (text === texts[i]) exact++;
  return { ms, elements, exact };
}

async function run(options: RunOptions): Promise<PageReport> {
  // The page as loaded; every round starts from a fresh copy of it.
  const pristine = document.body.cloneNode(true) as HTMLElement;
  const restore = async () => {
    document.body.replaceWith(pristine.cloneNode(true));
    flush();
    await tick();
  };
  const gc = (globalThis as { gc?: () => void }).gc;

  const samples: Sample[] = [];
  let cold: Sample | null = null;
  let last: { pass: Pass; readability: ReturnType<typeof readabilityOnce>; mark: ReturnType<typeof markOnce>; ranges: number } | null = null;
  const started = performance.now();
  for (let round = 0; round < options.warmup + options.samples; round++) {
    if (round > options.warmup + 2 && performance.now() - started > options.budgetMs) break;
    // A fresh copy of the body: the previous round's mark.js wrapped the last one.
    if (round > 0) await restore();
    gc?.();
    const pass = await oursOnce();
    const oursFrameMs = await frameMs();
    // Read after the frame: past FOLLOW_THRESHOLD entities the window near the viewport is registered in it.
    pass.highlighted = highlightSizes();
    // The ranges are read (for mark.js) before the session that placed them goes.
    const passRanges = pass.ranges;
    teardown(pass);
    gc?.();
    await tick();
    await frameMs();
    const readability = readabilityOnce();
    const readabilityFrameMs = await frameMs();
    // mark.js gets the article our pass found, and the same ranges, in its own offsets.
    const contexts = [pass.article.lead, pass.article.body].filter((e): e is Element => e !== null);
    const ranges = markRangesFor(contexts, passRanges);
    const texts = passRanges.map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
    gc?.();
    await tick();
    await frameMs();
    const mark = markOnce(contexts, ranges, texts);
    const markFrameMs = await frameMs();
    const sample: Sample = {
      oursMs: pass.ms + oursFrameMs,
      extractMs: pass.extractMs,
      recognizeMs: pass.recognizeMs,
      readabilityMs: readability.ms + readabilityFrameMs,
      markMs: mark.ms + markFrameMs,
      oursFrameMs,
      readabilityFrameMs,
      markFrameMs,
    };
    cold ??= sample;
    if (round >= options.warmup) samples.push(sample);
    last = { pass, readability, mark, ranges: ranges.length };
  }
  await restore();
  if (!last || !cold) throw new Error('no round ran');
  let elements = 0;
  let textNodes = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeType === 1 ? elements++ : textNodes++;
  const { pass, readability, mark } = last;
  return {
    samples,
    cold,
    ours: {
      isArticle: pass.article.isArticle,
      template: pass.article.template,
      title: pass.article.title,
      textLength: pass.article.text.length,
      entities: pass.ranges.length,
      documents: pass.documents,
      highlighted: pass.highlighted,
    },
    readability: { title: readability.title, textLength: readability.textLength },
    mark: { ranges: last.ranges, elements: mark.elements, exact: mark.exact },
    dom: { elements, textNodes },
  };
}

Object.defineProperty(window, '__trichLucBench', { value: { run }, configurable: true });
