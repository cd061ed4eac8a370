/**
 * Reads a Chrome trace (CDP `Tracing`, categories below) for the tasks of one page's
 * main thread, and says what each long one was spent on: the page's own HTML parsing,
 * the extension's script, style and layout, painting, or anything else.
 */

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  // V8's sampling profiler, in the trace: which script each moment of a task ran.
  'disabled-by-default-v8.cpu_profiler',
];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & {
    data?: { url?: string; frame?: string; stackTrace?: { url?: string }[] };
    beginData?: { url?: string; frame?: string };
    name?: string;
  };
}

/** One task of the main thread, in ms, and where its time went. */
export interface TaskBreakdown {
  /** Start, in ms after the page's navigation began. */
  atMs: number;
  ms: number;
  parseHtmlMs: number;
  /** Time the sampling profiler found extension script (chrome-extension://…) on the stack. */
  extensionMs: number;
  /** Other script and microtasks: the page's own, or the bench's observers. */
  pageScriptMs: number;
  styleLayoutMs: number;
  paintMs: number;
  /** What else ran: the task's own time outside the events above. */
  otherMs: number;
}

export interface TraceSummary {
  /** Every task of the page's main thread over 50 ms. */
  longTasks: TaskBreakdown[];
  /** Tasks in which the extension's script ran. */
  extensionTasks: number;
  /** The longest of those, whole task. */
  longestExtensionTaskMs: number;
  /** Script time of the extension over the whole trace. */
  extensionScriptMs: number;
  /** From the extension's first script sample to its last, ms. */
  extensionSpanMs: number;
  /** When the extension's script first ran, ms after navigation (null: never). */
  extensionStartMs: number | null;
}

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.callFunction', 'v8.run', 'CompileScript', 'v8.evaluateModule', 'EvaluateModule']);
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'ScheduleStyleRecalculation', 'InvalidateLayout']);
const PAINT = new Set(['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'PaintImage', 'CompositeLayers', 'Commit', 'UpdateLayerTree']);

/** Total length of the union of intervals [start, end) (µs). */
function covered(intervals: [number, number][]): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = -Infinity;
  let end = -Infinity;
  for (const [s, e] of intervals) {
    if (s > end) {
      if (end > start) total += end - start;
      start = s;
      end = e;
    } else if (e > end) {
      end = e;
    }
  }
  if (end > start) total += end - start;
  return total;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/**
 * Moments (µs, trace clock) at which V8's sampling profiler found extension script on
 * the stack of thread (pid, tid), each with the time until the next sample. Trace
 * events alone cannot say this: a promise continuation of ours runs inside a
 * "RunMicrotasks" event that names no script.
 */
function extensionSamples(events: TraceEvent[], pid: number, tid: number): [number, number][] {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  const id = (profile as TraceEvent & { id?: string }).id;
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && (e as TraceEvent & { id?: string }).id === id);
  const parent = new Map<number, number | undefined>();
  const url = new Map<number, string>();
  let t = (profile.args?.data as ProfileData | undefined)?.startTime ?? profile.ts;
  const samples: { at: number; node: number }[] = [];
  for (const chunk of chunks.sort((a, b) => a.ts - b.ts)) {
    const data = chunk.args?.data as ProfileData | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      parent.set(node.id, node.parent);
      url.set(node.id, node.callFrame.url ?? '');
    }
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      samples.push({ at: t, node: ids[i]! });
    }
  }
  const ours = new Map<number, boolean>();
  const isOurs = (node: number | undefined): boolean => {
    if (node === undefined) return false;
    let known = ours.get(node);
    if (known === undefined) {
      known = /^chrome-extension:\/\//.test(url.get(node) ?? '') || isOurs(parent.get(node));
      ours.set(node, known);
    }
    return known;
  };
  const out: [number, number][] = [];
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const next = samples[i + 1]?.at ?? s.at;
    if (isOurs(s.node)) out.push([s.at, Math.min(next, s.at + 10_000)]);
  }
  return out;
}

/**
 * The page's main thread is the one that parsed `pageUrl`. Returns null when the trace
 * has no such thread (then nothing can be said about long tasks).
 */
export function summarizeTrace(events: TraceEvent[], pageUrl: string, longTaskMs = 50): TraceSummary | null {
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(pageUrl));
  if (!parse) return null;
  const { pid, tid } = parse;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
  const navStart = events.find((e) => e.pid === pid && e.name === 'navigationStart')?.ts ?? parse.ts;
  const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  // Outermost tasks only: the scheduler's task and the task runner's may nest.
  const tasks: TraceEvent[] = [];
  for (const e of main.filter(isTask).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const outer = tasks[tasks.length - 1];
    if (outer && e.ts < outer.ts + outer.dur!) continue;
    tasks.push(e);
  }
  const inner = main.filter((e) => !isTask(e)).sort((a, b) => a.ts - b.ts);
  const sampled = extensionSamples(events, pid, tid);
  const extensionIn = (from: number, to: number): [number, number][] =>
    sampled.filter(([s]) => s >= from && s < to).map(([s, e]) => [s, Math.min(e, to)]);

  const breakdown = (task: TraceEvent): TaskBreakdown => {
    const end = task.ts + task.dur!;
    const within = inner.filter((e) => e.ts >= task.ts && e.ts < end);
    const clip = (e: TraceEvent): [number, number] => [e.ts, Math.min(e.ts + e.dur!, end)];
    const parseHtml = covered(within.filter((e) => e.name === 'ParseHTML').map(clip));
    const extension = covered(extensionIn(task.ts, end));
    const allScript = covered(within.filter((e) => SCRIPT_EVENTS.has(e.name) || e.name === 'RunMicrotasks').map(clip));
    const styleLayout = covered(within.filter((e) => STYLE_LAYOUT.has(e.name)).map(clip));
    const paint = covered(within.filter((e) => PAINT.has(e.name)).map(clip));
    const everything = covered([
      ...within
        .filter((e) => e.name === 'ParseHTML' || SCRIPT_EVENTS.has(e.name) || e.name === 'RunMicrotasks' || STYLE_LAYOUT.has(e.name) || PAINT.has(e.name))
        .map(clip),
      ...extensionIn(task.ts, end),
    ]);
    const ms = (us: number) => us / 1000;
    return {
      atMs: ms(task.ts - navStart),
      ms: ms(task.dur!),
      parseHtmlMs: ms(parseHtml),
      extensionMs: ms(extension),
      pageScriptMs: ms(Math.max(0, allScript - extension)),
      styleLayoutMs: ms(styleLayout),
      paintMs: ms(paint),
      otherMs: ms(Math.max(0, task.dur! - everything)),
    };
  };

  const all = tasks.map(breakdown);
  const extensionTasks = all.filter((t) => t.extensionMs > 0);
  const first = sampled[0];
  const last = sampled[sampled.length - 1];
  return {
    longTasks: all.filter((t) => t.ms > longTaskMs),
    extensionTasks: extensionTasks.length,
    longestExtensionTaskMs: Math.max(0, ...extensionTasks.map((t) => t.ms)),
    extensionScriptMs: covered(sampled) / 1000,
    extensionSpanMs: first && last ? (last[1] - first[0]) / 1000 : 0,
    extensionStartMs: first ? (first[0] - navStart) / 1000 : null,
  };
}
