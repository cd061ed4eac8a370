/**
 * What new articles (tests/fixtures/recognize/unseen/: a provincial paper, a Party
 * committee's site, district and commune portals, departments of finance, health and
 * education) showed the recognizer getting wrong, one rule per block, and the key
 * entities of those articles read whole.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recognize, type DocumentEntity, type Entity, type FigureEntity } from '../../lib/recognize';

function figures(text: string): FigureEntity[] {
  return recognize(text).filter((e): e is FigureEntity => e.kind === 'figure');
}

function docs(text: string): DocumentEntity[] {
  return recognize(text).filter((e): e is DocumentEntity => e.kind === 'document');
}

function one(text: string): FigureEntity {
  const found = figures(text);
  expect(found, `figures in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
}

function oneDoc(text: string): DocumentEntity {
  const found = docs(text);
  expect(found, `documents in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
}

const texts = (list: Entity[]) => list.map((e) => e.text);

describe('counted nouns', () => {
  it('counts documents by their type word', () => {
    const found = figures('Ban Thường vụ ban hành 12 nghị quyết chuyên đề, 8 chỉ thị và 43 kết luận; huyện ra 14 quyết định cưỡng chế.');
    expect(found.map((f) => [f.value, f.unit])).toEqual([
      [12, 'nghị quyết'],
      [8, 'chỉ thị'],
      [43, 'kết luận'],
      [14, 'quyết định'],
    ]);
  });

  it('keeps nouns whose head syllable alone means something else', () => {
    expect(one('Toàn tỉnh có 92 khách sạn 4-5 sao.').unit).toBe('khách sạn');
    expect(one('Huy động 25 ca nô tham gia cứu hộ.').unit).toBe('ca nô');
    expect(one('Bệnh viện có 300 điều dưỡng.').unit).toBe('điều dưỡng');
    expect(one('UBND tỉnh thành lập 5 tổ công tác đặc biệt.').unit).toBe('tổ công tác');
  });

  it('counts a classifier with the noun it classifies ("41 ngôi mộ", "25 con bò")', () => {
    const found = figures('Quy hoạch lại 41 ngôi mộ, hỗ trợ 25 con bò, 3 chiếc xe máy, 7 cây cầu, 120 bộ hồ sơ và 15 tấm bằng khen.');
    expect(found.map((f) => [f.text, f.unit])).toEqual([
      ['41 ngôi mộ', 'ngôi mộ'],
      ['25 con bò', 'con bò'],
      ['3 chiếc xe máy', 'chiếc xe máy'],
      ['7 cây cầu', 'cây cầu'],
      ['120 bộ hồ sơ', 'bộ hồ sơ'],
      ['15 tấm bằng khen', 'tấm bằng khen'],
    ]);
    // Followed by a function word, a name or punctuation, the classifier stands alone.
    expect(texts(figures('Đàn bò có 25 con, trong đó 3 con được tiêm.'))).toEqual(['25 con', '3 con']);
    expect(one('Mua 2 chiếc Toyota.').unit).toBe('chiếc');
  });

  it('reads a verb ending in a label word as a verb ("quy tập 41 ngôi mộ")', () => {
    expect(one('Đã quy tập 41 ngôi mộ liệt sĩ.').text).toBe('41 ngôi mộ');
    expect(figures('Phim phát sóng tập 5 vào tối nay.')).toEqual([]);
  });

  it('reads a dimension after a name, not a count ("Trà Khúc 3 dài")', () => {
    expect(texts(figures('Cầu Trà Khúc 3 dài 1.380m, rộng 26 m.'))).toEqual(['1.380m', '26 m']);
    expect(texts(figures('Đường dây 500 kV mạch 3 dài 519 km.'))).not.toContain('3 dài');
  });

  it('reads a headline in capitals as words, not acronyms', () => {
    const found = figures('843/843 THÔN CÓ ĐIỆN, 56 XÃ ĐẠT CHUẨN, 120 DOANH NGHIỆP ĐẦU TƯ');
    expect(found.map((f) => f.unit)).toEqual(['thôn', 'xã', 'doanh nghiệp']);
    expect(one('Có 02 HTX mới.').unit).toBe('HTX');
  });

  it('reads "X trên Y …" as a share', () => {
    const f = one('Có 12 trên 15 xã đạt chuẩn.');
    expect([f.quantity, f.value, f.denominator, f.unit, f.qualifier]).toEqual(['ratio', 12, 15, 'xã', null]);
    const g = one('Có 18 trên tổng số 20 xã đạt chuẩn.');
    expect([g.quantity, g.value, g.denominator, g.unit]).toEqual(['ratio', 18, 20, 'xã']);
    const h = one('Có 3 trong số 5 dự án chậm tiến độ.');
    expect([h.text, h.quantity, h.value, h.denominator, h.unit]).toEqual(['3 trong số 5 dự án', 'ratio', 3, 5, 'dự án']);
    const r = one('Tỉnh xếp thứ 5 trên 63 tỉnh, thành phố.');
    expect([r.quantity, r.value, r.denominator]).toEqual(['rank', 5, 63]);
    expect(one('Diện tích trên 20 ha.').qualifier).toBe('over');
    expect(one('Làm trong 3 năm.').quantity).toBe('duration');
  });
});

describe('labels', () => {
  it('a compound ending in a label word names nothing ("nông thôn")', () => {
    const f = one('Học phí vùng nông thôn 100.000 đồng/học sinh/tháng.');
    expect([f.value, f.quantity, f.unit]).toEqual([100000, 'money', 'VND']);
  });

  it('"mỗi tháng", "hằng năm" before an amount make a rate, not a date', () => {
    expect(one('Mỗi tháng 500.000 đồng cho mỗi người.').value).toBe(500000);
    expect(one('Hỗ trợ hằng năm 2 triệu đồng.').value).toBe(2000000);
  });

  it('a number with thousands dots or decimals and a unit after a label word is a quantity', () => {
    expect(one('Nâng cấp tuyến đường 1.250 m.').value).toBe(1250);
    expect(one('Quy hoạch khu 2,5 ha.').value).toBe(2.5);
    // Plain numbers after the same words still name things.
    expect(figures('Tại thôn 5, Km 12 Quốc lộ 14, tháng 12 981 người.')).toEqual([]);
  });

  it('a document or programme named by a bare number is no count', () => {
    expect(texts(figures('Chương trình 135 hỗ trợ 50 xã đặc biệt khó khăn.'))).toEqual(['50 xã']);
    expect(figures('Theo Nghị quyết 68 hỗ trợ người lao động, Quyết định 23 hỗ trợ doanh nghiệp.')).toEqual([]);
  });

  it('"vị trí thứ 10" is a rank', () => {
    const f = one('Chỉ số PAPI lên vị trí thứ 10.');
    expect([f.quantity, f.value]).toEqual(['rank', 10]);
  });
});

describe('amounts and units', () => {
  it('"điểm phần trăm" is a change in percent', () => {
    const f = one('Tỷ lệ hộ nghèo giảm 0,8 điểm phần trăm.');
    expect([f.text, f.value, f.quantity, f.unit, f.change]).toEqual(['0,8 điểm phần trăm', 0.8, 'percent', '%', 'decrease']);
  });

  it('a change word reaches over "bình quân" and "trung bình"', () => {
    expect(one('GRDP tăng bình quân 7,12%/năm.').change).toBe('increase');
    expect(one('Tỷ lệ hộ nghèo giảm bình quân 1,2 điểm phần trăm mỗi năm.').change).toBe('decrease');
    expect(one('Thu nhập bình quân 72,4 triệu đồng.').change).toBe(null);
  });

  it('"đ/c" counts comrades, "đ/kg" is a price; "tr" abbreviates triệu', () => {
    const f = one('Có 45 đ/c tham dự.');
    expect([f.quantity, f.unit]).toEqual(['count', 'đ/c']);
    expect(one('Giá 25.000đ/kg.').unit).toBe('VND');
    expect(one('Hỗ trợ 150 tr đồng xây nhà.').value).toBe(150000000);
  });

  it('"vạn" scales by ten thousand', () => {
    const f = one('Đón 3 vạn lượt khách.');
    expect([f.value, f.unit]).toEqual([30000, 'lượt khách']);
  });

  it('a scale word and a rate with no noun is money ("10 triệu/người")', () => {
    expect(figures('Mức hỗ trợ 10 triệu/người, 2 triệu/tháng, 700 nghìn/suất.').map((f) => [f.value, f.quantity, f.unit])).toEqual([
      [10000000, 'money', 'VND'],
      [2000000, 'money', 'VND'],
      [700000, 'money', 'VND'],
    ]);
  });
});

describe('documents', () => {
  it('takes a signing date written after the issuer', () => {
    const d = oneDoc('Quyết định số 789/QĐ-UBND của UBND tỉnh ngày 5/1/2023 về việc giao chỉ tiêu.');
    expect([d.date, d.year, d.issuer]).toEqual(['2023-01-05', 2023, 'UBND tỉnh']);
    expect(oneDoc('Theo Quyết định số 12/QĐ-UBND của UBND tỉnh ngày 05 tháng 01 năm 2023.').date).toBe('2023-01-05');
    // After a comma the date is the event's.
    const e = oneDoc('Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, ngày 5/1/2023 huyện đã tổ chức hội nghị.');
    expect([e.date, e.year]).toEqual([null, null]);
  });

  it('reads a joint issuer to its end', () => {
    const d = oneDoc(
      'Theo Thông tư liên tịch số 43/2015/TTLT-BNNPTNT-BKHĐT ngày 23/11/2015 của Bộ Nông nghiệp và Phát triển nông thôn và Bộ Kế hoạch và Đầu tư, gửi về UBND xã.',
    );
    expect(d.issuer).toBe('Bộ Nông nghiệp và Phát triển nông thôn và Bộ Kế hoạch và Đầu tư');
  });

  it('shares an issuer along a list only between codes of the same symbol', () => {
    const found = docs('Công văn số 5678/BNN-KTHT ngày 12/8/2022 và Công văn 4567/BKHĐT-TCTT của Bộ Kế hoạch và Đầu tư.');
    expect(found.map((d) => d.issuer)).toEqual([null, 'Bộ Kế hoạch và Đầu tư']);
    const same = docs('Các Quyết định số 1/QĐ-UBND, 2/QĐ-UBND ngày 3/1/2023 của UBND tỉnh.');
    expect(same.map((d) => [d.issuer, d.date])).toEqual([
      ['UBND tỉnh', '2023-01-03'],
      ['UBND tỉnh', '2023-01-03'],
    ]);
  });

  it('ends the issuer where a title in title case starts', () => {
    expect(oneDoc('Nghị quyết số 12/2023/NQ-HĐND ngày 7/7/2023 của HĐND tỉnh Quy định mức chi.').issuer).toBe('HĐND tỉnh');
    expect(oneDoc('Quyết định số 12/QĐ-UBND của UBND tỉnh Về việc phê duyệt.').issuer).toBe('UBND tỉnh');
    expect(oneDoc('Quyết định số 2/QĐ-BCĐ của Ban Chỉ đạo huyện về phòng dịch.').issuer).toBe('Ban Chỉ đạo huyện');
  });

  it('ends the issuer before the verb that goes on', () => {
    expect(oneDoc('Lệnh số 05/2023/L-CTN ngày 1/7/2023 của Chủ tịch nước công bố luật.').issuer).toBe('Chủ tịch nước');
  });

  it('reads abbreviated type words of commune reports', () => {
    const d = oneDoc('Thực hiện CV số 125/UBND-VP ngày 12/3/2023 của UBND huyện, UBND xã đã triển khai.');
    expect([d.docType, d.code, d.date, d.issuer]).toEqual(['Công văn', '125/UBND-VP', '2023-03-12', 'UBND huyện']);
    expect(oneDoc('Căn cứ QĐ số 45/QĐ-UBND ngày 2/3/2023.').docType).toBe('Quyết định');
  });

  it('names laws with a comma in their name', () => {
    const found = docs('Thực hiện Luật Phòng, chống tham nhũng năm 2018 và Luật Phòng cháy, chữa cháy năm 2001.');
    expect(found.map((d) => [d.text, d.docType, d.year])).toEqual([
      ['Luật Phòng, chống tham nhũng năm 2018', 'Luật', 2018],
      ['Luật Phòng cháy, chữa cháy năm 2001', 'Luật', 2001],
    ]);
    expect(docs('Theo Luật Đất đai, từ năm 2020 giá đất tăng.')).toEqual([]);
    expect(docs('Theo Bộ luật Hình sự năm 2015, sửa đổi, bổ sung năm 2017.').map((d) => d.year)).toEqual([2015]);
  });
});

// ---- whole articles ----

const DIR = fileURLToPath(new URL('../fixtures/recognize/unseen/', import.meta.url));

type Key = { text: string; [field: string]: unknown };
/** Entities each article must have (by exact text and the fields given) and texts it must not. */
const KEYS: Record<string, { has: Key[]; not?: string[] }> = {
  '01-bao-giai-ngan-dau-tu-cong.txt': {
    has: [
      { text: '2.856,4 tỷ đồng', value: 2856400000000, unit: 'VND' },
      { text: '38/63', quantity: 'rank', denominator: 63 },
      { text: 'Kế hoạch số 45/KH-UBND ngày 15 tháng 3 năm 2023', date: '2023-03-15' },
      { text: 'Công văn số 1123/UBND-KTTH ngày 12-4-2023', docType: 'Công văn', date: '2023-04-12' },
      { text: 'Luật Đầu tư công năm 2019', docType: 'Luật', year: 2019 },
      { text: '12 - 15%', value: 12, valueTo: 15, change: 'increase' },
      { text: '30%', qualifier: 'under' },
    ],
    not: ['3 dài'],
  },
  '02-tinh-uy-nghi-quyet-dai-hoi.txt': {
    has: [
      { text: '12 nghị quyết', unit: 'nghị quyết' },
      { text: '8 chỉ thị', unit: 'chỉ thị' },
      { text: '43 kết luận', unit: 'kết luận' },
      { text: '1,2 điểm phần trăm', quantity: 'percent', unit: '%', change: 'decrease' },
      { text: 'Chỉ thị số 15-CT/TU ngày 20.7.2022 của Ban Thường vụ Tỉnh ủy', date: '2022-07-20' },
      { text: 'Quy định số 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương', docType: 'Quy định' },
      { text: 'Nghị quyết số 35/2023/UBTVQH15', year: 2023 },
      { text: '18/24 chỉ tiêu', quantity: 'ratio', denominator: 24 },
    ],
  },
  '05-so-gd-tong-ket-nam-hoc.txt': {
    has: [
      { text: '100.000 đồng', value: 100000, unit: 'VND' },
      { text: '6/63', quantity: 'rank' },
      { text: '2,1 điểm phần trăm', quantity: 'percent', change: 'increase' },
    ],
  },
  '07-xa-thien-tai.txt': {
    has: [
      { text: '25 ca nô', unit: 'ca nô' },
      {
        text: 'Thông tư liên tịch số 43/2015/TTLT-BNNPTNT-BKHĐT ngày 23/11/2015 của Bộ Nông nghiệp và Phát triển nông thôn và Bộ Kế hoạch và Đầu tư',
        docType: 'Thông tư liên tịch',
      },
    ],
    not: ['22 giờ 30', '0234.3557.116'],
  },
  '08-boi-thuong-gpmb.txt': {
    has: [
      { text: '1235/QĐ-UBND', date: '2022-06-10', issuer: 'UBND tỉnh' },
      { text: 'Luật Đất đai năm 2013', year: 2013 },
      { text: '14 quyết định', unit: 'quyết định' },
      { text: '45.000 đến 65.000 đồng', value: 45000, valueTo: 65000 },
    ],
  },
  '09-xuat-khau-du-lich.txt': {
    has: [
      { text: '92 khách sạn', unit: 'khách sạn' },
      { text: 'Nghị quyết 55/2018/QH14 của Quốc hội', docType: 'Nghị quyết', issuer: 'Quốc hội' },
    ],
  },
  '11-bao-nhieu-dang-ngay.txt': {
    has: [
      { text: '28 nghị quyết', unit: 'nghị quyết' },
      { text: 'Hiến pháp năm 2013', docType: 'Hiến pháp' },
      { text: 'Báo cáo thẩm tra số 89/BC-HĐND của Ban Kinh tế - Ngân sách', docType: 'Báo cáo' },
    ],
    not: ['12', '2021 - 2026'],
  },
  '12-huyen-uy-tong-hop.txt': {
    has: [
      { text: '13-NQ/HU', docType: 'Nghị quyết', date: '2023-03-10' },
      { text: '2/9', quantity: 'rank', denominator: 9 },
      { text: '25-35 triệu đồng', value: 25000000, valueTo: 35000000 },
    ],
    not: ['8 giờ 30', '15', 'Km 768+500'],
  },
};

describe('whole articles', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

  it('has the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(DIR + file, 'utf8');
      const found = recognize(text);
      // Every entity is the slice it says, in order; no figure is a phone number, a
      // year or a document code.
      let last = -1;
      for (const e of found) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
        expect(e.start).toBeGreaterThanOrEqual(last);
        last = e.start;
        if (e.kind === 'figure') expect(e.text).not.toMatch(/^(0\d{2,4}[.\s]\d|(19|20)\d\d$|\d+\/[A-ZĐ])/u);
      }
      // NFD input gives the same entities.
      const nfd = text.normalize('NFD');
      const decomposed = recognize(nfd).map((e) => ({ ...e, start: 0, end: 0, text: e.text.normalize('NFC') }));
      expect(decomposed).toEqual(found.map((e) => ({ ...e, start: 0, end: 0 })));
      const keys = KEYS[file];
      if (!keys) return;
      for (const key of keys.has) {
        const hit = found.find((e) => e.text === key.text);
        expect(hit, `${file}: ${key.text}`).toBeDefined();
        expect(hit).toMatchObject(key);
      }
      for (const t of keys.not ?? []) expect(texts(found), `${file}: not ${t}`).not.toContain(t);
    });
  }
});

describe('names and verbs', () => {
  it('"COVID - 19" with a spaced dash is a name', () => {
    expect(texts(figures('Dịch COVID - 19 lan rộng, có 35 ca mắc.'))).toEqual(['35 ca mắc']);
    expect(texts(figures('Huyện Bù Đốp - 45 hộ.'))).toEqual(['45 hộ']);
  });

  it('a number plate is no figure', () => {
    expect(figures('Tại km 25+300, xe 47C-123.45 gây tai nạn.')).toEqual([]);
  });

  it('type words in lower case are verbs: the count after them stands', () => {
    expect(texts(figures('Hội nghị đã quyết định 5 vấn đề quan trọng; Bộ Y tế thông báo 12 ca mắc mới.'))).toEqual([
      '5 vấn đề',
      '12 ca mắc',
    ]);
  });
});

describe('line breaks and digit groups', () => {
  it('reads a unit on the next line of a hard-wrapped text, not a paragraph that starts there', () => {
    expect(one('Thu được 1.640\ntỷ đồng trong năm.').value).toBe(1640000000000);
    expect(one('Thu được 1.640 tỷ\nđồng trong năm.').unit).toBe('VND');
    expect(one('Có 47\nhộ nghèo.').unit).toBe('hộ');
    expect(figures('Kết quả đạt 12\nTỷ lệ hộ nghèo còn cao.')).toEqual([]);
  });

  it('a second measure after a slash is no new figure ("98,5 km/102,38 km")', () => {
    expect(texts(figures('Đã bàn giao 98,5 km/102,38 km mặt bằng.'))).not.toContain('38 km');
  });
});

describe('measures of a thing', () => {
  it('a number before "công suất", "diện tích"… is part of a name', () => {
    expect(texts(figures('Thủy điện Sông Bung 4 công suất 156 MW.'))).toEqual(['156 MW']);
    expect(texts(figures('Khu đô thị Sala 2 diện tích 45 ha.'))).toEqual(['45 ha']);
  });

  it('"đồng ý" after a number is no money', () => {
    expect(texts(figures('Kết quả biểu quyết: 40 đồng ý, 2 không đồng ý; giá 500 đồng.'))).toEqual(['500 đồng']);
  });
});

describe('signs, wraps and abbreviations', () => {
  it('reads a minus sign on a rate or an amount as a negative value', () => {
    expect(one('Chỉ số CPI -0,3% so với tháng trước.')).toMatchObject({ text: '-0,3%', value: -0.3, unit: '%' });
    expect(one('Lợi nhuận: -1,2 tỷ đồng.')).toMatchObject({ text: '-1,2 tỷ đồng', value: -1.2e9, quantity: 'money' });
    expect(one('Tăng trưởng năm (−0,5%).')).toMatchObject({ text: '−0,5%', value: -0.5 });
  });

  it('reads "âm" (negative) before a rate or an amount as its sign', () => {
    expect(one('GRDP tăng trưởng âm 2,1% so với cùng kỳ.')).toMatchObject({ text: '2,1%', value: -2.1 });
    expect(one('Doanh nghiệp lợi nhuận âm 5 tỷ đồng.')).toMatchObject({ value: -5e9, unit: 'VND' });
  });

  it('keeps a list dash and a range dash out of the value', () => {
    expect(one('Kết quả:\n-5% là mức giảm.')).toMatchObject({ text: '5%', value: 5 });
    expect(one('Từ 5 -7% mỗi năm.')).toMatchObject({ value: 5, valueTo: 7 });
    expect(one('- 12 hộ nghèo.')).toMatchObject({ text: '12 hộ', value: 12 });
  });

  it('reads a change word at the end of the line before ("tăng⏎12,5%")', () => {
    expect(one('Giá trị sản xuất tăng\n12,5% so với cùng kỳ.').change).toBe('increase');
    expect(one('Tỷ lệ hộ nghèo giảm\r\n1,2% so với năm trước.').change).toBe('decrease');
    // A heading ending in a place word does not make the next line's number a name.
    expect(one('Kết quả tại các xã\n120 hộ được hỗ trợ.')).toMatchObject({ text: '120 hộ', change: null });
  });

  it('reads "điểm %" as percentage points, like "điểm phần trăm"', () => {
    expect(one('Tỷ lệ hộ nghèo giảm 0,8 điểm % so với đầu năm.')).toMatchObject({ text: '0,8 điểm %', value: 0.8, unit: '%', change: 'decrease' });
    expect(one('Tăng 1,2 điểm% so với cùng kỳ.')).toMatchObject({ text: '1,2 điểm%', unit: '%' });
    expect(one('Bài thi đạt 8 điểm.')).toMatchObject({ unit: 'điểm', quantity: 'count' });
  });

  it('reads "tr.đ" as million đồng', () => {
    expect(one('Doanh thu đạt 980 tr.đ.')).toMatchObject({ text: '980 tr.đ', value: 980e6, unit: 'VND' });
    expect(one('Lãi 12 Tr.đồng.')).toMatchObject({ value: 12e6, unit: 'VND' });
    expect(figures('Hỗ trợ 5 triệu.Tỉnh có thêm nguồn.')).toEqual([]);
  });
});

describe('"trên" after a figure', () => {
  it('means "per" before a round base, and "over" otherwise', () => {
    const found = figures('Đạt 12 bác sĩ trên 1 vạn dân, 30 giường bệnh trên 10.000 dân; có 100 người trên 50 tuổi; thu trên 20 tỷ đồng.');
    expect(found.map((f) => [f.text, f.qualifier])).toEqual([
      ['12 bác sĩ', null],
      ['1 vạn dân', null],
      ['30 giường bệnh', null],
      ['10.000 dân', null],
      ['100 người', null],
      ['50 tuổi', 'over'],
      ['20 tỷ đồng', 'over'],
    ]);
    // Before a bare "1 ha" it is always "per": the yield of one hectare.
    expect(figures('Giá trị thu được trên 1 ha canh tác ước đạt 145 triệu đồng.')[0]).toMatchObject({ text: '1 ha', qualifier: null });
    expect(one('Có trên 1 triệu người tham gia.').qualifier).toBe('over');
  });
});

describe('shares of a measured or counted-in-money whole', () => {
  it('reads "98,5 km/102,38 km" and "450/500 tỷ đồng" as shares in the unit', () => {
    expect(one('Đã hoàn thành 98,5 km/102,38 km đường.')).toMatchObject({
      text: '98,5 km/102,38 km',
      value: 98.5,
      quantity: 'ratio',
      unit: 'km',
      denominator: 102.38,
    });
    expect(one('Giải ngân 450/500 tỷ đồng vốn.')).toMatchObject({ value: 450e9, quantity: 'ratio', unit: 'VND', denominator: 500e9 });
    // A part larger than the whole is still a share when both ends name the unit.
    expect(one('Làm được 120 km/100 km kế hoạch.')).toMatchObject({ text: '120 km/100 km', value: 120, denominator: 100, quantity: 'ratio' });
    // A price per unit is no share.
    expect(one('Giá 50.000 đồng/kg.')).toMatchObject({ text: '50.000 đồng', quantity: 'money' });
  });
});

describe('what a statistics report says around its figures (audit of eight new texts)', () => {
  it('keeps the change across degree words ("tăng mạnh 15,1%", "giảm tương ứng 1,2%")', () => {
    const found = figures('Ngành điện tăng mạnh 15,1%, dệt may tăng nhẹ 0,2%, da giày giảm nhẹ 0,1%, gỗ tăng tới 8%; hai nhóm giảm tương ứng 1,2%; doanh thu tăng lần lượt 5%.');
    expect(found.map((f) => [f.text, f.change])).toEqual([
      ['15,1%', 'increase'],
      ['0,2%', 'increase'],
      ['0,1%', 'decrease'],
      ['8%', 'increase'],
      ['1,2%', 'decrease'],
      ['5%', 'increase'],
    ]);
  });

  it('reads the change before a range\'s "từ", not before a starting value', () => {
    expect(one('Xuất khẩu dăm gỗ giảm từ 5 đến 7%.')).toMatchObject({ value: 5, valueTo: 7, change: 'decrease' });
    expect(one('Mức lương cơ sở tăng từ 1,8 triệu đồng.').change).toBeNull();
  });

  it('reads "ước tăng" as an estimate of a change', () => {
    expect(one('IIP tháng 3 ước tăng 12,4% so với tháng trước.')).toMatchObject({ qualifier: 'approx', change: 'increase' });
    expect(one('Nhập khẩu ước giảm 3%.')).toMatchObject({ qualifier: 'approx', change: 'decrease' });
  });

  it('reads "cao hơn", "thấp hơn" as a comparison, and their negations as bounds', () => {
    expect(one('IIP thấp hơn 1,2 điểm phần trăm so với cùng kỳ.').qualifier).toBeNull();
    expect(one('Giá cao hơn 2% so với tháng trước.').qualifier).toBeNull();
    expect(one('Tỷ lệ cán bộ trẻ không thấp hơn 15%.').qualifier).toBe('atLeast');
    expect(one('Chi phí không cao hơn 10%.').qualifier).toBe('atMost');
    expect(one('Có nhiều hơn 500 người.').qualifier).toBe('over');
    expect(one('Còn ít hơn 5 hộ.').qualifier).toBe('under');
    expect(one('Hơn 300 hộ được hỗ trợ.').qualifier).toBe('over');
  });

  it('does not read "3 tháng 15.380" as a day and month', () => {
    expect(figures('Đào tạo dưới 3 tháng 15.380 người.').map((f) => f.value)).toContain(15380);
    expect(figures('Trong 6 tháng 12.500 lượt khách đến tỉnh.').map((f) => f.value)).toContain(12500);
    expect(figures('Ngày 12 tháng 12 có 5 hộ.').map((f) => f.text)).toEqual(['5 hộ']);
  });

  it('skips hotlines ("1900 1234")', () => {
    expect(figures('Hotline 1900 1234 hoạt động 24/7. Đường dây nóng 1800 1091 miễn phí.')).toEqual([]);
    expect(one('Năm 1900 có 120 hộ.').text).toBe('120 hộ');
  });

  it('keeps two-syllable nouns whose first syllable says nothing alone', () => {
    const found = figures('Giảm 315 biên chế, bầu 53 ủy viên, cấp thẻ 1.150 hướng dẫn viên, tuyển 25 nhân viên, 12 cựu chiến binh và 30 tình nguyện viên.');
    expect(found.map((f) => f.unit)).toEqual(['biên chế', 'ủy viên', 'hướng dẫn viên', 'nhân viên', 'cựu chiến binh', 'tình nguyện viên']);
  });
});

describe('an issuer after a hard wrap', () => {
  it('reads the issuer on the line after "của", and stops at a paragraph break', () => {
    expect(oneDoc('Thực hiện Nghị quyết số 02-NQ/ĐU ngày 10/01/2025 của\nĐảng ủy xã về phát triển kinh tế.').issuer).toBe('Đảng ủy xã');
    expect(oneDoc('Thực hiện Nghị quyết số 02-NQ/ĐU ngày 10/01/2025 của\r\nĐảng ủy xã.').issuer).toBe('Đảng ủy xã');
    expect(oneDoc('Theo Kế hoạch 45/KH-UBND của\n\nTin liên quan').issuer).toBeNull();
  });
});

describe('a change shared along a list', () => {
  it('gives figures listed after one with a change the same change, in the same unit', () => {
    expect(figures('Doanh thu và lợi nhuận lần lượt tăng 5,2% và 3,1%.').map((f) => f.change)).toEqual(['increase', 'increase']);
    expect(figures('Hai nhóm giảm 1,2%, 0,8%.').map((f) => f.change)).toEqual(['decrease', 'decrease']);
    expect(figures('Giảm 12 vụ, 5%.').map((f) => f.change)).toEqual(['decrease', null]);
    expect(figures('Tăng 5% trong khi 3% hộ chưa có.').map((f) => f.change)).toEqual(['increase', null]);
  });
});
