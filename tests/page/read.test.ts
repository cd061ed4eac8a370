import { describe, expect, it, vi } from 'vitest';
import { extractArticle, extractArticleSteps, type Article } from '@/lib/article';
import type { IdleScheduler } from '@/lib/highlight/schedule';
import { readArticle } from '@/lib/page/read';
import { FIXTURES, readFixture } from '../fixtures/pages/catalog';
import { testDocument } from '../helpers/dom';

const FX = FIXTURES.find((f) => f.file === 'nukeviet-bdv-article.html')!;

/** An idle scheduler driven by the test: one step per callback (never idle). */
function manualSchedule() {
  const queue: (() => void)[] = [];
  const schedule: IdleScheduler = (cb) => {
    const run = () => cb({ timeRemaining: () => 0 });
    queue.push(run);
    return () => {
      const i = queue.indexOf(run);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  /** Runs one queued callback, then lets promise callbacks settle. */
  const runOne = async () => {
    queue.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { schedule, runOne, pending: () => queue.length };
}

/** A clock that moves 1 ms each time it is read: every step "takes" a millisecond. */
function tickingClock() {
  let t = 0;
  return () => t++;
}

describe('readArticle', () => {
  it('reads an ordinary page at once, before returning', () => {
    const doc = testDocument(readFixture(FX.file));
    const done = vi.fn<(a: Article) => void>();
    const { schedule, pending } = manualSchedule();
    // A clock standing still: linkedom is slower than a browser, and this is about the order of things.
    const reading = readArticle({ doc, steps: () => extractArticleSteps(doc, FX.location), schedule, owns: () => false, now: () => 0 }, done);
    expect(reading).toBeNull();
    expect(pending()).toBe(0);
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0]![0].text).toBe(extractArticle(doc, FX.location).text);
  });

  it('goes on in idle steps once the first slice is used up, with the same result', async () => {
    const doc = testDocument(readFixture(FX.file));
    const done = vi.fn<(a: Article) => void>();
    const { schedule, runOne, pending } = manualSchedule();
    const reading = readArticle(
      { doc, steps: () => extractArticleSteps(doc, FX.location), schedule, owns: () => false, firstSliceMs: 2, now: tickingClock() },
      done,
    );
    expect(reading).not.toBeNull();
    expect(done).not.toHaveBeenCalled();
    let steps = 0;
    while (pending() > 0) {
      await runOne();
      steps++;
    }
    expect(steps).toBeGreaterThan(2);
    expect(done).toHaveBeenCalledTimes(1);
    const article = done.mock.calls[0]![0];
    const whole = extractArticle(doc, FX.location);
    expect(article.text).toBe(whole.text);
    expect(article.title).toBe(whole.title);
    expect(article.map).toEqual(whole.map);
  });

  it('starts over when the page changes while it is paused', async () => {
    const doc = testDocument(readFixture(FX.file));
    const done = vi.fn<(a: Article) => void>();
    const { schedule, runOne, pending } = manualSchedule();
    readArticle(
      { doc, steps: () => extractArticleSteps(doc, FX.location), schedule, owns: () => false, firstSliceMs: 2, now: tickingClock() },
      done,
    );
    await runOne();
    const added = doc.createElement('p');
    added.textContent = 'Đoạn văn thêm vào khi đang đọc: 12,5 tỷ đồng.';
    doc.querySelector('#news-bodyhtml')!.append(added);
    while (pending() > 0) await runOne();
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0]![0].text).toContain('Đoạn văn thêm vào khi đang đọc');
  });

  it('ignores changes to our own UI, and calls nothing once cancelled', async () => {
    const doc = testDocument(readFixture(FX.file));
    // Our UI's host lives under <html>, outside <body> (lib/ui/host.ts).
    const ours = doc.createElement('div');
    doc.documentElement.append(ours);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const done = vi.fn<(a: Article) => void>();
    const { schedule, runOne, pending } = manualSchedule();
    const steps = vi.fn(() => extractArticleSteps(doc, FX.location));
    const reading = readArticle(
      {
        doc,
        steps,
        schedule,
        owns: (node) => ours.contains(node),
        firstSliceMs: 2,
        now: tickingClock(),
      },
      done,
    );
    ours.append(doc.createElement('span'));
    while (pending() > 0) await runOne();
    expect(steps).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    const second = readArticle(
      { doc, steps: () => extractArticleSteps(doc, FX.location), schedule, owns: () => false, firstSliceMs: 2, now: tickingClock() },
      cancelled,
    );
    second!.cancel();
    while (pending() > 0) await runOne();
    expect(cancelled).not.toHaveBeenCalled();
    expect(reading).not.toBeNull();
  });
});
