import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/article/index.ts';
import { parse } from './helpers.ts';

const P = (s: string) => `<p>${s}</p>`;
const PARAS = [
  'Ngày 14/3, UBND huyện tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai nhiệm vụ năm 2024 với sự tham dự của lãnh đạo các phòng, ban, ngành.',
  'Năm 2023, Bộ phận Một cửa huyện đã tiếp nhận 12.486 hồ sơ, giải quyết đúng hạn 12.401 hồ sơ, đạt tỷ lệ 99,3%; tỷ lệ hồ sơ trực tuyến toàn trình đạt 46,8%, tăng 21,5% so với năm 2022.',
  'Thực hiện Quyết định số 1085/QĐ-UBND ngày 20/4/2023 của UBND tỉnh, huyện đã rà soát, đơn giản hóa 38 thủ tục hành chính, tiết kiệm chi phí tuân thủ khoảng 1,2 tỷ đồng mỗi năm.',
  'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt 86,4%, xếp thứ 3/11 huyện, thị xã, thành phố trong tỉnh.',
];

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html><head><title>Tổng kết cải cách hành chính năm 2023 - Cổng thông tin điện tử huyện Đồng Phú</title>${head}</head><body>
    <div id="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul></div>
    ${body}
    <div id="footer">Bản quyền thuộc UBND huyện Đồng Phú</div></body></html>`;
}

describe('general method', () => {
  it('reads an unknown layout: date before the title, furniture inside the body', () => {
    const html = page(`
      <div class="main"><div class="tin">
        <div class="ngay">Ngày cập nhật: 17/09/2021 06:32:30</div>
        <h3 class="tieude">Tổng kết cải cách hành chính năm 2023</h3>
        <div class="noidung">
          ${P(PARAS[0]!)}${P(PARAS[1]!)}
          <div class="share-bar"><a href="#">Facebook</a> <a href="#">Zalo</a></div>
          <p><strong>Xem thêm:</strong> <a href="/a">Huyện Đồng Phú đẩy mạnh chuyển đổi số năm 2024</a></p>
          ${P(PARAS[2]!)}
          <div class="box"><b>Tin liên quan</b><ul><li><a href="/b">Đồng Phú sơ kết 6 tháng cải cách hành chính năm 2023 đạt kết quả</a></li></ul></div>
          ${P(PARAS[3]!)}
          <p style="text-align:right"><strong>Theo Trung tâm Văn hóa - Thông tin huyện</strong></p>
        </div>
      </div></div>`);
    const a = extractArticle(parse(html), 'https://dongphu.binhphuoc.gov.vn/tin-tuc/tong-ket-cchc-2023.html');
    expect(a.isArticle).toBe(true);
    expect(a.template).toBe('generic');
    expect(a.title).toBe('Tổng kết cải cách hành chính năm 2023');
    expect(a.published).toBe('2021-09-17T06:32:30+07:00');
    expect(a.author).toBe('Trung tâm Văn hóa - Thông tin huyện');
    expect(a.site).toBe('Cổng thông tin điện tử huyện Đồng Phú');
    for (const p of PARAS) expect(a.text).toContain(p);
    for (const junk of ['Facebook', 'Xem thêm', 'chuyển đổi số', 'Tin liên quan', 'sơ kết 6 tháng', 'Trang chủ', 'Bản quyền']) {
      expect(a.text).not.toContain(junk);
    }
  });

  it('takes the date from JSON-LD when the page prints none', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Huyện Đồng Phú"},{"@type":"Article","headline":"Tổng kết cải cách hành chính năm 2023","datePublished":"2024-03-14T15:20:00+07:00"}]}</script>';
    const a = extractArticle(parse(page(`<h1>Tổng kết cải cách hành chính năm 2023</h1><div>${PARAS.map(P).join('')}</div>`, ld)), 'https://x.gov.vn/a/b.html');
    expect(a.isArticle).toBe(true);
    expect(a.published).toBe('2024-03-14T15:20:00+07:00');
  });

  it('stays off an article-like page with no date and no article metadata', () => {
    const a = extractArticle(parse(page(`<h1>Giới thiệu chung về huyện Đồng Phú</h1><div>${PARAS.map(P).join('')}</div>`)), 'https://x.gov.vn/gioi-thieu');
    expect(a.isArticle).toBe(false);
  });

  it('stays off a listing whose teasers are long', () => {
    const items = Array.from({ length: 10 }, (_, i) =>
      `<div class="item"><h3><a href="/tin/${i}">Tin số ${i}: hội nghị triển khai nhiệm vụ cải cách hành chính năm 2024</a></h3><span>14/03/2024</span><p>${PARAS[i % 4]}</p></div>`,
    ).join('');
    const a = extractArticle(parse(page(`<h1>Tin tức - Sự kiện</h1><div class="list">${items}</div><div class="paging"><a href="?p=2">2</a><a href="?p=3">3</a></div>`)), 'https://x.gov.vn/tin-tuc');
    expect(a.isArticle).toBe(false);
  });

  it('stays off a short notice', () => {
    const a = extractArticle(parse(page(`<h1>Thông báo nghỉ lễ</h1><div class="date">09/04/2024 13:48</div><div><p>${PARAS[0]}</p></div>`)), 'https://x.gov.vn/thong-bao/1');
    expect(a.isArticle).toBe(false);
  });

  it('does not take the portal\'s own name in <meta name="author"> for the writer', () => {
    const html = page(`<h1>Tổng kết cải cách hành chính năm 2023</h1><div class="date">14/03/2024 15:20</div><div>${PARAS.map(P).join('')}<p>HOÀNG ANH</p></div>`, '<meta name="author" content="Cổng thông tin điện tử huyện Đồng Phú">');
    const a = extractArticle(parse(html), 'https://x.gov.vn/a/b.html');
    expect(a.isArticle).toBe(true);
    expect(a.author).toBe('HOÀNG ANH');
  });
});
