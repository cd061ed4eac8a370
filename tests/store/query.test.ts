import { beforeAll, describe, expect, it } from 'vitest';
import type { ClippingFilter } from '../../lib/store/filter.ts';
import type { Repo } from '../../lib/store/repo.ts';
import type { PageInput } from '../../lib/store/validate.ts';
import { clip, DOC, entitiesIn, FIG, fresh } from './helpers.ts';

const BP: PageInput = { url: 'https://bdv.binhphuoc.gov.vn/a.html', title: 'Bình Phước giải ngân', published: '2024-03-12T08:00:00+07:00', site: 'Cổng TTĐT Bình Phước' };
const QN: PageInput = { url: 'https://www.quangninh.gov.vn/b.aspx?nid=1', title: 'Quảng Ninh đầu tư', published: '2023-11-02', site: 'Cổng TTĐT Quảng Ninh' };
const DN: PageInput = { url: 'https://baodanang.vn/c.html', title: 'Đà Nẵng', published: '2025-01-20T10:00:00+07:00', site: 'Báo Đà Nẵng' };
const MOF: PageInput = { url: 'https://www.mof.gov.vn/d', title: 'Bộ Tài chính', published: null, site: 'Bộ Tài chính' };

const Q1 = 'Theo Quyết định số 3307/QĐ-UBND, tổng vốn 1.640 tỷ đồng.';
const Q2 = 'Quyết định 3307/QĐ-UBND được điều chỉnh, giải ngân đạt 45,5%.';
const Q3 = 'Nghị định 15/2021/NĐ-CP quy định diện tích 120 ha.';
const Q4 = 'Thực hiện Luật Đầu tư công năm 2019 và Nghị định 15/2021/NĐ-CP.';
const Q5 = 'Kinh phí 1 640 tỷ đồng cho 350 hộ dân.';
const Q6 = 'Một đoạn không có văn bản hay số liệu.';

let repo: Repo;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ repo } = fresh(Date.UTC(2025, 5, 1)));
  const save = async (name: string, quote: string, page: PageInput, specs: [string, Record<string, unknown>][], extra = {}) => {
    ids[name] = (await repo.saveClipping(clip(quote, { entities: entitiesIn(quote, specs), ...extra }, page))).clipping.id;
  };
  await save('q1', Q1, BP, [['Quyết định số 3307/QĐ-UBND', DOC('3307/QĐ-UBND')], ['1.640 tỷ đồng', FIG(1.64e12, 'VND')]], { tags: ['ngân sách'] });
  await save('q2', Q2, QN, [['Quyết định 3307/QĐ-UBND', DOC('3307/QĐ-UBND')], ['45,5%', FIG(45.5, '%', 'percent')]], { tags: ['giải ngân'] });
  await save('q3', Q3, DN, [['Nghị định 15/2021/NĐ-CP', DOC('15/2021/NĐ-CP', 'Nghị định', 2021)], ['120 ha', FIG(120, 'ha', 'area')]], { tags: ['đất đai', 'ngân sách'] });
  await save('q4', Q4, MOF, [['Luật Đầu tư công năm 2019', DOC(null, 'Luật', 2019)], ['Nghị định 15/2021/NĐ-CP', DOC('15/2021/NĐ-CP', 'Nghị định', 2021)]]);
  await save('q5', Q5, BP, [['1 640 tỷ đồng', FIG(1.64e12, 'VND')], ['350 hộ dân', FIG(350, 'hộ dân', 'count')]], { note: 'Khác số với bài trước?' });
  await save('q6', Q6, QN, [], { tags: ['ngân sách'] });
});

async function list(filter: ClippingFilter): Promise<string[]> {
  const r = await repo.listClippings({ filter });
  return r.items.map((v) => Object.keys(ids).find((k) => ids[k] === v.clipping.id)!);
}

async function find(query: string, filter?: ClippingFilter): Promise<string[]> {
  const r = await repo.search(query, filter);
  return r.items.map((v) => Object.keys(ids).find((k) => ids[k] === v.clipping.id)!);
}

describe('filters', () => {
  it.each<[string, ClippingFilter, string[]]>([
    ['site by host', { host: 'bdv.binhphuoc.gov.vn' }, ['q5', 'q1']],
    ['site by URL, www ignored', { host: 'https://www.quangninh.gov.vn/anything' }, ['q6', 'q2']],
    ['province', { province: 'Bình Phước' }, ['q5', 'q1']],
    ['province of a paper', { province: 'Đà Nẵng' }, ['q3']],
    ['tag', { tag: 'ngân sách' }, ['q6', 'q3', 'q1']],
    ['tag, tidied', { tag: '  ngân   sách ' }, ['q6', 'q3', 'q1']],
    ['entity kind', { kind: 'document' }, ['q4', 'q3', 'q2', 'q1']],
    ['figure kind', { kind: 'figure' }, ['q5', 'q3', 'q2', 'q1']],
    ['document code as written', { docCode: '3307/QĐ-UBND' }, ['q2', 'q1']],
    ['document code unaccented, spaced', { docCode: '3307 / qd-ubnd' }, ['q2', 'q1']],
    ['law by name', { docCode: 'Luật Đầu tư công 2019' }, ['q4']],
    ['figure unit', { unit: 'VND' }, ['q5', 'q1']],
    ['published range (dates are Vietnam days)', { published: { from: '2024-01-01', to: '2024-12-31' } }, ['q5', 'q1']],
    ['published up to a day, inclusive', { published: { to: '2023-11-02' } }, ['q6', 'q2']],
    ['saved range', { saved: { from: Date.UTC(2025, 5, 1) + 1_500, to: Date.UTC(2025, 5, 1) + 3_500 } }, ['q3', 'q2']], // one save a second
    ['combined', { tag: 'ngân sách', kind: 'figure', province: 'Bình Phước' }, ['q1']],
    ['nothing matches', { tag: 'ngân sách', host: 'mof.gov.vn' }, []],
  ])('%s', async (_, filter, expected) => {
    expect(await list(filter)).toEqual(expected);
  });

  it('counts matches when every criterion is answered by an index', async () => {
    expect((await repo.listClippings({ filter: { tag: 'ngân sách' } })).total).toBe(3);
  });
});

describe('search', () => {
  it.each<[string, string[]]>([
    ['quyet dinh 3307', ['q2', 'q1']],
    ['3307/qđ-ubnd', ['q2', 'q1']],
    ['qd-ubnd', ['q2', 'q1']],
    ['1640 tỷ', ['q5', 'q1']],
    ['1.640', ['q5', 'q1']],
    ['45.5', ['q2']],
    ['nghi dinh 15/2021', ['q4', 'q3']],
    ['luat dau tu cong', ['q4']],
    ['khac so', ['q5']], // the note
    ['ngan sach 120', ['q3']], // a tag and a number
    ['quang ninh', ['q6', 'q2']], // the page title and site
    ['xyz', []],
    ['', ['q6', 'q5', 'q4', 'q3', 'q2', 'q1']],
  ])('"%s"', async (query, expected) => {
    expect(await find(query)).toEqual(expected);
  });

  it('searches within a filter', async () => {
    expect(await find('quyet dinh', { province: 'Quảng Ninh' })).toEqual(['q2']);
    expect(await find('ty dong', { published: { from: '2024-01-01' } })).toEqual(['q5', 'q1']);
  });
});

describe('citation index', () => {
  it('lists every document with its clippings and sites, most cited first', async () => {
    const index = await repo.citationIndex();
    expect(index.total).toBe(3);
    const rows = index.rows.map((r) => ({ key: r.key, code: r.code, n: r.clippingCount, sites: r.siteCount }));
    expect(rows).toEqual([
      { key: '15/2021/nd-cp', code: '15/2021/NĐ-CP', n: 2, sites: 2 },
      { key: '3307/qd-ubnd', code: '3307/QĐ-UBND', n: 2, sites: 2 },
      { key: 'luat dau tu cong 2019', code: null, n: 1, sites: 1 },
    ]);
    const r3307 = index.rows.find((r) => r.key === '3307/qd-ubnd')!;
    expect(r3307).toMatchObject({ docType: 'Quyết định', hosts: ['bdv.binhphuoc.gov.vn', 'quangninh.gov.vn'] });
    expect(r3307.clippingIds.sort()).toEqual([ids.q1, ids.q2].sort());
    // the ids lead to the clippings
    expect((await repo.getClippings(r3307.clippingIds)).length).toBe(2);
  });

  it('pages and filters', async () => {
    const page = await repo.citationIndex({ offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.key)).toEqual(['3307/qd-ubnd']);
    const bp = await repo.citationIndex({ filter: { province: 'Bình Phước' } });
    expect(bp.rows.map((r) => [r.key, r.clippingCount])).toEqual([['3307/qd-ubnd', 1]]);
  });
});

describe('ledger', () => {
  it('has a row per clipped figure with its clipping and page', async () => {
    const rows = await repo.ledger();
    expect(rows.map((r) => [r.figure.text, r.page.host])).toEqual([
      ['1 640 tỷ đồng', 'bdv.binhphuoc.gov.vn'],
      ['350 hộ dân', 'bdv.binhphuoc.gov.vn'],
      ['120 ha', 'baodanang.vn'],
      ['45,5%', 'quangninh.gov.vn'],
      ['1.640 tỷ đồng', 'bdv.binhphuoc.gov.vn'],
    ]);
    expect(rows[0]!.clipping.quote).toBe(Q5);
    expect(rows[0]!.entityIndex).toBe(0);
    expect(rows[1]!.entityIndex).toBe(1);
  });

  it('narrows by unit, quantity and filter', async () => {
    expect((await repo.ledger({ unit: 'VND' })).map((r) => r.figure.value)).toEqual([1.64e12, 1.64e12]);
    expect((await repo.ledger({ quantity: 'area' })).map((r) => r.figure.unit)).toEqual(['ha']);
    expect((await repo.ledger({ filter: { province: 'Quảng Ninh' } })).map((r) => r.figure.text)).toEqual(['45,5%']);
  });
});

describe('stats', () => {
  it('counts clippings, pages, documents, kinds, sites, provinces, tags and units', async () => {
    const s = await repo.stats();
    expect(s).toMatchObject({ clippings: 6, tombstones: 0, pages: 4, documents: 3, byKind: { document: 4, figure: 4 } });
    expect(s.sites).toEqual([
      { host: 'bdv.binhphuoc.gov.vn', site: 'Cổng TTĐT Bình Phước', count: 2 },
      { host: 'quangninh.gov.vn', site: 'Cổng TTĐT Quảng Ninh', count: 2 },
      { host: 'baodanang.vn', site: 'Báo Đà Nẵng', count: 1 },
      { host: 'mof.gov.vn', site: 'Bộ Tài chính', count: 1 },
    ]);
    expect(s.provinces).toEqual([
      { province: 'Bình Phước', count: 2 },
      { province: 'Quảng Ninh', count: 2 },
      { province: 'Đà Nẵng', count: 1 },
    ]);
    expect(s.tags[0]).toEqual({ tag: 'ngân sách', count: 3 });
    expect(s.units.map((u) => u.unit).sort()).toEqual(['%', 'VND', 'ha', 'hộ dân'].sort());
    expect(s.oldest).toBeLessThan(s.newest!);
  });
});
