/**
 * How fast `recognize()` is on article text, measured against a bare `/\d+/g` pass over
 * the same text, and how much slower it gets on hostile input of the same size.
 *
 * Everything runs in a child process (see ../runner.ts), so that an input that sends the
 * recognizer into a runaway loop is killed at a time limit and reported as a failure.
 */
import { MB, adversarialInputs, loadSamples, normalText, type Input } from '../inputs.ts';
import type { TimeOptions } from '../measure.ts';
import { format, printTable } from '../table.ts';
import { JobRunner, type Outcome } from '../runner.ts';
import type { Job, Result } from './recognize-job.ts';

export const title = 'recognize(): throughput on articles and time on hostile input';

/** The recognizer should keep at least this fraction of the bare digit pass's speed. */
const THROUGHPUT_TARGET = 1 / 5;
/** A hostile input may take at most this many times as long as normal text of its size. */
const HOSTILE_LIMIT = 3;
/** Beyond this a job is killed: an input this slow has failed whatever the exact figure. */
const TIMEOUT_MS = 60_000;
/**
 * Hostile rows are killed sooner, once well past their target, so that a recognizer
 * that is quadratic on several of them costs seconds per row, not minutes.
 */
const hostileTimeoutMs = (baselineMs: number | null) =>
  baselineMs === null ? TIMEOUT_MS : Math.min(TIMEOUT_MS, Math.max(10_000, 10 * HOSTILE_LIMIT * baselineMs));
const OPTIONS: TimeOptions = { warmup: 3, samples: 7, minSampleMs: 25, budgetMs: 5_000 };
/**
 * Prefix sizes timed for a failing hostile row, to tell a constant factor (growth n^1)
 * from a quadratic or worse scan (n^2…), which is the kind of failure to fix first.
 */
const GROWTH_SIZES = [10_000, 20_000] as const;
const GROWTH_OPTIONS: TimeOptions = { warmup: 1, warmupMs: 0, samples: 3, minSampleMs: 25, budgetMs: 2_000 };

const throughputColumns = [
  { header: 'input' },
  { header: 'chars', align: 'right' },
  { header: 'entities', align: 'right' },
  { header: 'ms', align: 'right' },
  { header: 'MB/s', align: 'right' },
  { header: '\\d+ runs', align: 'right' },
  { header: '\\d+ MB/s', align: 'right' },
  { header: 'ratio', align: 'right' },
  { header: `≥ ${format.ratio(THROUGHPUT_TARGET)}` },
] as const;

const hostileColumns = [
  { header: 'input' },
  { header: 'entities', align: 'right' },
  { header: 'ms', align: 'right' },
  { header: '× normal', align: 'right' },
  { header: `≤ ${HOSTILE_LIMIT}×` },
  { header: 'growth' },
] as const;

export async function run(): Promise<void> {
  const samples = loadSamples();
  if (samples.length === 0) throw new Error('no bench/samples/*.txt to measure on');
  const normal: Input = { name: '1 MB of the samples', text: normalText(samples, MB) };
  const runner = new JobRunner<Job, Result>(new URL('./recognize-job.ts', import.meta.url));
  const measure = async (op: Job['op'], input: Input, options = OPTIONS, timeoutMs = TIMEOUT_MS) => {
    progress(`${op}: ${input.name}`);
    return runner.run({ op, text: input.text, options }, timeoutMs);
  };
  /** The exponent k in time ∝ n^k between two prefixes of the input, or null if either failed. */
  const growth = async (input: Input, timeoutMs: number): Promise<number | null> => {
    const times: number[] = [];
    for (const size of GROWTH_SIZES) {
      const prefix = { name: `${input.name} (${format.count(size)} chars)`, text: input.text.slice(0, size) };
      const outcome = await measure('recognize', prefix, GROWTH_OPTIONS, timeoutMs);
      if (!outcome.ok) return null;
      times.push(outcome.value.medianMs);
    }
    return Math.log(times[1]! / times[0]!) / Math.log(GROWTH_SIZES[1] / GROWTH_SIZES[0]);
  };

  try {
    const throughput: string[][] = [];
    let baselineMs: number | null = null;
    for (const input of [...samples, normal]) {
      const recognized = await measure('recognize', input);
      if (!recognized.ok && !recognized.timedOut && throughput.length === 0) {
        throw new Error(`recognize() could not run: ${recognized.error}`);
      }
      const bare = await measure('bare', input);
      if (input === normal && recognized.ok) baselineMs = recognized.value.medianMs;
      throughput.push(throughputRow(input, recognized, bare));
    }
    progress(null);
    printTable({
      title: `recognize() throughput vs a bare /\\d+/g pass (target: ratio ≥ ${format.ratio(THROUGHPUT_TARGET)})`,
      columns: [...throughputColumns],
      rows: throughput,
      notes: [
        'MB = 1e6 UTF-16 code units (string length); ms = median per call after warm-up.',
        'ratio = recognize MB/s ÷ bare MB/s on the same text; "\\d+ runs" = matches of /\\d+/g.',
      ],
    });

    const hostile: string[][] = [];
    const timeoutMs = hostileTimeoutMs(baselineMs);
    for (const input of adversarialInputs(normal.text)) {
      const outcome = await measure('recognize', input, OPTIONS, timeoutMs);
      const { cells, pass } = hostileRow(outcome, baselineMs, timeoutMs, input);
      const k = pass ? null : await growth(input, timeoutMs);
      hostile.push([...cells, k === null ? '' : `n^${k.toFixed(1)}`]);
    }
    progress(null);
    printTable({
      title: `recognize() on hostile 1 MB inputs (target: ≤ ${HOSTILE_LIMIT}× normal text of the same size)`,
      columns: [...hostileColumns],
      rows: hostile,
      notes: [
        baselineMs === null
          ? 'No baseline: recognize() failed on normal text.'
          : `× normal = time ÷ ${format.ms(baselineMs)} ms, the median on 1 MB of the sample articles above.`,
        `A run is stopped after ${timeoutMs / 1000} s and counts as FAIL.`,
        `growth (failures only): k in time ∝ n^k, from ${GROWTH_SIZES.map(format.count).join(' and ')}-char prefixes; 1 is linear, 2 quadratic.`,
      ],
    });
  } finally {
    progress(null);
    runner.close();
  }
}

function throughputRow(input: Input, recognized: Outcome<Result>, bare: Outcome<Result>): string[] {
  const mbPerSecond = (ms: number) => format.rate(input.text.length / MB / (ms / 1000));
  const cells = [input.name, format.count(input.text.length)];
  if (recognized.ok) {
    const { last, medianMs } = recognized.value;
    cells.push(format.count(last), format.ms(medianMs), mbPerSecond(medianMs));
  } else {
    cells.push(failure(recognized), '', '');
  }
  if (bare.ok) cells.push(format.count(bare.value.last), mbPerSecond(bare.value.medianMs));
  else cells.push(failure(bare), '');
  if (recognized.ok && bare.ok) {
    const ratio = bare.value.medianMs / recognized.value.medianMs;
    cells.push(format.ratio(ratio), format.passFail(ratio >= THROUGHPUT_TARGET));
  } else {
    cells.push('', format.passFail(false));
  }
  return cells;
}

function hostileRow(
  outcome: Outcome<Result>,
  baselineMs: number | null,
  timeoutMs: number,
  input: Input,
): { cells: string[]; pass: boolean } {
  if (!outcome.ok) {
    const ratio = outcome.timedOut && baselineMs !== null ? `> ${format.ratio(timeoutMs / baselineMs)}` : '';
    return { cells: [input.name, '', failure(outcome, timeoutMs), ratio, format.passFail(false)], pass: false };
  }
  const { medianMs, last } = outcome.value;
  const ratio = baselineMs === null ? null : medianMs / baselineMs;
  const pass = ratio !== null && ratio <= HOSTILE_LIMIT;
  return {
    cells: [input.name, format.count(last), format.ms(medianMs), ratio === null ? '' : format.ratio(ratio), ratio === null ? '' : format.passFail(pass)],
    pass,
  };
}

function failure(outcome: Outcome<Result> & { ok: false }, timeoutMs = TIMEOUT_MS): string {
  return outcome.timedOut ? `> ${timeoutMs}` : `error: ${outcome.error}`;
}

/** A live "measuring …" line on a terminal; nothing when the output is piped or logged. */
function progress(what: string | null): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(what === null ? '\r\x1b[K' : `\r\x1b[Kmeasuring ${what}…`);
}
