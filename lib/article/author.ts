/**
 * Author / source lines: "Nguồn tin: Anh Đào - BDVTU", "Tác giả: …", "Theo Báo Quảng Ninh",
 * and the short closing name line news bodies end with ("Nguyễn Tiến Giang", "LÊ TOÀN",
 * "Thu Hà (TTXVN)").
 */
import { normalizeSpace } from './text.ts';

const LABELED =
  /^[([]?\s*(?:nguồn\s*tin|nguồn|tác\s*giả|người\s*viết|bài\s*(?:và|,|&)\s*ảnh|bài|tin\s*(?:và|,|&)\s*ảnh|tin|thực\s*hiện|nhóm\s*phóng\s*viên|phóng\s*viên|pv|người\s*đăng|biên\s*tập|tổng\s*hợp|theo)\s*[:：]\s*(.+?)\s*[)\]]?\s*[.;]?$/iu;

const THEO = /^[([]?\s*theo\s+(.+?)\s*[)\]]?\s*\.?$/iu;

const AUTHOR_LABEL = /^(?:tác\s*giả|người\s*viết|bài\s*(?:và|,|&)\s*ảnh|bài|phóng\s*viên)\b/iu;

/** "Nguồn tin: X" / "Tác giả: X" / "Theo X" → X; null when the line is no such line. */
export function parseAuthorLine(line: string | null | undefined): string | null {
  if (!line) return null;
  const s = normalizeSpace(line);
  if (!s || s.length > 160) return null;
  let m = LABELED.exec(s);
  if (m) {
    const v = m[1]!.trim();
    return v.length >= 2 && v.length <= 120 ? v : null;
  }
  m = THEO.exec(s);
  if (m && s.length <= 70) {
    const v = m[1]!.trim();
    // "Theo kế hoạch, …" is a sentence, "Theo Báo Quảng Ninh" / "Theo baochinhphu.vn" a source
    if (v.includes(',') || !/^(?:\p{Lu}|[a-z0-9-]+\.(?:vn|com|net|org))/u.test(v)) return null;
    return v;
  }
  return null;
}

/** True when the labelled line names an author (as opposed to a source). */
export function isAuthorLabel(line: string): boolean {
  return AUTHOR_LABEL.test(normalizeSpace(line));
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}]*\.?|\p{Lu}\.(?:\p{Lu}\.)*\p{Lu}?\.?)$/u;

/**
 * True for a short line that is only a person's name (with an optional unit after
 * " - " or in parentheses): "Nguyễn Tiến Giang", "LÊ TOÀN", "Thu Hà (TTXVN)",
 * "Anh Đào - BDVTU", "N.T.H".
 */
export function looksLikeNameLine(line: string): boolean {
  let s = normalizeSpace(line).replace(/[.;]+$/, '');
  if (s.length < 2 || s.length > 60) return false;
  if (/\d/.test(s)) return false;
  if (/[:!?“”"]/.test(s)) return false;
  // drop a trailing "(unit)" and a " - unit" part
  s = s.replace(/\s*\([^)]{1,40}\)$/, '');
  const dash = s.search(/\s[-–—]\s/);
  const namePart = (dash > 0 ? s.slice(0, dash) : s).trim();
  const names = namePart.split(/\s*(?:,|&|\bvà\b)\s*/u).filter(Boolean);
  if (names.length === 0 || names.length > 3) return false;
  for (const n of names) {
    const words = n.split(' ');
    if (words.length < 1 || words.length > 5) return false;
    for (const w of words) {
      if (!NAME_WORD.test(w) || w.length > 12) return false;
    }
  }
  // one lone word is a name only when written in capitals or with initials ("PV", "N.T.H")
  if (names.length === 1 && names[0]!.split(' ').length === 1 && dash < 0) {
    const w = names[0]!;
    if (!(w === w.toUpperCase() && w.length >= 2)) return false;
  }
  return true;
}

/**
 * The author from the end of an article's text: a labelled line ("Nguồn: …", "Theo …")
 * or a closing name line among the last lines. `text` is the body text ("\n" between
 * blocks).
 */
export function authorFromClosingLines(text: string): string | null {
  let end = text.length;
  const lines: string[] = [];
  while (end > 0 && lines.length < 3) {
    const nl = text.lastIndexOf('\n', end - 1);
    const line = text.slice(nl + 1, end).trim();
    end = nl < 0 ? 0 : nl;
    if (line) lines.push(line);
  }
  for (const line of lines.slice(0, 2)) {
    const labeled = parseAuthorLine(line);
    if (labeled) return labeled.replace(/[.;]+$/, '');
  }
  const last = lines[0];
  if (last !== undefined && looksLikeNameLine(last)) return normalizeSpace(last).replace(/[.;]+$/, '');
  return null;
}
