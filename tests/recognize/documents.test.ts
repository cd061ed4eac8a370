import { describe, expect, it } from 'vitest';
import { recognize, type DocumentEntity } from '../../lib/recognize';

function docs(text: string): DocumentEntity[] {
  return recognize(text).filter((e): e is DocumentEntity => e.kind === 'document');
}

function one(text: string): DocumentEntity {
  const found = docs(text);
  expect(found, `documents in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
}

// Every row of the spec's table: surface text → type, code, date, issuer.
const TABLE: [string, string, string | null, string | null, string | null, number | null][] = [
  ['Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh Bình Phước', 'Quyết định', '3307/QĐ-UBND', '2020-12-28', 'UBND tỉnh Bình Phước', 2020],
  ['Quyết định số 59/2015/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ', 'Quyết định', '59/2015/QĐ-TTg', '2015-11-19', 'Thủ tướng Chính phủ', 2015],
  ['Nghị Quyết 68/NQ-CP, ngày 01/7/2021 của Chính phủ', 'Nghị quyết', '68/NQ-CP', '2021-07-01', 'Chính phủ', 2021],
  ['Nghị quyết số 39-NQ/TW, ngày 17/4/2016 của Bộ Chính trị', 'Nghị quyết', '39-NQ/TW', '2016-04-17', 'Bộ Chính trị', 2016],
  ['Kế hoạch phối hợp số 27-KH/BDVTU-BCSĐUBND ngày 12/01/2023', 'Kế hoạch', '27-KH/BDVTU-BCSĐUBND', '2023-01-12', null, 2023],
  ['Chương trình hành động số 36/CTr-UBND', 'Chương trình', '36/CTr-UBND', null, null, null],
  ['Thông tư 02/2013/TT-BVHTTDL', 'Thông tư', '02/2013/TT-BVHTTDL', null, null, 2013],
  ['Quyết định số 218- QĐ/TW', 'Quyết định', '218-QĐ/TW', null, null, null],
  ['Nghị định số 99/2021/NĐ-CP ngày 11 tháng 11 năm 2021', 'Nghị định', '99/2021/NĐ-CP', '2021-11-11', null, 2021],
  ['Thông tư liên tịch số: 183/2010/TTLT/BTC-BNN', 'Thông tư liên tịch', '183/2010/TTLT/BTC-BNN', null, null, 2010],
  ['Luật Đầu tư công số 49/2014/QH13', 'Luật', '49/2014/QH13', null, null, 2014],
  ['theo 3341/KH-UBND', 'Kế hoạch', '3341/KH-UBND', null, null, null],
  ['Luật Dân chủ cơ sở năm 2022', 'Luật', null, null, null, 2022],
  ['Hiến pháp năm 2013', 'Hiến pháp', null, null, null, 2013],
];

describe('cited documents: the spec table', () => {
  for (const [text, docType, code, date, issuer, year] of TABLE) {
    it(text, () => {
      const d = one(`Theo ${text} về việc triển khai.`);
      expect(d.docType).toBe(docType);
      expect(d.code).toBe(code);
      expect(d.date).toBe(date);
      expect(d.issuer).toBe(issuer);
      expect(d.year).toBe(year);
      expect(d.number).toBe(code === null ? null : code.split(/[/-]/)[0]);
    });
  }
});

describe('cited documents: forms and rules', () => {
  it('reads dates written with dots and dashes', () => {
    expect(one('Kế hoạch số 12/KH-UBND ngày 30.3.2022 của UBND huyện').date).toBe('2022-03-30');
    expect(one('Kế hoạch số 12/KH-UBND ngày 30-3-2022 của UBND huyện').date).toBe('2022-03-30');
  });

  it('gives a coordinated list one entity per document, sharing the date and issuer', () => {
    const found = docs('giám sát việc thực hiện Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI).');
    expect(found.map((d) => d.code)).toEqual(['217-QĐ/TW', '218-QĐ/TW']);
    for (const d of found) {
      expect(d.date).toBe('2013-12-12');
      expect(d.issuer).toBe('Bộ Chính trị');
      expect(d.year).toBe(2013);
    }
  });

  it('shares nothing between listed documents of two types, or a date of another year than the code', () => {
    const [decree, circular] = docs('Thực hiện Nghị định 100/2019/NĐ-CP và Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ, tỉnh đã');
    expect([decree!.code, decree!.date, decree!.issuer, decree!.year]).toEqual(['100/2019/NĐ-CP', null, null, 2019]);
    expect([circular!.date, circular!.issuer]).toEqual(['2023-03-23', 'Bộ Nội vụ']);
    const [a, b] = docs('theo Quyết định số 15/2019/QĐ-UBND và số 20/2021/QĐ-UBND ngày 5/4/2021 của UBND tỉnh');
    expect([a!.date, a!.year, a!.issuer]).toEqual([null, 2019, 'UBND tỉnh']);
    expect(b!.date).toBe('2021-04-05');
  });

  it('types the second member of a list from the first ("Quy định" written QĐ)', () => {
    const found = docs('thực hiện Quy định số 66-QĐ/TW và 67-QĐ/TW của Bộ Chính trị');
    expect(found.map((d) => [d.code, d.docType])).toEqual([
      ['66-QĐ/TW', 'Quy định'],
      ['67-QĐ/TW', 'Quy định'],
    ]);
  });

  it('reads a Party QĐ without a type word as Quyết định', () => {
    expect(one('căn cứ 102-QĐ/TW của Bộ Chính trị').docType).toBe('Quyết định');
  });

  it('takes the type from the type word when the symbol has no abbreviation', () => {
    const d = one('Công văn 285/CCTTHC của Cục Kiểm soát thủ tục hành chính');
    expect(d.docType).toBe('Công văn');
    expect(d.code).toBe('285/CCTTHC');
  });

  it('reads a number with a letter ("Nghị quyết 30a/2008/NQ-CP")', () => {
    const d = one('theo Nghị quyết 30a/2008/NQ-CP của Chính phủ, huyện được hỗ trợ');
    expect([d.code, d.number, d.year, d.docType, d.issuer]).toEqual(['30a/2008/NQ-CP', '30a', 2008, 'Nghị quyết', 'Chính phủ']);
  });

  it('finds a citation broken across lines', () => {
    const d = one('thực hiện Quyết định\nsố 1500/QĐ-UBND ngày\n15/6/2022 của UBND tỉnh\nvề việc');
    expect(d.code).toBe('1500/QĐ-UBND');
    expect(d.docType).toBe('Quyết định');
    expect(d.date).toBe('2022-06-15');
  });

  it('reads lower-case and ALL-CAPS type words', () => {
    expect(one('theo quyết định số 45/QĐ-UBND').docType).toBe('Quyết định');
    const caps = one('QUYẾT ĐỊNH SỐ 1234/QĐ-UBND NGÀY 30.3.2022 CỦA UBND TỈNH');
    expect(caps.docType).toBe('Quyết định');
    expect(caps.date).toBe('2022-03-30');
  });

  it('stops the issuer at "về", "ban hành", punctuation, digits and line breaks', () => {
    expect(one('Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND tỉnh đã').issuer).toBe('Thủ tướng Chính phủ');
    expect(one('Quyết định số 59/2015/QĐ-TTg của Thủ tướng Chính phủ ban hành chuẩn nghèo').issuer).toBe('Thủ tướng Chính phủ');
    expect(one('Nghị quyết 68/NQ-CP của Chính phủ 13 cuộc').issuer).toBe('Chính phủ');
    expect(one('Thông tư 02/2013/TT-BVHTTDL của Bộ Văn hóa – Thể thao & Du lịch.').issuer).toBe('Bộ Văn hóa – Thể thao & Du lịch');
    expect(one('Kết luận số 01-KL/TW của Bộ Chính trị\nvề tiếp tục').issuer).toBe('Bộ Chính trị');
  });

  it('stops the issuer at the verb the sentence goes on with, not inside an organisation\'s name', () => {
    const issuer = (text: string) => one(text).issuer;
    expect(issuer('Công văn số 1234/UBND-KT ngày 02/02/2024 của UBND tỉnh yêu cầu các sở triển khai')).toBe('UBND tỉnh');
    expect(issuer('Quyết định số 56/QĐ-UBND của UBND huyện đề nghị các xã rà soát')).toBe('UBND huyện');
    expect(issuer('Thông báo số 12/TB-VP của Văn phòng UBND tỉnh thông báo ý kiến kết luận')).toBe('Văn phòng UBND tỉnh');
    expect(issuer('Kết luận số 14-KL/TU của Ban Thường vụ Tỉnh ủy giao Đảng đoàn HĐND tỉnh')).toBe('Ban Thường vụ Tỉnh ủy');
    expect(issuer('Hướng dẫn số 3-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy đồng thời chỉ đạo các cấp')).toBe('Ban Tuyên giáo Tỉnh ủy');
    expect(issuer('Nghị quyết số 15/2023/NQ-HĐND của Hội đồng nhân dân tỉnh Đồng Nai quy định mức hỗ trợ')).toBe('Hội đồng nhân dân tỉnh Đồng Nai');
    expect(issuer('Kế hoạch số 10/KH-BCĐ của Ban Chỉ đạo tỉnh về phòng chống dịch')).toBe('Ban Chỉ đạo tỉnh');
    expect(issuer('Kế hoạch số 11/KH-BCĐ của Ban chỉ đạo 389 tỉnh')).toBe('Ban chỉ đạo 389 tỉnh');
    expect(issuer('Nghị quyết số 04/NQ-CP của Chính phủ 13 cuộc')).toBe('Chính phủ');
    expect(issuer('Công văn số 567/SKHĐT-ĐTG của Sở Kế hoạch và Đầu tư gửi các đơn vị')).toBe('Sở Kế hoạch và Đầu tư');
    expect(issuer('Công văn số 12/LĐTBXH-VP của Bộ Lao động - Thương binh và Xã hội')).toBe('Bộ Lao động - Thương binh và Xã hội');
    expect(issuer('Thông tư số 12/2024/TT-BGTVT của Bộ Giao thông vận tải về đăng kiểm')).toBe('Bộ Giao thông vận tải');
    expect(issuer('Quyết định số 9/QĐ-QĐT của Quỹ Đầu tư phát triển tỉnh về cho vay')).toBe('Quỹ Đầu tư phát triển tỉnh');
  });

  it('infers the type of a bare code from its abbreviation', () => {
    const cases: [string, string][] = [
      ['05/CT-TTg', 'Chỉ thị'],
      ['15/2019/NĐ-CP', 'Nghị định'],
      ['12/TB-UBND', 'Thông báo'],
      ['45/BC-UBND', 'Báo cáo'],
      ['08/HD-BTGTU', 'Hướng dẫn'],
      ['20/TTr-UBND', 'Tờ trình'],
      ['04/CĐ-UBND', 'Công điện'],
      ['1234-CV/TU', 'Công văn'],
      ['11/CTr-UBND', 'Chương trình'],
    ];
    for (const [code, type] of cases) expect(one(`căn cứ ${code} của UBND tỉnh`).docType, code).toBe(type);
  });

  it('reads a document number written with thousands dots, and never a figure in it', () => {
    const d = one('Quyết định số 2.345/QĐ-UBND ngày 20/10/2022 của Chủ tịch UBND tỉnh phê duyệt đề án.');
    expect([d.docType, d.code, d.number, d.date, d.issuer]).toEqual(['Quyết định', '2.345/QĐ-UBND', '2.345', '2022-10-20', 'Chủ tịch UBND tỉnh']);
    expect(recognize('Văn bản 1.069/UBND-KT gửi các sở.').map((e) => e.kind)).toEqual(['document']);
    // A dotted number is a code's only when a symbol follows: a figure stays a figure.
    expect(recognize('Hỗ trợ 1.500/1.800 hộ dân.').map((e) => e.kind)).toEqual(['figure']);
  });

  it('shares a date and issuer across "và" and "cùng ngày", never across ";"', () => {
    const listed = docs('Theo Quyết định số 125/QĐ-UBND và Quyết định số 126/QĐ-UBND cùng ngày 3/2/2023 của UBND tỉnh.');
    expect(listed.map((d) => [d.code, d.date, d.issuer])).toEqual([
      ['125/QĐ-UBND', '2023-02-03', 'UBND tỉnh'],
      ['126/QĐ-UBND', '2023-02-03', 'UBND tỉnh'],
    ]);
    const separate = docs('Căn cứ Kế hoạch số 09-KH/ĐUK; Thông tư số 32/2020/TT-BGDĐT; Nghị quyết số 30/2021/QH15 ngày 28/7/2021 của Quốc hội.');
    expect(separate.map((d) => [d.code, d.date, d.issuer])).toEqual([
      ['09-KH/ĐUK', null, null],
      ['32/2020/TT-BGDĐT', null, null],
      ['30/2021/QH15', '2021-07-28', 'Quốc hội'],
    ]);
  });

  it('takes the outer type word when the symbol agrees, even before a capitalised one', () => {
    expect(one('Thông báo Kết luận số 12-TB/TU của Tỉnh ủy.').docType).toBe('Thông báo');
  });

  it('reads "Văn bản số …" as an official letter', () => {
    expect(one('Văn bản số 1234/UBND-KT ngày 5/5/2023 của UBND tỉnh về việc').docType).toBe('Công văn');
  });

  it('prefers the type word that agrees with the symbol', () => {
    expect(one('Thông báo kết luận số 125-TB/TU của Ban Thường vụ Tỉnh ủy').docType).toBe('Thông báo');
  });

  it('finds the optional number/year shorthand only after a type word', () => {
    expect(one('theo Nghị định 91/2020 của Chính phủ').code).toBe('91/2020');
    expect(docs('giai đoạn 12/2020 đến nay')).toHaveLength(0);
  });

  it('takes the year from a "năm YYYY" right after a code without one', () => {
    expect(one('theo Nghị quyết 18-NQ/TW năm 2022 của Ban Chấp hành Trung ương').year).toBe(2022);
  });

  it('takes the year of a named law from "năm"', () => {
    const d = one('Bộ luật Lao động năm 2019 có hiệu lực');
    expect(d.docType).toBe('Bộ luật');
    expect(d.year).toBe(2019);
  });

  it('is not fooled by titles, congresses, lawyers, standards, dates or phones', () => {
    const text = [
      'Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023.',
      'Luật sư năm 2020 tư vấn miễn phí.',
      'Hệ thống quản lý chất lượng ISO 9001:2015.',
      'Ngày 22/03/2022, điện thoại 0271.3879.123.',
      'Phòng chống dịch Covid-19 trên địa bàn.',
      'Tổ 1/Khu phố 2 phường Tân Phú.',
    ].join('\n');
    expect(docs(text)).toEqual([]);
  });
});
