import { describe, expect, it } from 'vitest';
import { figureChanges } from '../../lib/anchor/changes';

/** Changes between a stored quote and a new text anchored over all of it. */
function diff(before: string, after: string, prefix = '', suffix = '') {
  return figureChanges({ exact: before, prefix, suffix }, after, 0, after.length);
}

describe('figureChanges', () => {
  it('reports a changed figure with its place in the new text', () => {
    const after = 'giá trị sản xuất đạt 1.650 tỷ đồng, tăng 0,43%';
    expect(diff('giá trị sản xuất đạt 1.640 tỷ đồng, tăng 0,43%', after)).toEqual([
      { kind: 'number', before: '1.640', after: '1.650', start: after.indexOf('1.650'), end: after.indexOf('1.650') + 5 },
    ]);
  });

  it('reads decimals, ratios and dates as single figures', () => {
    const changes = diff('tăng 0,43%, 843/843 hồ sơ, ngày 31/12/2022', 'tăng 0,45%, 840/843 hồ sơ, ngày 31/12/2022');
    expect(changes.map((c) => [c.before, c.after])).toEqual([
      ['0,43', '0,45'],
      ['843/843', '840/843'],
    ]);
  });

  it('ignores a change of format that keeps the value', () => {
    expect(diff('đạt 1.640 tỷ đồng', 'đạt 1640 tỷ đồng')).toEqual([]);
    expect(diff('Quyết định 3307/QĐ-UBND', 'Quyết định 3307 /QĐ-UBND'.replace(' /', '/'))).toEqual([]);
  });

  it('flags a changed document code as a code', () => {
    const changes = diff('theo Quyết định số 3307/QĐ-UBND ngày 31/12/2022', 'theo Quyết định số 3370/QĐ-UBND ngày 31/12/2022');
    expect(changes).toMatchObject([{ kind: 'code', before: '3307/QĐ-UBND', after: '3370/QĐ-UBND' }]);
  });

  it('reports figures added or dropped', () => {
    expect(diff('đạt 1.640 tỷ đồng', 'đạt 1.640 tỷ đồng, tăng 5%')).toMatchObject([
      { kind: 'number', before: null, after: '5' },
    ]);
    expect(diff('đạt 1.640 tỷ đồng, tăng 5%', 'đạt 1.640 tỷ đồng')).toEqual([{ kind: 'number', before: '5', after: null }]);
  });

  it('completes a figure cut by the selection or by the match', () => {
    // The clipping started inside "1.640": its prefix holds the rest.
    expect(figureChanges({ exact: '640 tỷ đồng', prefix: 'đạt 1.', suffix: '' }, 'đạt 1.650 tỷ đồng', 6, 17)).toEqual([
      { kind: 'number', before: '1.640', after: '1.650', start: 4, end: 9 },
    ]);
  });

  it('says nothing when only words changed', () => {
    expect(diff('tăng 0,43% so với cùng kỳ', 'tăng 0,43% so với năm trước')).toEqual([]);
  });
});
