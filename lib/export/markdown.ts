/**
 * Markdown notes, one per page, in a zip that unpacks to a single folder an Obsidian
 * vault (or any Markdown editor) opens as it is. Each note has YAML front matter
 * (title, url, published, site, tags) and the page's clippings in text order: the
 * quote as a block quote, then the note, tags, and the documents and figures found in it.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { DocumentEntity, FigureEntity } from '../recognize/types';
import type { ClippingRecord, PageRecord } from '../store/records.ts';
import { lookupUrl } from '../format/lookup.ts';
import { liveViews, type Snapshot } from './snapshot.ts';
import { vietnamTime, wallClock, type DateCell } from './cells.ts';
import { words } from './labels.ts';
import { mdLink, mdQuote, mdText, obsidianTag, yamlString } from './markdown-text.ts';
import { exportName, safeName, uniqueNames } from './names.ts';
import { inChunks, throwIfAborted } from './progress.ts';
import type { ExportFile, ExportOptions, Lang } from './types.ts';

/** The folder the zip unpacks to. */
export const NOTES_FOLDER = 'Trích Lục';

const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (c: DateCell) => `${pad(c.d)}/${pad(c.m)}/${c.y}` + (c.hasTime ? ` ${pad(c.h)}:${pad(c.min)}` : '');

function frontMatter(page: PageRecord, tags: readonly string[]): string {
  const lines = [
    '---',
    `title: ${yamlString(page.title ?? page.url)}`,
    `url: ${yamlString(page.url)}`,
    `published: ${page.published === null ? 'null' : yamlString(page.published)}`,
    `site: ${page.site === null ? 'null' : yamlString(page.site)}`,
  ];
  if (tags.length === 0) lines.push('tags: []');
  else lines.push('tags:', ...tags.map((t) => `  - ${yamlString(t)}`));
  lines.push('---');
  return lines.join('\n');
}

function documentLine(e: DocumentEntity, lang: Lang): string {
  const w = words(lang);
  const signed = wallClock(e.date);
  const details = [e.code, signed ? dmy(signed) : e.date, e.issuer]
    .filter((x): x is string => x !== null)
    .map(mdText);
  const url = lookupUrl(e);
  return `- ${mdText(e.text)}${details.length ? ` (${details.join(', ')})` : ''}${url ? ` · ${mdLink(w.markdown.lookup, url)}` : ''}`;
}

/** A number as the reader's language writes it: "753.800.000.000" / "753,800,000,000". */
function localNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 20 }).format(n);
}

function figureLine(e: FigureEntity, lang: Lang): string {
  const w = words(lang);
  const value = e.valueTo !== null ? `${localNumber(e.value, lang)}–${localNumber(e.valueTo, lang)}` : localNumber(e.value, lang);
  const extra = [e.qualifier ? w.qualifier[e.qualifier] : null, e.change ? w.change[e.change] : null].filter((x): x is string => x !== null);
  return `- ${mdText(e.text)} = ${mdText(value)}${e.unit ? ` ${mdText(e.unit)}` : ''}${e.denominator !== null ? ` / ${localNumber(e.denominator, lang)}` : ''} (${[w.quantity[e.quantity], ...extra].map(mdText).join(', ')})`;
}

function clippingSection(c: ClippingRecord, lang: Lang): string {
  const w = words(lang);
  const out = [mdQuote(c.quote), ''];
  const saved = vietnamTime(c.createdAt);
  if (saved) out.push(`*${w.markdown.saved}: ${dmy(saved)}*`, '');
  if (c.note) out.push(`**${w.markdown.note}:** ${mdText(c.note)}`, '');
  const tags = c.tags.map(obsidianTag).filter((t): t is string => t !== null);
  if (tags.length) out.push(`**${w.markdown.tags}:** ${tags.map((t) => `#${t}`).join(' ')}`, '');
  const docs = c.entities.filter((e): e is DocumentEntity => e.kind === 'document');
  const figures = c.entities.filter((e): e is FigureEntity => e.kind === 'figure');
  if (docs.length) out.push(`**${w.markdown.documents}:**`, ...docs.map((e) => documentLine(e, lang)), '');
  if (figures.length) out.push(`**${w.markdown.figures}:**`, ...figures.map((e) => figureLine(e, lang)), '');
  return out.join('\n');
}

/** The note of one page: front matter, a heading and source line, its clippings in text order. */
export function pageNote(page: PageRecord, clippings: readonly ClippingRecord[], lang: Lang = 'vi'): string {
  const w = words(lang);
  const sorted = [...clippings].sort((a, b) => a.selectors.position.start - b.selectors.position.start || a.createdAt - b.createdAt);
  const tags = [...new Set(sorted.flatMap((c) => c.tags.map(obsidianTag).filter((t): t is string => t !== null)))];
  const published = wallClock(page.published);
  const source = [mdLink(page.site ?? page.url, page.url), published ? `${w.markdown.published} ${dmy(published)}` : null]
    .filter((x): x is string => x !== null)
    .join(' · ');
  const body = sorted.map((c) => clippingSection(c, lang)).join('\n---\n\n');
  return `${frontMatter(page, tags)}\n\n# ${mdText(page.title ?? page.url).replace(/\n/g, ' ')}\n\n${w.markdown.source}: ${source}\n\n${body}`;
}

function noteName(page: PageRecord): string {
  const published = wallClock(page.published);
  const date = published ? `${published.y}-${pad(published.m)}-${pad(published.d)} ` : '';
  return safeName(`${date}${page.title ?? new URL(page.url).hostname}`);
}

export async function exportMarkdown(snapshot: Snapshot, options: ExportOptions = {}): Promise<ExportFile> {
  const lang = options.lang ?? 'vi';
  const now = options.now ?? Date.now();
  const byPage = new Map<string, { page: PageRecord; clippings: ClippingRecord[] }>();
  for (const v of liveViews(snapshot)) {
    let group = byPage.get(v.page.id);
    if (!group) byPage.set(v.page.id, (group = { page: v.page, clippings: [] }));
    group.clippings.push(v.clipping);
  }
  // Oldest page first, so a name clash gives "(2)" to the later page on every export.
  const groups = [...byPage.values()].sort((a, b) => a.page.createdAt - b.page.createdAt || (a.page.id < b.page.id ? -1 : 1));
  const unique = uniqueNames();
  const files: Zippable = {};
  const mtime = new Date(now);
  await inChunks(groups, 'notes', options, ({ page, clippings }) => {
    files[`${NOTES_FOLDER}/${unique(noteName(page))}.md`] = [strToU8(pageNote(page, clippings, lang)), { mtime }];
  }, 200);
  throwIfAborted(options.signal);
  const zip = zipSync(files, { level: 6 });
  return { name: exportName('notes', 'zip', now), type: 'application/zip', parts: [zip] };
}
