/**
 * The typed cells the tabular exports share (CSV and XLSX write the same tables), and
 * dates as wall-clock times.
 *
 * Dates are kept as the wall clock a Vietnamese reader saw, not as instants: a page
 * published "2024-03-12T08:30:00+07:00" was published on 12 March at 08:30 wherever
 * the spreadsheet is opened later, and spreadsheets have no time zones. Save times
 * (epoch ms) are shown in Vietnam time (UTC+7, no daylight saving), where the archive's
 * pages come from (the store reads a bare date the same way).
 */

export interface DateCell {
  kind: 'date';
  y: number;
  /** 1–12 */
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
  /** False for a date alone (a signing date): shown without a time. */
  hasTime: boolean;
}

export interface LinkCell {
  kind: 'link';
  text: string;
  /** An http(s) address, or null when there is none to link (the text is still shown). */
  url: string | null;
}

export type Cell = string | number | null | DateCell | LinkCell;

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** A save time (epoch ms) as Vietnam wall-clock time. */
export function vietnamTime(ms: number | null): DateCell | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  const t = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    kind: 'date',
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    min: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    hasTime: true,
  };
}

const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** An ISO date or date-time as the wall clock it names (its offset ignored), or null. */
export function wallClock(iso: string | null): DateCell | null {
  if (!iso) return null;
  const m = ISO_WALL.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const cell: DateCell = {
    kind: 'date',
    y,
    m: mo,
    d,
    h: hasTime ? Number(m[4]) : 0,
    min: hasTime ? Number(m[5]) : 0,
    s: m[6] !== undefined ? Number(m[6]) : 0,
    hasTime,
  };
  // "2024-02-31" is not a date: refuse it rather than let it roll into March.
  const check = new Date(Date.UTC(y, mo - 1, d, cell.h, cell.min, cell.s));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || cell.h > 23 || cell.min > 59 || cell.s > 59) return null;
  return cell;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2024-03-12" or "2024-03-12 08:30:00": ISO order, which every spreadsheet reads as a date whatever its locale. */
export function isoText(c: DateCell): string {
  const date = `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
  return c.hasTime ? `${date} ${pad(c.h)}:${pad(c.min)}:${pad(c.s)}` : date;
}

/** Spreadsheet serial number (days since 1899-12-30, the 1900 date system as Excel and LibreOffice count it). */
export function serial(c: DateCell): number {
  return Date.UTC(c.y, c.m - 1, c.d, c.h, c.min, c.s) / 86_400_000 + 25_569;
}

/** Text of any cell, as a CSV or a plain reader shows it. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return numberText(cell);
  return cell.kind === 'date' ? isoText(cell) : cell.text;
}

/**
 * A number as plain digits with a "." decimal point and no grouping, never in
 * exponent form below 1e21 (the largest money figures are around 1e15): what CSV
 * readers and LibreOffice's en-US import take as a number.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Tiny values ("1e-7"): print the digits out; big ones are integers well within 1e21.
  return Math.abs(n) < 1 ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : BigInt(Math.round(n)).toString();
}
