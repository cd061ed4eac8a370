import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanIndex, type Span } from '@/lib/highlight/spans';

function indexOf(spans: Span[]): SpanIndex {
  const index = new SpanIndex();
  for (const s of spans) index.push(s);
  return index;
}

/** Sorted spans, possibly overlapping, possibly empty-gapped. */
const spansArb = fc
  .array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 30 })), { maxLength: 40 })
  .map((pairs) => pairs.map(([start, len]) => ({ start, end: start + len })).sort((a, b) => a.start - b.start));

describe('SpanIndex', () => {
  const spans = [
    { start: 0, end: 5 },
    { start: 10, end: 20 },
    { start: 25, end: 26 },
  ];
  const index = indexOf(spans);

  it('finds the span under a caret offset, counting both edges', () => {
    expect(index.around(0)).toEqual([0]);
    expect(index.around(3)).toEqual([0]);
    // The caret after the last character of a span is its end.
    expect(index.around(5)).toEqual([0]);
    expect(index.around(7)).toEqual([]);
    expect(index.around(10)).toEqual([1]);
    expect(index.around(26)).toEqual([2]);
    expect(index.around(27)).toEqual([]);
    expect(index.around(-1)).toEqual([]);
  });

  it('gives every span touching an offset, nearest first, when spans overlap', () => {
    const overlapping = indexOf([
      { start: 0, end: 50 },
      { start: 10, end: 12 },
      { start: 11, end: 30 },
    ]);
    expect(overlapping.around(11)).toEqual([2, 1, 0]);
    expect(overlapping.around(20)).toEqual([2, 0]);
    expect(overlapping.around(40)).toEqual([0]);
  });

  it('steps to the next and previous span', () => {
    expect(index.after(-1)).toBe(0);
    expect(index.after(0)).toBe(1);
    expect(index.after(12)).toBe(2);
    expect(index.after(25)).toBe(-1);
    expect(index.before(0)).toBe(-1);
    expect(index.before(10)).toBe(0);
    expect(index.before(11)).toBe(1);
    expect(index.before(1000)).toBe(2);
  });

  it('refuses spans out of order', () => {
    const i = indexOf([{ start: 10, end: 12 }]);
    expect(() => i.push({ start: 5, end: 6 })).toThrow(RangeError);
  });

  it('agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(spansArb, fc.integer({ min: -5, max: 260 }), (list, pos) => {
        const i = indexOf(list);
        const covering = list.map((s, k) => [s, k] as const).filter(([s]) => s.start <= pos && pos <= s.end);
        expect([...i.around(pos)].sort((a, b) => a - b)).toEqual(covering.map(([, k]) => k));
        const next = list.findIndex((s) => s.start > pos);
        expect(i.after(pos)).toBe(next);
        let prev = -1;
        list.forEach((s, k) => {
          if (s.start < pos) prev = k;
        });
        expect(i.before(pos)).toBe(prev);
      }),
    );
  });
});
