/**
 * The texts the bench runs on: the sample articles in `bench/samples/`, normal text of a
 * given size made from them, and hostile inputs of the same size. Sizes are in UTF-16
 * code units (`string.length`), the unit the recognizer's offsets use; "1 MB" is 1e6 of them.
 */
import { readFileSync, readdirSync } from 'node:fs';

export const MB = 1_000_000;

export interface Input {
  name: string;
  text: string;
}

const SAMPLES = new URL('./samples/', import.meta.url);

export function loadSamples(): Input[] {
  return readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, SAMPLES), 'utf8') }));
}

/** `unit` repeated and cut to exactly `size` code units. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The sample articles one after another, as often as it takes to fill `size`. */
export function normalText(samples: Input[], size = MB): string {
  return repeatTo(samples.map((s) => s.text.trim()).join('\n\n') + '\n\n', size);
}

/**
 * Inputs a hostile or merely odd page could feed a regex-based recognizer: long runs that
 * keep a number, date, code or issuer pattern going without ever ending it (the shapes
 * that make backtracking or rescanning quadratic), dense matches, and text a tokenizer
 * may treat badly (no spaces, only spaces, combining marks).
 */
export function adversarialInputs(normal: string, size = MB): Input[] {
  const cases: [string, string | (() => string)][] = [
    ['digits and dots "1.2.3.4.…"', '1.2.3.4.5.6.7.8.9.0.'],
    ['one run of digits "1111…"', '1'],
    ['endless thousands "1.000.000.…"', () => '1' + repeatTo('.000', size - 1)],
    ['space-grouped digits "1 000 000 …"', () => '1' + repeatTo(' 000', size - 1)],
    ['decimal commas "1,1,1,…"', '1,'],
    ['"số số số …"', 'số '],
    ['"1/1/1/…"', '1/'],
    ['100 000 spaces, then normal text', () => ' '.repeat(100_000) + normal.slice(0, size - 100_000)],
    ['"Quyết định Quyết định …"', 'Quyết định '],
    ['"ngày 12 tháng 12 năm ngày …"', 'ngày 12 tháng 12 năm '],
    ['dates "ngày 28/12/2020 " repeated', 'ngày 28/12/2020 '],
    ['one line without spaces', () => repeatTo(normal.replace(/\s+/g, ''), size)],
    ['"Quyết định số 1/" repeated', 'Quyết định số 1/'],
    ['endless symbol "số 1/QĐ-QĐ-QĐ-…"', () => 'Quyết định số 1/' + repeatTo('QĐ-', size - 16)],
    ['symbols without numbers "QĐ-UBND/TW-…"', 'QĐ-UBND/TW-'],
    ['issuer that never ends "… của UBND tỉnh …"', 'Quyết định số 1/QĐ-UBND của UBND tỉnh '],
    ['dense figures "1.640 tỷ " repeated', '1.640 tỷ '],
    ['ranges "1 - 1 - 1 - …"', '1 - '],
    ['dashes "- - - -"', '- '],
    ['qualifiers without numbers "gần khoảng trên …"', 'gần khoảng trên hơn xấp xỉ '],
    ['normal text, decomposed (NFD)', () => repeatTo(normal.normalize('NFD'), size)],
    ['combining marks stacked on one letter', () => 'a' + repeatTo('\u0300\u0301\u0303\u0309\u0323\u0302\u0306', size - 1)],
    ['no-break and thin spaces "1\\u00a0000\\u2009000…"', '1\u00a0000\u2009000 '],
  ];
  return cases.map(([name, make]) => {
    const text = typeof make === 'string' ? repeatTo(make, size) : make();
    return { name, text: text.length === size ? text : repeatTo(text, size) };
  });
}
