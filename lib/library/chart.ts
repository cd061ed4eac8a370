/**
 * The ledger's chart of one unit over time, as numbers: the series, its scales and
 * ticks. The SVG component only draws what these return, so the drawing has no
 * arithmetic to get wrong and all of it is tested here.
 *
 * A unit can have tens of thousands of figures. Up to `maxPoints` they are drawn one dot
 * each; beyond that, one point per month at the month's median (the median, not the
 * mean, because one "1.640 tỷ đồng" among "12 tỷ đồng"s would drag a mean off every
 * other figure), with the month's count and range kept for the data table.
 */

export interface ChartInput {
  /** Epoch ms. */
  time: number;
  value: number;
}

export interface ChartPoint {
  /** Epoch ms: the figure's date, or the middle of its month for a bucket. */
  time: number;
  value: number;
  /** Figures behind the point (1 for a single figure). */
  count: number;
  min: number;
  max: number;
  /** "2024-03" for a month bucket, "2024-03-12" for a single figure (Vietnam time). */
  label: string;
}

export interface Series {
  points: ChartPoint[];
  /** Whether points are monthly medians rather than single figures. */
  bucketed: boolean;
}

const VN_OFFSET = 7 * 3_600_000;

/** "YYYY-MM-DD" of an instant in Vietnam, where every page comes from. */
export function vnDay(time: number): string {
  return new Date(time + VN_OFFSET).toISOString().slice(0, 10);
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Start of a Vietnam month in epoch ms. */
function monthStart(year: number, month0: number): number {
  return Date.UTC(year, month0, 1) - VN_OFFSET;
}

export function chartSeries(inputs: readonly ChartInput[], maxPoints = 300): Series {
  const valid = inputs.filter((p) => Number.isFinite(p.time) && Number.isFinite(p.value));
  if (valid.length <= maxPoints) {
    const points = [...valid]
      .sort((a, b) => a.time - b.time)
      .map((p) => ({ time: p.time, value: p.value, count: 1, min: p.value, max: p.value, label: vnDay(p.time) }));
    return { points, bucketed: false };
  }
  const months = new Map<string, number[]>();
  for (const p of valid) {
    const key = vnDay(p.time).slice(0, 7);
    let values = months.get(key);
    if (!values) months.set(key, (values = []));
    values.push(p.value);
  }
  const points = [...months]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([label, values]) => {
      values.sort((a, b) => a - b);
      const [y, m] = label.split('-').map(Number) as [number, number];
      const start = monthStart(y, m - 1);
      return {
        time: start + (monthStart(y, m) - start) / 2,
        value: median(values),
        count: values.length,
        min: values[0]!,
        max: values[values.length - 1]!,
        label,
      };
    });
  return { points, bucketed: true };
}

export interface Scale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
}

/** A linear map from `domain` to `range`; a one-value domain maps to the middle of the range. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((v: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0))) as Scale;
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** The smallest "nice" step (1, 2 or 5 times a power of ten) at least `span / count`: at most `count` intervals. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/**
 * About `count` round tick values covering [min, max], and the domain they span (the
 * axis runs from the first tick to the last, so no point sits outside the ticks).
 * Values axes start at zero when all values are positive: bars of money that do not
 * start at zero mislead, and so do dots.
 */
export function niceTicks(min: number, max: number, count = 5, fromZero = true): { ticks: number[]; domain: [number, number] } {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (fromZero && lo > 0) lo = 0;
  if (fromZero && hi < 0) hi = 0;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    lo -= pad;
    hi += pad;
    if (fromZero && min >= 0) lo = Math.max(0, lo);
  }
  const step = niceStep(hi - lo, count);
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision: 0.1 + 0.2 must print as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return { ticks, domain: [ticks[0]!, ticks[ticks.length - 1]!] };
}

/**
 * Ticks for a time axis: the first day of every `n`-th month (Vietnam time), with `n`
 * chosen so there are at most `max` ticks. Spans under two months tick by day.
 */
export function timeTicks(from: number, to: number, max = 8): number[] {
  if (!(to > from)) return [from];
  const DAY = 86_400_000;
  if (to - from < 62 * DAY) {
    const days = Math.ceil((to - from) / DAY);
    const every = Math.max(1, Math.ceil(days / max));
    const start = Date.parse(`${vnDay(from)}T00:00:00+07:00`);
    const out: number[] = [];
    for (let t = start; t <= to; t += every * DAY) if (t >= from) out.push(t);
    return out.length > 0 ? out : [from];
  }
  const a = new Date(from + VN_OFFSET);
  const b = new Date(to + VN_OFFSET);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + 1;
  const steps = [1, 2, 3, 6, 12, 24, 60];
  const every = steps.find((s) => Math.ceil(months / s) <= max) ?? Math.ceil(months / max);
  // Align to the step (quarters start in Jan/Apr/Jul/Oct; years in January).
  let y = a.getUTCFullYear();
  let m = a.getUTCMonth();
  m = Math.ceil(m / Math.min(every, 12)) * Math.min(every, 12);
  const out: number[] = [];
  for (;;) {
    y += Math.floor(m / 12);
    m %= 12;
    const t = monthStart(y, m);
    if (t > to) break;
    if (t >= from) out.push(t);
    m += every;
  }
  return out.length > 0 ? out : [from];
}
