/**
 * The words in memory answer exactly what checking every clipping's tokens answers
 * (`matchesTerms`), through changes, removals and the renumbering of dead slots.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexTokens, matchesTerms, queryTerms } from '../../lib/search/index.ts';
import { WordIndex } from '../../lib/search/memory.ts';

const TEXTS = ['Quyết định số 3307/QĐ-UBND', 'tổng vốn 1.640 tỷ đồng', 'Nghị quyết 05-NQ/HU', 'giải ngân 2,5 ha đất', 'Luật Đất đai 2013', 'kiểm tra số liệu', 'đ d Đà Nẵng'];
const QUERIES = ['quyet dinh', '3307', 'qd-ubnd', 'ubnd', '1640 ty', 'd', 'da', 'dat dai', 'nq/hu', '2.5', 'xyz', 'kiem tra so lieu'];

function brute(docs: Map<string, string[]>, query: string): string[] {
  const terms = queryTerms(query);
  return [...docs].filter(([, tokens]) => matchesTerms(tokens, terms)).map(([id]) => id).sort();
}

describe('WordIndex', () => {
  it('agrees with matchesTerms through random changes', () => {
    const op = fc.record({ id: fc.integer({ min: 0, max: 40 }), texts: fc.option(fc.subarray(TEXTS, { minLength: 1, maxLength: 3 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3_000 }), fc.boolean(), (ops, bulk) => {
        const index = new WordIndex();
        const docs = new Map<string, string[]>();
        const entries = ops.map(({ id, texts }) => [`c${id}`, texts ? indexTokens(...texts) : null] as const);
        if (bulk) index.setMany(entries.map(([id, tokens]) => [id, tokens && tokens.join(' ')] as const));
        entries.forEach(([id, tokens], i) => {
          if (!bulk) index.set(id, tokens);
          if (tokens) docs.set(id, tokens);
          else docs.delete(id);
          // Queries between changes: the kept answers must follow the changes.
          if (!bulk && i % 97 === 0) for (const q of QUERIES.slice(0, 6)) expect([...index.match(queryTerms(q))].sort()).toEqual(brute(docs, q));
        });
        expect(index.size).toBe(docs.size);
        // Twice: the second answers from the kept terms.
        for (const q of [...QUERIES, ...QUERIES]) expect([...index.match(queryTerms(q))].sort()).toEqual(brute(docs, q));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps its kept answers current as clippings change', () => {
    const index = new WordIndex();
    index.set('a', indexTokens('quyết định'));
    expect([...index.match(queryTerms('quy'))]).toEqual(['a']);
    expect([...index.match(queryTerms('quyet'))]).toEqual(['a']);
    index.set('b', indexTokens('quyết toán'));
    index.set('a', indexTokens('nghị quyết'));
    expect([...index.match(queryTerms('quyet'))].sort()).toEqual(['a', 'b']);
    expect([...index.match(queryTerms('quyet dinh'))]).toEqual([]);
    index.set('b', null);
    expect([...index.match(queryTerms('quy'))]).toEqual(['a']);
  });

  it('drops dead slots when they are half of all, and still answers', () => {
    const index = new WordIndex();
    const rounds = ['alpha', 'beta', 'gamma', 'delta', 'omega'];
    for (const round of rounds) for (let i = 0; i < 1_000; i++) index.set(`c${i}`, indexTokens(`vòng ${round} số ${i}`));
    expect(index.size).toBe(1_000);
    expect(index.match(queryTerms('vong omega')).size).toBe(1_000);
    expect(index.match(queryTerms('vong delta')).size).toBe(0);
    expect([...index.match(queryTerms('so 999'))]).toEqual(['c999']);
  });
});
