/**
 * A backup cut short anywhere (an interrupted download, a full disk) is named as such,
 * whatever the engine's JSON error says at that point; a malformed but complete file is not.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, parseJson } from '../../lib/import/index.ts';

function codeOf(text: string): string {
  try {
    parseJson(text);
    return 'parsed';
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).code;
  }
}

const sample = JSON.stringify({
  format: 'trich-luc-backup',
  version: 1,
  pages: [{ url: 'https://x.gov.vn/a', title: 'Quyết định số 12/QĐ-UBND "mới"\n\\ \u00e9', n: -1.5e3, ok: true, none: null }],
  clippings: [{ tags: ['a', 'b'], note: '' }, {}],
});

describe('a backup cut short', () => {
  it('is "truncated" at every cut point', () => {
    for (let i = 1; i < sample.length; i++) expect(codeOf(sample.slice(0, i)), `cut at ${i}: ${sample.slice(i - 10, i)}`).toBe('truncated');
    expect(codeOf(sample)).toBe('parsed');
  });

  it('is not confused with a complete but malformed file', () => {
    expect(codeOf('')).toBe('not-json');
    expect(codeOf('{"a":1}}')).toBe('not-json');
    expect(codeOf('{"a":tru}')).toBe('not-json');
    expect(codeOf('<html><body>Not found</body></html>')).toBe('not-json');
  });
});
