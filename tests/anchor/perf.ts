/**
 * Timing of describe()/anchor() on a 1 MB article, each path forced in turn. Not a
 * test (timing depends on the machine): run `npx tsx tests/anchor/perf.ts`.
 *
 * "warm": the same page string again, as when a page's clippings are anchored one
 * after another (its normalized form is kept); "cold": a page never seen before.
 */
import { anchor, describe } from '../../lib/anchor';
import { longArticle } from './fixtures';

const SIZE = 1 << 20;
const text = longArticle(SIZE, 7);

function median(label: string, page: string, run: (page: string) => { status?: string }, cold: boolean): void {
  if (!cold) run(page);
  const times: number[] = [];
  let status = '';
  for (let i = 0; i < 7; i++) {
    // A different string each time defeats the memo of the normalized text.
    const t = cold ? `${page} ${i}` : page;
    const t0 = performance.now();
    status = run(t).status ?? '';
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(46)} ${times[3]!.toFixed(2).padStart(8)} ms  ${status}`);
}

const mid = text.indexOf(' tỷ đồng', SIZE / 2);
const qStart = text.lastIndexOf('. ', mid) + 2;
const qEnd = text.indexOf('.', mid);
const sel = describe(text, qStart, qEnd);
const quote = text.slice(qStart, qEnd);
const figure = /\d+\.\d{3} tỷ/.exec(quote)![0];
const changed = figure.replace(/\d(?= tỷ)/, (d) => String((Number(d) + 1) % 10));
const edited = text.slice(0, qStart) + quote.replace(figure, changed) + text.slice(qEnd);
const moved = 'Tin mới cập nhật. '.repeat(50) + text;
const removed = text.slice(0, qStart) + text.slice(qEnd);
const nfd = text.normalize('NFD');
const longSel = describe(text, qStart - 2000, qEnd);
const added = 'Một câu mới được thêm vào giữa đoạn trích dài này để thử. ';
const longEdited = text.slice(0, qStart - 1000) + added + text.slice(qStart - 1000);

console.log(`text ${text.length} units; quote ${quote.length} units at ${qStart}; median of 7`);
const st = (r: { status: string }) => r;
median('describe, cold (normalizes 1 MB)', text, (t) => (describe(t, qStart, qEnd), {}), true);
median('describe, warm', text, (t) => (describe(t, qStart, qEnd), {}), false);
median('anchor: in place (path 1)', text, (t) => st(anchor(t, sel)), false);
median('anchor: moved (path 2), cold', moved, (t) => st(anchor(t, sel)), true);
median('anchor: moved (path 2), warm', moved, (t) => st(anchor(t, sel)), false);
median('anchor: NFD page (path 2), cold', nfd, (t) => st(anchor(t, sel)), true);
median('anchor: figure changed (path 3, local), cold', edited, (t) => st(anchor(t, sel)), true);
median('anchor: figure changed (path 3, local), warm', edited, (t) => st(anchor(t, sel)), false);
median('anchor: removed → orphan (path 3, full), warm', removed, (t) => st(anchor(t, sel)), false);
median('anchor: 2 kB quote + sentence (long path), warm', longEdited, (t) => st(anchor(t, longSel)), false);
// The quote's sentence, edited, moved 300 k units up the page.
const sentence = text.slice(qStart - 64, qEnd + 64).replace(figure, changed);
const far = qStart - 300_000;
const farEdited = text.slice(0, far) + sentence + text.slice(far, qStart - 64) + text.slice(qEnd + 64);
median('anchor: moved 300 k + edited (full), warm', farEdited, (t) => st(anchor(t, sel)), false);
