import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article';
import { Annotation } from '@/lib/highlight/annotate';
import { HighlightLayer, type HighlightApi } from '@/lib/highlight/layer';
import type { IdleScheduler } from '@/lib/highlight/schedule';
import { recognize } from '@/lib/recognize';
import type { Entity, EntityKind } from '@/lib/recognize/types';
import { FIXTURES, readFixture } from '../fixtures/pages/catalog';
import { rangeText, testDocument } from '../helpers/dom';

/** Runs every idle callback at once, with plenty of time, counting them. */
function eagerScheduler() {
  const state = { callbacks: 0 };
  const schedule: IdleScheduler = (cb) => {
    queueMicrotask(() => {
      state.callbacks++;
      cb({ timeRemaining: () => 50 });
    });
    return () => undefined;
  };
  return { schedule, state };
}

/** A Highlight API that records what is added where. */
function recordingApi() {
  const registry = new Map<string, Set<AbstractRange>>();
  const api = {
    registry: registry as unknown as HighlightRegistry,
    create: () => new Set<AbstractRange>() as unknown as Highlight,
  } satisfies HighlightApi;
  return { api, registry };
}

const fixture = FIXTURES.find((f) => f.file === 'nukeviet-bdv-article.html')!;

describe('Annotation', () => {
  it('places every entity the recognizer finds, in text order, and registers its range by kind', async () => {
    const doc = testDocument(readFixture(fixture.file));
    const article = extractArticle(doc, fixture.location);
    const expected = recognize(article.text);
    const { api, registry } = recordingApi();
    const progress: number[] = [];
    const { schedule, state } = eagerScheduler();
    const annotation = new Annotation(doc, article.text, article.map);
    const done = await annotation.run({
      recognize,
      layer: new HighlightLayer(api),
      schedule,
      sliceSize: 300, // several slices for a short article
      onProgress: (placed) => progress.push(placed.length),
    });
    expect(done).toBe(true);
    expect(annotation.placed.map((p) => p.entity)).toEqual(expected);
    expect(state.callbacks).toBeGreaterThanOrEqual(1);
    expect(progress.reduce((a, b) => a + b, 0)).toBe(expected.length);
    const count = (kind: EntityKind) => expected.filter((e) => e.kind === kind).length;
    expect(registry.get('trichluc-document')?.size).toBe(count('document'));
    expect(registry.get('trichluc-figure')?.size).toBe(count('figure'));
    // Each range covers the entity's own text on the page (whitespace as the page has it).
    for (const { entity, range } of annotation.placed) {
      expect(rangeText(range).replace(/\s+/g, ' ')).toBe(entity.text);
    }
  });

  it('takes slices in several steps when the recognizer is given little time', async () => {
    const doc = testDocument(readFixture(fixture.file));
    const article = extractArticle(doc, fixture.location);
    let clockCalls = 0;
    const slowRecognize = (text: string): Entity[] => {
      clockCalls++;
      return recognize(text);
    };
    const callbacks: number[] = [];
    const schedule: IdleScheduler = (cb) => {
      queueMicrotask(() => {
        callbacks.push(clockCalls);
        cb({ timeRemaining: () => 0 }); // never idle: one slice per callback
      });
      return () => undefined;
    };
    const annotation = new Annotation(doc, article.text, article.map);
    await annotation.run({ recognize: slowRecognize, layer: null, schedule, sliceSize: 200 });
    expect(callbacks.length).toBe(clockCalls);
    expect(clockCalls).toBeGreaterThan(5);
  });

  it('registers the first step at once and the rest in one go at the end, not slice by slice', async () => {
    const doc = testDocument(readFixture(fixture.file));
    const article = extractArticle(doc, fixture.location);
    const expected = recognize(article.text);
    const { api, registry } = recordingApi();
    const registered = () => (registry.get('trichluc-document')?.size ?? 0) + (registry.get('trichluc-figure')?.size ?? 0);
    let run: ((d: { timeRemaining(): number }) => void) | null = null;
    const schedule: IdleScheduler = (cb) => {
      run = cb;
      return () => (run = null);
    };
    // One idle callback, never idle (one slice each); `run` is set again only if the job goes on.
    const step = () => {
      const callback = run as unknown as (d: { timeRemaining(): number }) => void;
      run = null;
      callback({ timeRemaining: () => 0 });
    };
    const annotation = new Annotation(doc, article.text, article.map);
    const done = annotation.run({ recognize, layer: new HighlightLayer(api), schedule, sliceSize: 200 });
    // Until the first step has placed something, then exactly what it placed.
    while (annotation.placed.length === 0) step();
    const first = annotation.placed.length;
    expect(registered()).toBe(first);
    // Further steps place more without registering it…
    step();
    step();
    expect(annotation.placed.length).toBeGreaterThan(first);
    expect(registered()).toBe(first);
    // …until the last one.
    while (run) step();
    await expect(done).resolves.toBe(true);
    expect(registered()).toBe(expected.length);
    // In text order within each kind, as the keyboard and the tests read them.
    const ranges = [...(registry.get('trichluc-figure') ?? [])];
    expect(ranges).toEqual(annotation.placed.filter((p) => p.entity.kind === 'figure').map((p) => p.range));
  });

  it('past the threshold registers only the entities near the viewport, keeping every one placed', async () => {
    const doc = testDocument(readFixture(fixture.file));
    const article = extractArticle(doc, fixture.location);
    const expected = recognize(article.text);
    const { api, registry } = recordingApi();
    const registered = () => [...(registry.get('trichluc-document') ?? []), ...(registry.get('trichluc-figure') ?? [])];
    const annotation = new Annotation(doc, article.text, article.map);
    // Entity i is on line i, 100 px per line, in a 300 px viewport at the top of the page.
    const line = (range: AbstractRange) => annotation.placed.findIndex((p) => p.range === range);
    let frame: (() => void) | null = null;
    const done = await annotation.run({
      recognize,
      layer: new HighlightLayer(api),
      schedule: eagerScheduler().schedule,
      sliceSize: 300,
      viewport: {
        threshold: 5,
        geometry: { span: (r) => ({ top: line(r) * 100, bottom: line(r) * 100 + 20 }), viewportHeight: () => 300 },
        frame: (callback) => {
          frame = callback;
          return () => (frame = null);
        },
      },
    });
    expect(done).toBe(true);
    expect(annotation.placed.map((p) => p.entity)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(12);
    (frame as unknown as () => void)();
    // Lines 0–5 are within one viewport (300 px) below the screen's 300 px.
    expect(registered().map(line).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(annotation.registered).toBe(6);
    // Stepping to one far below registers it before the page scrolls there.
    annotation.show(12);
    expect(registered().map(line)).toContain(12);
    annotation.dispose();
  });

  it('registers what it placed when cancelled', async () => {
    const doc = testDocument(readFixture(fixture.file));
    const article = extractArticle(doc, fixture.location);
    const { api, registry } = recordingApi();
    let run: ((d: { timeRemaining(): number }) => void) | null = null;
    const schedule: IdleScheduler = (cb) => {
      run = cb;
      return () => (run = null);
    };
    const annotation = new Annotation(doc, article.text, article.map);
    void annotation.run({ recognize, layer: new HighlightLayer(api), schedule, sliceSize: 200 });
    for (let i = 0; i < 6 && run; i++) {
      const callback = run as unknown as (d: { timeRemaining(): number }) => void;
      run = null;
      callback({ timeRemaining: () => 0 });
    }
    annotation.cancel();
    const registered = (registry.get('trichluc-document')?.size ?? 0) + (registry.get('trichluc-figure')?.size ?? 0);
    expect(registered).toBe(annotation.placed.length);
  });

  it('finds the entity under a caret position', async () => {
    const doc = testDocument(
      '<html><body><div id="b"><p>Theo <b>Quyết định số 3307/QĐ-UBND</b> ngày 28/12/2020, huy động hơn 1.640 tỷ đồng.</p></div></body></html>',
    );
    const body = doc.getElementById('b')!;
    const { elementText } = await import('@/lib/article/text');
    const { text, map } = elementText(body);
    const annotation = new Annotation(doc, text, map);
    await annotation.run({ recognize, layer: null, schedule: eagerScheduler().schedule });
    const kinds = annotation.placed.map((p) => p.entity.kind);
    expect(kinds).toEqual(['document', 'figure']);
    const bold = body.querySelector('b')!.firstChild!;
    expect(annotation.candidatesAt(bold, 3)).toEqual([0]);
    const tail = body.querySelector('p')!.lastChild as Text;
    expect(annotation.candidatesAt(tail, tail.data.indexOf('1.640') + 2)).toEqual([1]);
    // The date belongs to the citation; the words after it to nothing.
    expect(annotation.candidatesAt(tail, 3)).toEqual([0]);
    expect(annotation.candidatesAt(tail, tail.data.indexOf('huy'))).toEqual([]);
    expect(annotation.after(-1)).toBe(0);
    expect(annotation.after(annotation.placed[0]!.entity.start)).toBe(1);
    expect(annotation.before(text.length)).toBe(1);
  });

  it('stops when cancelled, keeping what it placed', async () => {
    const doc = testDocument(readFixture(fixture.file));
    const article = extractArticle(doc, fixture.location);
    let run: ((d: { timeRemaining(): number }) => void) | null = null;
    const schedule: IdleScheduler = (cb) => {
      run = cb;
      return () => (run = null);
    };
    const annotation = new Annotation(doc, article.text, article.map);
    const done = annotation.run({ recognize, layer: null, schedule, sliceSize: 200 });
    (run as unknown as (d: { timeRemaining(): number }) => void)({ timeRemaining: () => 0 });
    const placed = annotation.placed.length;
    annotation.cancel();
    await expect(done).resolves.toBe(false);
    expect(run).toBeNull();
    expect(annotation.placed.length).toBe(placed);
  });
});
