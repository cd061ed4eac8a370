import { describe, expect, it } from 'vitest';
import { recognize, type FigureEntity } from '../../lib/recognize';

function figures(text: string): FigureEntity[] {
  return recognize(text).filter((e): e is FigureEntity => e.kind === 'figure');
}

function one(text: string): FigureEntity {
  const found = figures(text);
  expect(found, `figures in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
}

type Row = [string, number, string, string | null, string | null, number | null];
// Every row of the spec's table: surface → value, quantity, unit, qualifier, denominator.
const TABLE: Row[] = [
  ['1.640 tỷ đồng', 1640000000000, 'money', 'VND', null, null],
  ['3.500.000.000 đồng', 3500000000, 'money', 'VND', null, null],
  ['gần 600 triệu đồng', 600000000, 'money', 'VND', 'approx', null],
  ['trên 20 tỷ đồng', 20000000000, 'money', 'VND', 'over', null],
  ['2,5 triệu USD', 2500000, 'money', 'USD', null, null],
  ['tăng 0,43%', 0.43, 'percent', '%', null, null],
  ['44,5 hecta', 44.5, 'area', 'ha', null, null],
  ['11.485 m2', 11485, 'area', 'm2', null, null],
  ['12.860m', 12860, 'length', 'm', null, null],
  ['90 km', 90, 'length', 'km', null, null],
  ['444.960 kg gạo', 444960, 'mass', 'kg', null, null],
  ['38.406 lao động', 38406, 'count', 'lao động', null, null],
  ['47 hộ nghèo', 47, 'count', 'hộ', null, null],
  ['02 HTX', 2, 'count', 'HTX', null, null],
  ['843/843 thôn', 843, 'ratio', 'thôn', null, 843],
  ['xếp thứ 04/63', 4, 'rank', null, null, 63],
  ['tăng 7 bậc', 7, 'count', 'bậc', null, null],
];

describe('figures: the spec table', () => {
  for (const [surface, value, quantity, unit, qualifier, denominator] of TABLE) {
    it(surface, () => {
      const f = one(`Kết quả: ${surface} trong năm qua.`);
      expect(f.value).toBe(value);
      expect(f.quantity).toBe(quantity);
      expect(f.unit).toBe(unit);
      expect(f.qualifier).toBe(qualifier);
      expect(f.denominator).toBe(denominator);
    });
  }
});

describe('figures: numbers, scales and units', () => {
  it('reads space and thin-space thousands, comma decimals and lone decimal points', () => {
    expect(one('có 12 981 người').value).toBe(12981);
    expect(one('có 12\u2009981 người').value).toBe(12981);
    expect(one('có 12\u00a0981 người').value).toBe(12981);
    expect(one('đạt 2.5 triệu người').value).toBe(2500000);
    expect(one('thu 12.345,6 tỷ đồng').value).toBe(12345600000000);
  });

  it('multiplies by scale words exactly', () => {
    expect(one('1,2 nghìn tỷ đồng').value).toBe(1.2e12);
    expect(one('3 ngàn tỷ đồng').value).toBe(3e12);
    expect(one('2,5 tỉ đồng').value).toBe(2.5e9);
    expect(one('đón 3,2 triệu lượt khách').value).toBe(3200000);
  });

  it('adds up compound amounts with falling scales', () => {
    expect(one('kinh phí 1 tỷ 200 triệu đồng')).toMatchObject({ value: 1.2e9, unit: 'VND', text: '1 tỷ 200 triệu đồng' });
    expect(one('còn 3 tỷ 500 triệu.')).toMatchObject({ value: 3.5e9, unit: 'VND' });
    expect(one('đón 2 triệu 500 nghìn lượt khách')).toMatchObject({ value: 2.5e6, quantity: 'count', unit: 'lượt khách' });
    expect(figures('1 tỷ 1 tỷ 1 tỷ')).toHaveLength(3);
  });

  it('tells times of day from durations', () => {
    expect(figures('khai mạc lúc 8 giờ 30 phút, vào 14 giờ chiều, hạn chót 20 giờ ngày 10/10, 9 giờ hôm sau')).toEqual([]);
    expect(one('trong 24 giờ qua')).toMatchObject({ quantity: 'duration', unit: 'giờ' });
  });

  it('reads "tổng số" as a count but "số 12" as an address', () => {
    expect(figures('tổng số 1.639 cụm loa, tại số 12 đường Lê Lợi').map((f) => f.text)).toEqual(['1.639 cụm']);
  });

  it('canonicalises units', () => {
    const cases: [string, string, string][] = [
      ['30 m²', 'area', 'm2'],
      ['15 héc-ta', 'area', 'ha'],
      ['20 ha', 'area', 'ha'],
      ['5 mét vuông', 'area', 'm2'],
      ['100 phần trăm', 'percent', '%'],
      ['50 MW', 'energy', 'MW'],
      ['120 triệu kWh', 'energy', 'kWh'],
      ['3.000 m3', 'volume', 'm3'],
      ['500 lít', 'volume', 'lít'],
      ['2 triệu tấn', 'mass', 'tấn'],
      ['1,5 tỷ USD', 'money', 'USD'],
      ['10 triệu đô la Mỹ', 'money', 'USD'],
      ['500.000đ', 'money', 'VND'],
      ['200 triệu VNĐ', 'money', 'VND'],
      ['25 cm', 'length', 'cm'],
    ];
    for (const [surface, quantity, unit] of cases) {
      const f = one(`được ${surface} trong năm`);
      expect([f.quantity, f.unit], surface).toEqual([quantity, unit]);
    }
  });

  it('reads qualifiers and change', () => {
    expect(one('giảm tối thiểu 1.000 hộ nghèo')).toMatchObject({ qualifier: 'atLeast', change: 'decrease', value: 1000 });
    expect(one('ước đạt 64,5%')).toMatchObject({ qualifier: 'approx' });
    expect(one('hơn 02 hecta')).toMatchObject({ qualifier: 'over', value: 2 });
    expect(one('dưới 5%')).toMatchObject({ qualifier: 'under' });
    expect(one('chưa đến 5%')).toMatchObject({ qualifier: 'under' });
    expect(one('tối đa 30 người')).toMatchObject({ qualifier: 'atMost' });
    expect(one('xấp xỉ 7%')).toMatchObject({ qualifier: 'approx' });
    expect(one('tăng thêm 12 xã')).toMatchObject({ change: 'increase' });
    expect(one('đạt 96% kế hoạch')).toMatchObject({ qualifier: null, change: null });
  });

  it('reads "không quá" and "không dưới" as bounds, and "dân số", "bình quân" as no labels', () => {
    expect(figures('thời hạn không quá 30 ngày, không dưới 5 người').map((f) => f.qualifier)).toEqual(['atMost', 'atLeast']);
    expect(figures('Dân số 1,5 triệu người; thu nhập bình quân 65 triệu đồng/người/năm.').map((f) => [f.value, f.unit])).toEqual([
      [1_500_000, 'người'],
      [65_000_000, 'VND'],
    ]);
  });

  it('reads ranges as one figure', () => {
    expect(one('từ 5 đến 7%')).toMatchObject({ value: 5, valueTo: 7, quantity: 'percent' });
    expect(one('tăng 5 - 7%')).toMatchObject({ value: 5, valueTo: 7, change: 'increase' });
    expect(one('từ 20 đến 25 triệu đồng')).toMatchObject({ value: 20e6, valueTo: 25e6, unit: 'VND' });
    expect(one('5% - 7%')).toMatchObject({ value: 5, valueTo: 7 });
  });

  it('reads each end of a range in its own scale', () => {
    expect(one('hỗ trợ từ 500.000 đồng đến 1 triệu đồng/người')).toMatchObject({ value: 5e5, valueTo: 1e6, unit: 'VND' });
    expect(one('mức thu từ 5 triệu đến 7 triệu đồng')).toMatchObject({ value: 5e6, valueTo: 7e6, unit: 'VND' });
    expect(one('từ 500 ha đến 1 nghìn ha')).toMatchObject({ value: 500, valueTo: 1000, unit: 'ha' });
    expect(one('giá từ 5 - 7 tỷ 500 triệu đồng')).toMatchObject({ value: 5e9, valueTo: 7.5e9 });
    expect(one('mức từ 5 tỷ 200 triệu đến 7 tỷ đồng')).toMatchObject({ value: 5.2e9, valueTo: 7e9 });
  });

  it('keeps the counted noun: compounds whole, head nouns alone, acronyms as written', () => {
    const units = figures('có 36 doanh nghiệp, 164 hài cốt liệt sĩ, 1.468 dịch vụ công, 29.664 nhân khẩu, 50.897 phần quà, 12 tuyến, 4 CLB').map((f) => f.unit);
    expect(units).toEqual(['doanh nghiệp', 'hài cốt', 'dịch vụ', 'nhân khẩu', 'phần quà', 'tuyến', 'CLB']);
  });

  it('counts administrative units and certificates by their whole name', () => {
    const units = figures('Toàn tỉnh có 3 thành phố, 2 thị xã, 8 huyện và 12 thị trấn; cấp 1.234 giấy chứng nhận').map((f) => f.unit);
    expect(units).toEqual(['thành phố', 'thị xã', 'huyện', 'thị trấn', 'giấy chứng nhận']);
  });

  it('does not count "1 số" (some) or "1 cửa" (one-stop)', () => {
    expect(figures('1 số đơn vị chưa thực hiện cơ chế 1 cửa; 5 cửa hàng').map((f) => f.text)).toEqual(['5 cửa hàng']);
  });

  it('keeps a symbol with an inner capital as written', () => {
    expect(figures('đường dây 500 kV, pin 5000 mAh').map((f) => f.unit)).toEqual(['kV', 'mAh']);
  });

  it('never cuts a noun after a syllable that means nothing alone', () => {
    const text = 'có 3 khu công nghiệp, 12 khu dân cư, 40 tổ dân phố, 15 trạm y tế, 6 nhà văn hóa, 10 vận động viên, 120 thí sinh, 8 huy chương, 25 hạng mục';
    expect(figures(text).map((f) => f.unit)).toEqual([
      'khu công nghiệp', 'khu dân cư', 'tổ dân phố', 'trạm y tế', 'nhà văn hóa', 'vận động viên', 'thí sinh', 'huy chương', 'hạng mục',
    ]);
  });

  it('tells "đồng" the currency from "đồng chí", "đồng bào", and keeps three-syllable nouns whole', () => {
    const found = figures('khen 03 đồng chí, tặng 500 đồng bào, lập 5 hợp tác xã, giá 20 đồng.');
    expect(found.map((f) => [f.quantity, f.unit])).toEqual([
      ['count', 'đồng chí'],
      ['count', 'đồng bào'],
      ['count', 'hợp tác xã'],
      ['money', 'VND'],
    ]);
  });

  it('reads ratios and ranks', () => {
    expect(one('đạt 18/24 tiêu chí')).toMatchObject({ quantity: 'ratio', value: 18, denominator: 24 });
    expect(one('đạt 18/24 trong năm')).toMatchObject({ quantity: 'ratio', unit: null, denominator: 24 });
    expect(one('đứng thứ 43/63 tỉnh thành')).toMatchObject({ quantity: 'rank', value: 43, denominator: 63, unit: null });
    expect(one('5/9 huyện đạt chuẩn')).toMatchObject({ quantity: 'ratio', unit: 'huyện' });
    expect(one('giải phóng mặt bằng 120/150 ha')).toMatchObject({ quantity: 'ratio', unit: 'ha', denominator: 150 });
  });

  it('finds durations (optional in the spec) with their unit', () => {
    expect(one('trong 20 ngày')).toMatchObject({ quantity: 'duration', unit: 'ngày', value: 20 });
  });
});

describe('figures: what is not a figure', () => {
  const traps = [
    'Ngày 22/03/2022 lúc 21:58 đã diễn ra hội nghị.',
    'nhân Ngày Thương binh liệt sĩ 27/7 tặng quà',
    'trong năm 2021 và giai đoạn 2016-2020, nhiệm kỳ 2021 – 2026',
    'theo Quyết định số 3307/QĐ-UBND ngày 28/12/2020',
    'Đại hội lần thứ XIII, khóa XI, nhiệm kỳ 2020- 2025',
    'điện thoại 0271.3879.123, hotline 0912 345 678',
    'dịch Covid-19, đội K72, ca F0',
    '1. Trong lĩnh vực kinh tế\n2) Về xã hội',
    'theo Điều 65, khoản 2 Luật này',
    'tháng 12/2021 và ngày 2/9',
    'Quốc lộ 13, thôn 5, tổ dân phố 7, khu phố 3, đường 3/2, Quận 1',
    'tiêu chuẩn ISO 9001:2015',
    'phục vụ 24/7',
    'nhân ngày 12 tháng 12, tại hội trường',
    'Nghị quyết Hội nghị Trung ương 4 khóa XII về xây dựng Đảng',
    'Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh khóa XI',
  ];
  for (const text of traps) {
    it(JSON.stringify(text), () => expect(figures(text)).toEqual([]));
  }

  it('still counts a noun that a Roman numeral does not follow ("3 khóa đào tạo")', () => {
    expect(figures('mở 3 khóa đào tạo cho 120 học viên').map((f) => f.text)).toEqual(['3 khóa', '120 học viên']);
  });

  it('keeps the document number and code apart from figures', () => {
    const all = recognize('Kế hoạch số 78/KH-UBND ngày 12/3/2021 về giảm 1.000 hộ nghèo');
    expect(all.map((e) => e.kind)).toEqual(['document', 'figure']);
  });
});
