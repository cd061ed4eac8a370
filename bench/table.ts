/**
 * A plain-text table printer shared by the bench sections, so every section reads the
 * same way and a later one only has to supply rows.
 */

export interface Column {
  header: string;
  /** Numbers read best right-aligned; everything else defaults to the left. */
  align?: 'left' | 'right';
}

export interface Table {
  title: string;
  columns: Column[];
  rows: string[][];
  /** Lines printed under the table: units, targets, what a ratio is relative to. */
  notes?: string[];
}

export function printTable({ title, columns, rows, notes = [] }: Table): void {
  const widths = columns.map((column, i) => Math.max(width(column.header), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
        return columns[i]?.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const out = [title, '', line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of rows) out.push(line(row));
  if (notes.length > 0) out.push('', ...notes);
  process.stdout.write(out.join('\n') + '\n\n');
}

/** Display width: one column per code point once composed; Vietnamese has no wide characters. */
function width(text: string): number {
  let n = 0;
  for (const char of text.normalize('NFC')) if (!/\p{M}/u.test(char)) n++;
  return n;
}

export const format = {
  /** Three significant digits at most, so that 0.0123 ms and 1234 ms both read well. */
  ms: (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toPrecision(3)),
  rate: (perSecond: number) => (perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1)),
  ratio: (ratio: number) => ratio.toFixed(2),
  count: (n: number) => n.toLocaleString('en-US'),
  passFail: (pass: boolean) => (pass ? 'PASS' : 'FAIL'),
};
