/**
 * Builds examples/sample-archive.json the way a reader's archive is built: the demo
 * article (examples/demo-page.html, the page form of examples/demo-article.txt) and the
 * fixture article pages are read with lib/article, their entities found with
 * lib/recognize, sentences citing documents and figures clipped through the real
 * repository (on fake-indexeddb), with notes, tags, an edit and a deletion; then the
 * real exporter writes the backup. Run it again whenever the record schema changes:
 *
 *   node --import tsx scripts/make-sample-archive.ts          # rewrite the file
 *   node --import tsx scripts/make-sample-archive.ts --check  # exit 1 if it is not current
 *
 * Deterministic (fixed clock, seeded ids), so the file only changes when the code does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../lib/article/index.ts';
import { exportBackup, readSnapshot } from '../lib/export/index.ts';
import { recognize, type Entity } from '../lib/recognize/index.ts';
import { createRepo, openArchiveDB, type ClippingInput } from '../lib/store/index.ts';
import { FIXTURES, readFixture } from '../tests/fixtures/pages/catalog.ts';

const ROOT = new URL('..', import.meta.url);
export const SAMPLE_PATH = fileURLToPath(new URL('examples/sample-archive.json', ROOT));
/** 12 March 2024, 09:00 in Vietnam: when the sample reader started clipping. */
const START = Date.UTC(2024, 2, 12, 2, 0, 0);

/** UUID-shaped ids from a seed (mulberry32), so the sample is the same on every run. */
function seededIds(seed: number): () => string {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => {
    const hex = Array.from({ length: 4 }, () => next().toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[next() % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

interface Source {
  html: string;
  /** Where the reader opened it: shared links carry trackers, which the store drops. */
  location: string;
}

const NOTES = [
  'Đối chiếu với báo cáo kinh tế - xã hội quý IV.',
  'Số liệu cần hỏi lại Phòng Tài chính – Kế hoạch: "ước đạt" hay đã quyết toán?',
  'Dùng cho bài tổng kết năm 📌',
  '',
  'Trích nguyên văn, kiểm tra ngày ký trên vbpl.vn.\nGhi chú thêm: so với năm 2022.',
];
const TAGS = [['kinh tế', 'số liệu'], ['ngân sách'], ['văn bản', 'Bình Phước'], [], ['giảm nghèo', 'số liệu']];

function sources(): Source[] {
  const demo = readFileSync(new URL('examples/demo-page.html', ROOT), 'utf8');
  return [
    { html: demo, location: 'https://dongphu.binhphuoc.gov.vn/tin-tuc/kinh-te/huyen-dong-phu-kinh-te-tang-truong-kha-2023.html?utm_source=zalo&zarsrc=30' },
    ...FIXTURES.filter((f) => f.isArticle).map((f) => ({ html: readFixture(f.file), location: f.location })),
  ];
}

/** Sentences of the text that cite something, as [start, end) offsets. */
function citingSentences(text: string, entities: readonly Entity[]): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^.!?\n]+(?:[.!?]+|$)/g;
  for (const m of text.matchAll(re)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    // Entities cut by a sentence boundary ("5,6%." or "ngày 12.3") are not clipped half.
    const inside = entities.filter((e) => e.start >= start && e.end <= end);
    const cut = entities.some((e) => e.start < end && e.end > start && (e.start < start || e.end > end));
    if (inside.length > 0 && !cut) out.push([start, end]);
  }
  return out;
}

function clippingsOf(source: Source, index: number): ClippingInput[] {
  const { document } = parseHTML(source.html);
  const article = extractArticle(document as unknown as Document, source.location);
  if (!article.isArticle) throw new Error(`${source.location} is not read as an article`);
  const text = article.text;
  const entities = recognize(text);
  // The three sentences a reporter would clip first: those citing documents, then those with money and rates.
  const score = ([start, end]: [number, number]) =>
    entities.filter((e) => e.start >= start && e.end <= end).reduce((n, e) => n + (e.kind === 'document' ? 10 : e.quantity === 'money' || e.quantity === 'percent' ? 2 : 0), 0);
  const chosen = citingSentences(text, entities)
    .map((span, order) => ({ span, order, score: score(span) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, 3)
    .sort((a, b) => a.order - b.order)
    .map((c) => c.span);
  return chosen.map(([start, end], k) => {
    const n = index * 3 + k;
    const quote = text.slice(start, end);
    return {
      page: {
        url: source.location,
        canonicalUrl: article.url,
        title: article.title,
        published: article.published,
        author: article.author,
        site: article.site,
      },
      quote,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        position: { type: 'TextPositionSelector', start, end },
      },
      entities: entities.filter((e) => e.start >= start && e.end <= end).map((e) => ({ ...e, start: e.start - start, end: e.end - start })),
      note: NOTES[n % NOTES.length]!,
      tags: TAGS[n % TAGS.length]!,
      colour: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[n % 5]!,
    };
  });
}

export async function makeSampleArchive(): Promise<string> {
  let t = START;
  const db = openArchiveDB({ name: 'sample', indexedDB: new IDBFactory(), IDBKeyRange });
  const repo = createRepo(db, { now: () => (t += 7 * 60_000), newId: seededIds(20240312) });
  try {
    const saved = [];
    for (const [i, source] of sources().entries()) {
      for (const input of clippingsOf(source, i)) saved.push(await repo.saveClipping(input));
    }
    // A reader's archive has edits and deletions too (a backup carries the tombstones).
    await repo.updateClipping(saved[1]!.clipping.id, { note: 'Đã xác minh với Văn phòng UBND huyện ✅', tags: ['ngân sách', 'đã kiểm tra'] });
    await repo.deleteClipping(saved[saved.length - 1]!.clipping.id);
    await repo.updateSettings({ defaultColour: 'yellow', lastExportAt: t + 60_000 });
    const file = await exportBackup(await readSnapshot(db), { now: t + 60_000 });
    return file.parts.join('');
  } finally {
    db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const json = await makeSampleArchive();
  if (process.argv.includes('--check')) {
    const current = readFileSync(SAMPLE_PATH, 'utf8');
    if (current !== json) {
      process.stderr.write('examples/sample-archive.json is not current: run node --import tsx scripts/make-sample-archive.ts\n');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(SAMPLE_PATH, json);
    const { pages, clippings } = JSON.parse(json) as { pages: unknown[]; clippings: unknown[] };
    process.stdout.write(`wrote ${SAMPLE_PATH}: ${pages.length} pages, ${clippings.length} clippings\n`);
  }
}
