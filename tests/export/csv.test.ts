/**
 * The CSV writer against RFC 4180, checked by an independent parser (csv-parse) over
 * generated text: every field comes back exactly (formula-like text with its
 * apostrophe), the file starts with a byte-order mark and ends its records with CRLF.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRecord, exportClippingsCsv, neutralise, tableCsv } from '../../lib/export/csv.ts';
import { numberText, type Cell } from '../../lib/export/cells.ts';
import type { Table } from '../../lib/export/tables.ts';
import { AbortError } from '../../lib/export/progress.ts';
import { bytesOf, seededArchive } from './helpers.ts';

const PIECES = ['a', 'ệ', 'ệ'.normalize('NFD'), ' ', ',', ';', '"', '“', "'", '\n', '\r\n', '\r', '\t', '=', '+', '-', '@', '😀', '1.640', 'x'];
const field = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 12 });

describe('CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula, and nothing else', () => {
    for (const t of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(t)).toBe(`'${t}`);
    for (const t of ['1-2', 'a=b', ' =1', "'=1", 'Quyết định']) expect(neutralise(t)).toBe(t);
    expect(csvField(-2.5)).toBe('-2.5'); // numbers are numbers
    expect(csvField(1.64e12)).toBe('1640000000000');
    expect(csvField('-2.5')).toBe("'-2.5");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField(null)).toBe('');
    expect(csvRecord(['a', 1])).toBe('a,1\r\n');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1e-7)).toBe('0.0000001');
  });

  it('writes fields that an RFC 4180 parser reads back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), async (rows) => {
        const table: Table<string[]> = {
          name: 't',
          columns: [0, 1, 2].map((i) => ({ header: `c${i}`, kind: 'text' as const, width: 10, cell: (r: string[]): Cell => r[i]! })),
          rows,
        };
        const text = (await tableCsv(table)).join('');
        expect(text.startsWith(BOM)).toBe(true);
        expect(text.endsWith('\r\n')).toBe(true);
        const parsed = parse(text.slice(1), { relax_column_count: false }) as string[][];
        expect(parsed).toEqual([['c0', 'c1', 'c2'], ...rows.map((r) => r.map(neutralise))]);
      }),
      { numRuns: 200 },
    );
  });

  it('exports clippings with a BOM, CRLF, headers in the language asked for, and can be cancelled', async () => {
    const { snapshot } = await seededArchive(30, { seed: 2 });
    const vi = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytesOf(await exportClippingsCsv(snapshot, { lang: 'vi' })));
    expect(vi.startsWith('\uFEFFTrích dẫn,Ghi chú,Thẻ,Bài viết')).toBe(true);
    const en = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytesOf(await exportClippingsCsv(snapshot, { lang: 'en' })));
    expect(en.startsWith('\uFEFFQuote,Note,Tags,Page')).toBe(true);
    expect(en.replace(/"[^"]*"/g, '').split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(exportClippingsCsv(snapshot, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
  });
});
