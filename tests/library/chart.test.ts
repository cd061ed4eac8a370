import { describe, expect, it } from 'vitest';
import { chartSeries, linearScale, niceTicks, timeTicks, vnDay } from '@/lib/library/chart';

const at = (iso: string) => Date.parse(iso);

describe('chart series', () => {
  it('keeps single figures as dots, in time order, up to the limit', () => {
    const s = chartSeries(
      [
        { time: at('2024-03-12T08:00:00+07:00'), value: 5 },
        { time: at('2024-01-02T08:00:00+07:00'), value: 7 },
        { time: Number.NaN, value: 1 },
      ],
      10,
    );
    expect(s.bucketed).toBe(false);
    expect(s.points.map((p) => [p.label, p.value, p.count])).toEqual([
      ['2024-01-02', 7, 1],
      ['2024-03-12', 5, 1],
    ]);
  });

  it('turns many figures into monthly medians, by the month in Vietnam', () => {
    const inputs = [
      // 31 Jan 23:30 in Vietnam is still January there, though February in UTC… the other way round:
      { time: at('2024-01-31T23:30:00+07:00'), value: 1 },
      { time: at('2024-01-05T10:00:00+07:00'), value: 3 },
      { time: at('2024-01-20T10:00:00+07:00'), value: 1_000 },
      { time: at('2024-02-01T00:30:00+07:00'), value: 10 }, // 31 Jan in UTC, February in Vietnam
      { time: at('2024-02-10T10:00:00+07:00'), value: 20 },
    ];
    const s = chartSeries(inputs, 2);
    expect(s.bucketed).toBe(true);
    expect(s.points.map((p) => [p.label, p.value, p.count, p.min, p.max])).toEqual([
      ['2024-01', 3, 3, 1, 1_000], // the median, not the mean 334.7
      ['2024-02', 15, 2, 10, 20],
    ]);
    expect(vnDay(s.points[0]!.time).startsWith('2024-01')).toBe(true);
  });
});

describe('scales and ticks', () => {
  it('maps values linearly, and a flat domain to the middle', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });

  it('gives round ticks from zero that cover the data', () => {
    expect(niceTicks(3, 97, 5)).toEqual({ ticks: [0, 20, 40, 60, 80, 100], domain: [0, 100] });
    const money = niceTicks(1.2e9, 1.64e12, 4);
    expect(money.ticks[0]).toBe(0);
    expect(money.domain[1]).toBeGreaterThanOrEqual(1.64e12);
    expect(money.ticks).toEqual([0, 5e11, 1e12, 1.5e12, 2e12]);
    expect(niceTicks(0.1, 0.3, 2, false).ticks).toEqual([0.1, 0.2, 0.3]); // 0.1 + 0.2 printed as 0.3
    expect(niceTicks(-5, 5, 4).ticks).toEqual([-5, 0, 5]);
  });

  it('gives a sensible axis for a single value', () => {
    expect(niceTicks(42, 42).domain[0]).toBe(0);
    expect(niceTicks(42, 42).domain[1]).toBeGreaterThanOrEqual(42);
    expect(niceTicks(0, 0).ticks.length).toBeGreaterThan(1);
  });

  it('ticks time by month starts, coarser for longer spans, by day for short ones', () => {
    const year = timeTicks(at('2024-01-15T00:00:00+07:00'), at('2024-12-20T00:00:00+07:00'), 8);
    expect(year.map(vnDay)).toEqual(['2024-03-01', '2024-05-01', '2024-07-01', '2024-09-01', '2024-11-01']);
    const five = timeTicks(at('2021-01-16T00:00:00+07:00'), at('2025-12-16T00:00:00+07:00'), 7);
    expect(five.map(vnDay)).toEqual(['2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01']);
    const days = timeTicks(at('2024-03-01T09:00:00+07:00'), at('2024-03-08T09:00:00+07:00'), 8);
    expect(days.map(vnDay)).toEqual(['2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08']);
    expect(timeTicks(5, 5)).toEqual([5]);
  });
});
