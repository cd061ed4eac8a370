/**
 * Publication dates: the date lines Vietnamese portals print ("Thứ ba - 22/03/2022 21:58",
 * "Ngày cập nhật 15/06/2020", "Cập nhật: 13/04/2023 - 09:15", "Thứ Hai, 13/04/2023, 09:15
 * (GMT+7)", "ngày 22 tháng 3 năm 2022", …) and machine dates from meta tags and JSON-LD
 * (ISO 8601, RFC 2822).
 *
 * Output is always `YYYY-MM-DDTHH:MM:SS±HH:MM`. A date without an offset is Vietnam time
 * (+07:00); a date without a time is midnight. A given offset is kept ("Z" → "+00:00").
 */

export const VN_OFFSET = '+07:00';

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Builds the ISO string, or null when a field is out of range. */
export function formatIso(
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  offset: string = VN_OFFSET,
): string | null {
  if (!(y >= 1900 && y <= 2199)) return null;
  if (!(mo >= 1 && mo <= 12)) return null;
  if (!(d >= 1 && d <= daysIn(y, mo))) return null;
  if (!(h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60)) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(Math.min(s, 59))}${offset}`;
}

/** "+7", "+07", "+0700", "+07:00", "-03:30", "Z" → "+07:00" style; null if malformed. */
export function normalizeOffset(raw: string): string | null {
  const t = raw.trim();
  if (t === 'Z' || t === 'z') return '+00:00';
  const m = /^([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = m[3] ? Number(m[3]) : 0;
  if (h > 14 || mi > 59) return null;
  return `${m[1] === '+' ? '+' : '-'}${pad2(h)}:${pad2(mi)}`;
}

// ---------------------------------------------------------------- date lines

// dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (spaces tolerated around the separators)
const DMY = /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/;
// yyyy-mm-dd or yyyy/mm/dd inside a line
const YMD = /(?<!\d)(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?!\d)/;
// "ngày 22 tháng 3 năm 2022", "22 tháng 03, 2022", and month names as CMS language packs
// print them: "12 Tháng Ba 2024", "ngày 5 tháng Mười Hai, 2023"
const MONTH = String.raw`(\d{1,2}|mười(?:\s+(?:một|hai))?|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|chạp)(?![\p{L}\p{M}\d])`;
const VN_WORDS = new RegExp(String.raw`(?:ngày\s+)?(\d{1,2})\s+tháng\s+` + MONTH + String.raw`(?:\s*(?:năm|,)\s*|\s+)(\d{4})(?!\d)`, 'iu');
// month first, as WordPress's Vietnamese locale writes "F j, Y": "Tháng Ba 12, 2024"
const VN_MONTH_FIRST = new RegExp(String.raw`(?<![\p{L}\p{M}])tháng\s+` + MONTH + String.raw`\s+(\d{1,2}),?\s+(\d{4})(?!\d)`, 'iu');
const MONTH_NAMES = ',một,hai,ba,tư,năm,sáu,bảy,tám,chín,mười,mười một,mười hai'.split(',');

function monthOf(w: string): number {
  const k = w.toLowerCase().replace(/\s+/g, ' ').replace('giêng', 'một').replace('bốn', 'tư').replace('chạp', 'mười hai');
  return /^\d+$/.test(k) ? Number(k) : MONTH_NAMES.indexOf(k);
}

const TIME = String.raw`(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*(?::|phút)\s*(\d{2})(?:\s*giây)?|\s*phút)?(?:\s*(AM|PM|SA|CH|sáng|chiều|tối)(?![\p{L}]))?`;
// time after the date: "22/03/2022 21:58", "13/04/2023 - 09:15", "13/04/2023, 09:15", "… lúc 9h15"
const TIME_AFTER = new RegExp(String.raw`^\s*(?:[,|\-–—|•·]\s*|\(\s*)*(?:lúc\s+|vào\s+lúc\s+)?` + TIME + String.raw`(?![\d/])`, 'iu');
// time before the date: "09:15 13/04/2023", "21:58 | 22/03/2022", "09:15, ngày 13/04/2023"
const TIME_BEFORE = new RegExp(String.raw`(?<![\d:])` + TIME + String.raw`\s*(?:[,|\-–—•·]\s*)*(?:(?:thứ\s+\S+|chủ\s+nhật)\s*(?:[,|\-–—]\s*)*)?(?:ngày\s+)?$`, 'iu');
const ZONE = /\b(?:GMT|UTC)(?:\s*([+-−]\s*\d{1,2}(?::?\d{2})?))?(?![\p{L}\d])/iu;

interface Clock {
  h: number;
  mi: number;
  s: number;
}

function clockFrom(m: RegExpExecArray): Clock | null {
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] ? Number(m[3]) : 0;
  const ampm = m[4] ? m[4].toLowerCase() : '';
  if (ampm === 'pm' || ampm === 'ch' || ampm === 'chiều' || ampm === 'tối') {
    if (h < 12) h += 12;
  } else if ((ampm === 'am' || ampm === 'sa' || ampm === 'sáng') && h === 12) {
    h = 0;
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  return { h, mi, s };
}

/**
 * Reads the first date (with its time, if one is written next to it) in a line of
 * text such as a portal's date line. Returns ISO 8601 with offset, or null.
 *
 * Examples: "Thứ ba - 22/03/2022 21:58" → 2022-03-22T21:58:00+07:00;
 * "Ngày cập nhật 15/06/2020" → 2020-06-15T00:00:00+07:00;
 * "Thứ Hai, 13/04/2023, 09:15 (GMT+7)" → 2023-04-13T09:15:00+07:00.
 */
export function parseDateLine(input: string | null | undefined): string | null {
  if (!input) return null;
  let line = input.length > 400 ? input.slice(0, 400) : input;
  line = line.normalize('NFC').replace(/[\u00a0\u200b]/g, ' ');

  let y = 0;
  let mo = 0;
  let d = 0;
  let at = -1;
  let end = -1;
  let m = DMY.exec(line);
  if (m) {
    d = Number(m[1]);
    mo = Number(m[3]);
    y = Number(m[4]);
    at = m.index;
    end = m.index + m[0].length;
  } else if ((m = YMD.exec(line))) {
    y = Number(m[1]);
    mo = Number(m[3]);
    d = Number(m[4]);
    at = m.index;
    end = m.index + m[0].length;
  } else if ((m = VN_WORDS.exec(line))) {
    d = Number(m[1]);
    mo = monthOf(m[2]!);
    y = Number(m[3]);
    at = m.index;
    end = m.index + m[0].length;
  } else if ((m = VN_MONTH_FIRST.exec(line))) {
    mo = monthOf(m[1]!);
    d = Number(m[2]);
    y = Number(m[3]);
    at = m.index;
    end = m.index + m[0].length;
  } else {
    return null;
  }

  let clock: Clock | null = null;
  const after = TIME_AFTER.exec(line.slice(end, end + 40));
  if (after) clock = clockFrom(after);
  if (!clock) {
    const before = TIME_BEFORE.exec(line.slice(Math.max(0, at - 40), at));
    if (before) clock = clockFrom(before);
  }
  let offset = VN_OFFSET;
  const z = ZONE.exec(line);
  if (z) offset = z[1] ? normalizeOffset(z[1].replace(/\s+/g, '')) ?? VN_OFFSET : '+00:00';
  return formatIso(y, mo, d, clock?.h ?? 0, clock?.mi ?? 0, clock?.s ?? 0, offset);
}

/** True when a short string reads as a date line (contains a full date). */
export function hasDate(s: string): boolean {
  return DMY.test(s) || YMD.test(s) || VN_WORDS.test(s) || VN_MONTH_FIRST.test(s);
}

// ---------------------------------------------------------------- machine dates

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-−]\d{2}(?::?\d{2})?)?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
// "Tue, 22 Mar 2022 21:58:00 +0700", "22 Mar 2022 21:58 GMT"
const RFC =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(GMT|UTC|UT|Z|[+-]\d{4}|[+-]\d{2}:\d{2})?/i;
// "March 22, 2022 21:58"
const MDY_WORDS = /^(?:[a-z]{3,9},?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/i;

const ABBR_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})([A-Za-z]{2,5})(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ZONE_ABBR: Record<string, string> = {
  ICT: '+07:00', UTC: '+00:00', GMT: '+00:00', Z: '+00:00', WIB: '+07:00', SGT: '+08:00', HKT: '+08:00',
  JST: '+09:00', KST: '+09:00', CET: '+01:00', CEST: '+02:00', EST: '-05:00', EDT: '-04:00',
  PST: '-08:00', PDT: '-07:00',
};

function offsetOr(raw: string | undefined): string | null {
  if (!raw) return VN_OFFSET;
  const u = raw.toUpperCase();
  if (u === 'GMT' || u === 'UTC' || u === 'UT') return '+00:00';
  return normalizeOffset(raw);
}

/**
 * A machine-readable date (meta content, JSON-LD, <time datetime>) → ISO 8601 with
 * offset. Falls back to the date-line reader for Vietnamese forms ("22/03/2022 21:58").
 */
export function normalizeDate(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const s = String(input).trim();
  if (!s || s.length > 200) return null;
  let m = ISO.exec(s) ?? ISO_BASIC.exec(s);
  if (m) {
    const off = offsetOr(m[7]);
    if (off === null) return null;
    return formatIso(
      Number(m[1]), Number(m[2]), Number(m[3]),
      m[4] ? Number(m[4]) : 0, m[5] ? Number(m[5]) : 0, m[6] ? Number(m[6]) : 0, off,
    );
  }
  // NukeViet writes article:published_time with PHP's "T" (zone abbreviation): 2022-03-22ICT21:58:00
  if ((m = ABBR_ISO.exec(s))) {
    const off = ZONE_ABBR[m[4]!.toUpperCase()] ?? VN_OFFSET;
    return formatIso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[5]), Number(m[6]), m[7] ? Number(m[7]) : 0, off);
  }
  if ((m = RFC.exec(s))) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    const off = offsetOr(m[7]);
    if (mo === undefined || off === null) return null;
    return formatIso(
      Number(m[3]), mo, Number(m[1]),
      m[4] ? Number(m[4]) : 0, m[5] ? Number(m[5]) : 0, m[6] ? Number(m[6]) : 0, off,
    );
  }
  if ((m = MDY_WORDS.exec(s))) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    if (mo !== undefined) {
      return formatIso(
        Number(m[3]), mo, Number(m[2]),
        m[4] ? Number(m[4]) : 0, m[5] ? Number(m[5]) : 0, m[6] ? Number(m[6]) : 0,
      );
    }
  }
  // .NET's invariant and en-US "M/d/yyyy h:mm:ss tt" (ASP.NET portals' meta tags): with an
  // English AM/PM the month comes first, unless it cannot ("22/3/2024 9:15 AM").
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP])M$/i.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return formatIso(
      Number(m[3]), a > 12 ? b : a, a > 12 ? a : b,
      (Number(m[4]) % 12) + (m[7]!.toUpperCase() === 'P' ? 12 : 0), Number(m[5]), m[6] ? Number(m[6]) : 0,
    );
  }
  // Unix epoch seconds / milliseconds
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const dt = new Date(ms + 7 * 3600_000);
    return formatIso(
      dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(),
      dt.getUTCHours(), dt.getUTCMinutes(), dt.getUTCSeconds(),
    );
  }
  return parseDateLine(s);
}
