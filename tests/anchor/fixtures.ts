/**
 * Texts for the anchor tests: a short article in the style of a district portal, and
 * a generator of long ones (seeded, so every run and every machine sees the same text).
 */

export const ARTICLE = [
  'HỚN QUẢN: KINH TẾ - XÃ HỘI NĂM 2023 TIẾP TỤC PHÁT TRIỂN',
  '',
  'Thứ ba - 22/03/2023 21:58',
  'Năm 2023, giá trị sản xuất nông, lâm, thủy sản đạt 1.640 tỷ đồng, tăng 0,43% so với cùng kỳ và đạt 53,68% chỉ tiêu Nghị quyết của Đại hội Đảng bộ huyện.',
  'Thực hiện Quyết định số 3307/QĐ-UBND ngày 31/12/2022 của UBND tỉnh, huyện đã hoàn thành 843/843 hồ sơ chuyển đổi.',
  'Công tác dân vận chính quyền được quan tâm. Công tác dân vận chính quyền được quan tâm hơn ở các xã vùng sâu.',
  'Tỷ lệ hộ nghèo giảm còn 1,2%; toàn huyện có 12.981 hộ tham gia bảo hiểm y tế.',
  'Kế hoạch số 162/KH-UBND ngày 15/5/2023 đặt mục tiêu hoàn thành trước ngày 30/6/2023.',
].join('\n');

const WORDS = (
  'công tác dân vận chính quyền huyện tỉnh xã phường thị trấn Ủy ban nhân dân Đảng bộ ' +
  'Nghị quyết kế hoạch triển khai thực hiện phối hợp đơn vị cán bộ công chức viên chức ' +
  'người dân doanh nghiệp nông thôn mới đô thị văn minh an sinh xã hội hộ nghèo đồng bào ' +
  'dân tộc thiểu số giá trị sản xuất tăng trưởng so với cùng kỳ chỉ tiêu đạt hoàn thành ' +
  'tổng số diện tích đất đầu tư xây dựng đường giao thông trường học trạm y tế bảo hiểm'
).split(' ');

/** A deterministic pseudo-random generator (LCG): enough for test data. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** About `size` code units of article-like Vietnamese prose with figures and codes. */
export function longArticle(size: number, seed = 1): string {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const words: string[] = [];
    const n = 12 + Math.floor(rnd() * 20);
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const figure = `${1 + Math.floor(rnd() * 999)}.${String(Math.floor(rnd() * 1000)).padStart(3, '0')} tỷ đồng`;
    const code = `${1 + Math.floor(rnd() * 4000)}/QĐ-UBND`;
    words.splice(Math.floor(rnd() * n), 0, figure);
    if (rnd() < 0.3) words.splice(Math.floor(rnd() * n), 0, `Quyết định số ${code}`);
    const sentence = words.join(' ') + (rnd() < 0.2 ? '.\n\n' : '. ');
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('');
}
