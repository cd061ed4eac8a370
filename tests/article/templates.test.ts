import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/article/index.ts';
import { TEMPLATES } from '../../lib/article/templates/index.ts';
import { parse } from './helpers.ts';

const PARAS = [
  'Sáng 03/02, Đảng ủy xã tổ chức hội nghị triển khai Nghị quyết số 05-NQ/ĐU ngày 15/01/2021 về phát triển kinh tế - xã hội năm 2021 với 12 chỉ tiêu chủ yếu.',
  'Năm 2020, tổng giá trị sản xuất trên địa bàn xã đạt 245,6 tỷ đồng, tăng 6,2% so với năm 2019; thu nhập bình quân đầu người đạt 48,5 triệu đồng/năm; tỷ lệ hộ nghèo giảm còn 2,1%.',
  'Xã đã huy động 3,4 tỷ đồng làm mới 4,6 km đường bê tông nông thôn, trong đó nhân dân đóng góp 1,1 tỷ đồng và hiến 2.300 m2 đất mở rộng đường.',
];
const body = PARAS.map((p) => `<p>${p}</p>`).join('\n');

describe('template registry', () => {
  it('has one module per template with matches and extract', () => {
    expect(TEMPLATES.map((t) => t.name)).toEqual(['nukeviet', 'sharepoint-portal', 'hue-portal', 'newspaper']);
    for (const t of TEMPLATES) {
      expect(typeof t.matches).toBe('function');
      expect(typeof t.extract).toBe('function');
    }
  });
});

describe('nukeviet', () => {
  it('reads the NukeViet 3 / 4.0 detail markup', () => {
    const html = `<html><head><title>Triển khai nghị quyết năm 2021 - Tin tức - Đảng bộ xã Tân Lập</title>
      <meta name="generator" content="NukeViet v3.4"></head><body>
      <div class="news_column" style="padding:0 !important;margin:0 !important;"><div id="news_detail">
        <h1>Triển khai nghị quyết năm 2021</h1><span class="time">Thứ tư - 03/02/2021 10:25</span>
        <div class="control"><ul><li><a class="sendmail" title="Gửi bài viết qua email" href="#"></a></li></ul></div>
        <div id="hometext">Hội nghị triển khai nghị quyết phát triển kinh tế - xã hội năm 2021.</div>
        <div class="bodytext">${body}</div>
        <p style="text-align: right;"><strong>Tác giả: </strong>Thanh Hương</p>
        <p style="text-align: right;"><strong>Nguồn tin: </strong>Văn phòng Đảng ủy</p>
      </div>
      <form id="form3B" action=""><div class="clearfix"><div id="stringrating">Tổng số điểm của bài viết là: 0 trong 0 đánh giá</div></div></form>
      <p><strong>Những tin cũ hơn</strong></p><ul class="related"><li><a href="/a">Hội nghị tổng kết công tác Đảng năm 2020</a> <span class="date">(28/12/2020)</span></li></ul>
      </div></body></html>`;
    const a = extractArticle(parse(html), 'http://tanlap.dongphu.binhphuoc.gov.vn/news/Tin-tuc/Trien-khai-nghi-quyet-nam-2021-215/');
    expect(a.template).toBe('nukeviet');
    expect(a.isArticle).toBe(true);
    expect(a.title).toBe('Triển khai nghị quyết năm 2021');
    expect(a.published).toBe('2021-02-03T10:25:00+07:00');
    expect(a.author).toBe('Thanh Hương');
    expect(a.site).toBe('Đảng bộ xã Tân Lập');
    expect(a.text.startsWith('Hội nghị triển khai nghị quyết')).toBe(true);
    for (const p of PARAS) expect(a.text).toContain(p);
    expect(a.text).not.toContain('Tổng số điểm');
    expect(a.text).not.toContain('tổng kết công tác Đảng năm 2020');
  });

  it('leaves other NukeViet modules to the general method', () => {
    const html = `<html><head><meta name="generator" content="NukeViet v4.5"></head><body>
      <div class="page panel panel-default"><div class="panel-body"><h1 class="title">Giới thiệu</h1><div id="page-bodyhtml" class="bodytext">${body}</div></div></div></body></html>`;
    const a = extractArticle(parse(html), 'https://x.gov.vn/about/gioi-thieu.html');
    expect(a.template).toBe('generic');
    expect(a.isArticle).toBe(false);
  });
});

describe('hue-portal', () => {
  it('follows the "Ngày cập nhật" line in another layout (matched by host)', () => {
    const html = `<html><head><title>UBND xã Hương Toàn</title></head><body><div id="main">
      <div class="detail"><h2>Xã Hương Toàn triển khai nhiệm vụ năm 2021</h2>
      <p class="info"><span>Ngày cập nhật 03/02/2021</span> | <a href="javascript:print()">In</a></p>
      <div class="content">${body}<p>Lê Văn Hòa - Văn phòng UBND xã</p></div></div>
      <div class="other"><h3>Các tin khác</h3><ul><li><a href="/?tc=1">Xã Hương Toàn ra quân làm giao thông nông thôn đầu năm 2021</a></li></ul></div>
      </div></body></html>`;
    const a = extractArticle(parse(html), 'https://huongtoan.huongtra.thuathienhue.gov.vn/?gd=27&cn=82&tc=6001');
    expect(a.template).toBe('hue-portal');
    expect(a.isArticle).toBe(true);
    expect(a.title).toBe('Xã Hương Toàn triển khai nhiệm vụ năm 2021');
    expect(a.published).toBe('2021-02-03T00:00:00+07:00');
    expect(a.author).toBe('Lê Văn Hòa - Văn phòng UBND xã');
    expect(a.site).toBe('UBND xã Hương Toàn');
    expect(a.text).not.toContain('Các tin khác');
  });
});

describe('sharepoint-portal', () => {
  it('stays off a SharePoint listing page', () => {
    const items = Array.from({ length: 8 }, (_, i) =>
      `<li><a href="/Trang/ChiTietTinTuc.aspx?nid=${i}">Quảng Ninh tổ chức hội nghị số ${i} về phát triển kinh tế - xã hội</a><p>Tóm tắt tin số ${i}: hội nghị đánh giá kết quả thực hiện nhiệm vụ quý I và triển khai nhiệm vụ quý II năm 2023.</p></li>`,
    ).join('');
    const html = `<html><head><meta name="GENERATOR" content="Microsoft SharePoint"><title>Tin tức - Sự kiện</title></head><body><form id="aspnetForm"><div id="s4-workspace"><div id="DeltaPlaceHolderMain"><div class="ms-rtestate-field"><ul class="news-list">${items}</ul></div></div></div></form></body></html>`;
    const a = extractArticle(parse(html), 'https://www.quangninh.gov.vn/Trang/tin-tuc-su-kien.aspx');
    expect(a.template).toBe('sharepoint-portal');
    expect(a.isArticle).toBe(false);
  });
});

describe('newspaper', () => {
  it('reads a page with JSON-LD only and an article__body', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Hạ Long đón 1,2 triệu lượt khách', datePublished: '2023-05-02T20:05:00+07:00', author: { '@type': 'Person', name: 'Thu Hà' }, publisher: { '@type': 'Organization', name: 'Báo Quảng Ninh' } });
    const html = `<html><head><title>Hạ Long đón 1,2 triệu lượt khách</title><script type="application/ld+json">${ld}</script></head><body>
      <article><h1 class="article__title">Hạ Long đón 1,2 triệu lượt khách</h1><div class="article__sapo">(BQN) - Kỳ nghỉ lễ 30/4 - 1/5 năm nay, TP Hạ Long đón khoảng 1,2 triệu lượt khách, tăng 35% so với cùng kỳ.</div>
      <div class="article__body">${body}<div class="article__related"><a href="/x">Quảng Ninh đón 2,1 triệu lượt khách dịp nghỉ lễ năm 2022</a></div></div>
      <div class="article__tags"><a href="/tag/ha-long">Hạ Long</a></div></article></body></html>`;
    const a = extractArticle(parse(html), 'https://www.baoquangninh.vn/ha-long-don-1-2-trieu-luot-khach-3250123.html');
    expect(a.template).toBe('newspaper');
    expect(a.isArticle).toBe(true);
    expect(a.title).toBe('Hạ Long đón 1,2 triệu lượt khách');
    expect(a.published).toBe('2023-05-02T20:05:00+07:00');
    expect(a.author).toBe('Thu Hà');
    expect(a.site).toBe('Báo Quảng Ninh');
    expect(a.text.startsWith('(BQN) - Kỳ nghỉ lễ 30/4 - 1/5')).toBe(true);
    expect(a.text).not.toContain('2,1 triệu');
    expect(a.text).not.toContain('Hạ Long\n');
  });
});
