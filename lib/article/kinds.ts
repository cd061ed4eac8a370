/**
 * Pages that have an article-like body but are not articles, whatever template or
 * method found the body:
 *
 * - a legal-document database record ("Số ký hiệu / Ngày ban hành / Cơ quan ban hành /
 *   Trích yếu …"), the văn bản pages every portal has, whose summary can be as long as a
 *   news item;
 * - a photo gallery (album): many pictures with a caption each and little other text.
 *
 * Both checks look at a bounded number of elements near the body.
 */
import { isInnerBoilerplate, qsa } from './dom.ts';
import { shortText, tagOf } from './text.ts';

/** Labels of a document record's fields (the cells of its metadata table), as shortText gives them. */
const RECORD_LABEL =
  /^(?:số ?(?:\/ ?)?ký hiệu|số hiệu(?: văn bản)?|ngày ban hành|ngày (?:có )?hiệu lực|cơ quan ban hành|người ký|trích yếu|loại văn bản|lĩnh vực|tình trạng hiệu lực)\s*:?$/iu;

/**
 * True when the body (or the box around it, up to three levels) is a legal-document
 * record: at least three of its fields are labelled ("Số ký hiệu", "Ngày ban hành",
 * "Cơ quan ban hành", "Trích yếu", "Người ký", …), one a row. `textLength`: the length of
 * the body's text; a long text is an article's, whatever tables it holds.
 */
export function looksLikeDocumentRecord(body: Element, textLength: number): boolean {
  if (textLength > 20_000) return false;
  // one query over the widest box: its cells include those of the boxes inside it
  let box = body;
  for (let level = 0; level < 3 && box.parentElement && !/^(?:body|html)$/.test(tagOf(box.parentElement)); level++) box = box.parentElement;
  const seen = new Set<string>();
  let n = 0;
  for (const c of qsa(box, 'th, td, dt, label, b, strong')) {
    if (n++ > 1000) break;
    // a record has one field a row, its label first ("Số ký hiệu | 318/QĐ-UBND"); a table
    // of documents inside an article has the labels side by side in its header row
    if (/^t[dh]$/.test(tagOf(c)) && c.previousElementSibling) continue;
    const t = shortText(c, 60).toLowerCase();
    if (t.length <= 40 && RECORD_LABEL.test(t) && seen.add(t).size >= 3) return true;
  }
  return false;
}

/**
 * True when the body is a photo gallery: at least six pictures (outside furniture such
 * as related-news thumbnails) and less than 120 characters of text per picture.
 * `textLength` is the length of the body's text as built for the article.
 */
export function looksLikeGallery(body: Element, textLength: number): boolean {
  if (textLength > 24_000) return false;
  const imgs = qsa(body, 'img');
  if (imgs.length < 6 || textLength >= imgs.length * 120) return false;
  let pictures = 0;
  for (const img of imgs.slice(0, 200)) {
    let n = img.parentElement;
    for (let up = 0; n && n !== body && up < 30 && !isInnerBoilerplate(n); up++) n = n.parentElement;
    if (n === body) pictures++;
  }
  return pictures >= 6 && textLength < pictures * 120;
}
