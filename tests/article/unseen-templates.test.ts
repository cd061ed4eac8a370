/**
 * Focused tests for failures found on portal templates the extractor was not tuned for
 * (the fixtures added with them are in tests/fixtures/pages/catalog.ts: SharePoint
 * department site, VNPT-style portal, DotNetNuke, Joomla, ASP.NET newspaper, commune
 * site, văn bản record, photo album, Joomla search and category blog).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/article/index.ts';
import { parseDateLine } from '../../lib/article/dates.ts';
import { isInnerBoilerplate, isBoilerplateElement } from '../../lib/article/dom.ts';
import { looksLikeDocumentRecord, looksLikeGallery } from '../../lib/article/kinds.ts';
import { cleanTitle, isPageLabel, metaPublished, readMeta, siteFromDocTitle } from '../../lib/article/meta.ts';
import { parse } from './helpers.ts';

const PARAS = [
  'Ngày 11/3, UBND huyện tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024, với sự tham dự của lãnh đạo các phòng, ban, ngành và 14 xã, thị trấn.',
  'Năm 2023, tổng giá trị sản xuất trên địa bàn huyện đạt 12.450 tỷ đồng, tăng 7,2% so với năm 2022; thu ngân sách đạt 612 tỷ đồng, bằng 108% dự toán tỉnh giao.',
  'Thực hiện Quyết định số 456/QĐ-UBND ngày 20/01/2024 của UBND tỉnh, huyện đã giải ngân 85% vốn đầu tư công, hoàn thành 38 công trình, dự án chuyển tiếp.',
  'Chủ tịch UBND huyện đề nghị các đơn vị tập trung tháo gỡ khó khăn về mặt bằng, đẩy nhanh tiến độ các dự án trọng điểm, phấn đấu hoàn thành 100% kế hoạch trước ngày 31/12/2024.',
];
const BODY = PARAS.map((p) => `<p>${p}</p>`).join('\n');
const TITLE = 'Huyện triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024';
const MENU = `<div class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản</a></li></ul></div>`;

function page(main: string, head = '<title>Chi tiết tin - Cổng TTĐT huyện Đồng Phú</title>'): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${MENU}${main}<div class="footer">Bản quyền thuộc UBND huyện Đồng Phú</div></body></html>`;
}

describe('site and title from the <title>', () => {
  it('a static page label ("Chi tiết tin") is neither site nor title', () => {
    expect(isPageLabel('Chi tiết tin')).toBe(true);
    expect(isPageLabel('Chi tiết tin tức')).toBe(true);
    expect(isPageLabel('Xem bài viết')).toBe(true);
    expect(isPageLabel('Cổng TTĐT huyện Đồng Phú')).toBe(false);
    expect(siteFromDocTitle('Chi tiết tin', TITLE)).toBeNull();
  });

  it('reads DotNetNuke\'s "Site > Page" titles', () => {
    expect(siteFromDocTitle('UBND huyện Hớn Quản > Tin tức - Sự kiện', TITLE)).toBe('UBND huyện Hớn Quản');
    expect(siteFromDocTitle(`UBND huyện Hớn Quản > ${TITLE}`, TITLE)).toBe('UBND huyện Hớn Quản');
    expect(cleanTitle(`${TITLE} > Cổng TTĐT huyện Đồng Phú`)).toBe(TITLE);
  });
});

describe('title of the general method', () => {
  it('skips a module title that repeats a menu item, and the site name in the header', () => {
    const html = page(`
      <div class="header-title">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐỒNG PHÚ</div>
      <div class="module"><h2 class="c_title">Tin tức - Sự kiện</h2>
        <h2>${TITLE}</h2><div class="date">12/03/2024 08:30</div><div class="content">${BODY}</div></div>`,
      '<title>UBND huyện Đồng Phú > Tin tức - Sự kiện</title>');
    const a = extractArticle(parse(html), 'https://dongphu.binhphuoc.gov.vn/tin-tuc/tabid/73/articleId/5/default.aspx');
    expect(a.isArticle).toBe(true);
    expect(a.title).toBe(TITLE);
    expect(a.site).toBe('UBND huyện Đồng Phú');
  });

  it('between equal headings before the body, takes the nearest (a side box heading comes earlier)', () => {
    const html = page(`
      <div class="left"><div class="box-tieude">LỊCH CÔNG TÁC</div><ul><li><a href="/l">Lịch tuần 11</a></li></ul></div>
      <div class="center"><div class="tieude_tin">${TITLE}</div><div class="ngay">Cập nhật lúc 08:30 ngày 12/3/2024</div><div class="noidung_tin">${BODY}</div></div>`);
    const a = extractArticle(parse(html), 'https://x.gov.vn/tin-tuc/5.html');
    expect(a.title).toBe(TITLE);
    expect(a.published).toBe('2024-03-12T08:30:00+07:00');
  });

  it('does not take a <title> that is only the site name for the reference title', () => {
    const html = page(`<h1 class="site-logo"><a href="/">SỞ Y TẾ TỈNH BÌNH PHƯỚC</a></h1>
      <div class="post"><h2>${TITLE}</h2><div class="post-body">${BODY}</div><div class="meta">Ngày đăng: 12/03/2024 | Lượt xem: 10</div></div>`,
      '<title>Sở Y tế tỉnh Bình Phước</title>');
    const a = extractArticle(parse(html), 'https://syt.binhphuoc.gov.vn/tin-tuc/5');
    expect(a.title).toBe(TITLE);
    expect(a.site).toBe('Sở Y tế tỉnh Bình Phước');
  });
});

describe('dates of the general method', () => {
  it('skips dates inside links and implausible years (a 1930 slogan in a <marquee> or a div)', () => {
    const html = page(`
      <marquee>Chào mừng 94 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2024)</marquee>
      <div class="slogan">Kỷ niệm ngày thành lập (03/02/1930)</div>
      <div class="news"><div class="title-news">${TITLE}</div>
      <ul class="sched"><li><a href="/lich/11">Lịch công tác tuần 11 (11/03/2024 - 17/03/2024)</a></li></ul>
      <div class="date-news">Thứ Ba, 12/03/2024 - 08:30</div><div class="content-news">${BODY}</div></div>`);
    const a = extractArticle(parse(html), 'https://x.gov.vn/tin-tuc/5.html');
    expect(a.published).toBe('2024-03-12T08:30:00+07:00');
  });

  it('never takes the header\'s current date for the publication date', () => {
    for (const today of ['<div id="top">Hôm nay: Thứ Tư, 13/03/2024</div>', '<div class="top"><span class="date-now">Thứ Tư, 13/03/2024</span></div>', '<span id="today">13/03/2024</span>']) {
      const a = extractArticle(parse(page(`${today}<h2>${TITLE}</h2><div class="content">${BODY}</div>`)), 'https://x.gov.vn/tin/5');
      expect(a.published, today).toBeNull();
      expect(a.isArticle, today).toBe(false);
    }
  });

  it('reads a labelled date line under the body, but no unlabelled date there', () => {
    const labelled = page(`<div class="post"><h2>${TITLE}</h2><div class="post-body">${BODY}</div>
      <div class="post-meta-bottom">Ngày đăng: 12/03/2024 | Người đăng: admin</div></div>`);
    expect(extractArticle(parse(labelled), 'https://x.gov.vn/tin/5').published).toBe('2024-03-12T00:00:00+07:00');
    const bare = page(`<div class="post"><h2>${TITLE}</h2><div class="post-body">${BODY}</div>
      <div class="other"><span>12/03/2024</span> <a href="/tin/4">Hội nghị tổng kết công tác năm 2023 của huyện</a></div></div>`);
    const b = extractArticle(parse(bare), 'https://x.gov.vn/tin/5');
    expect(b.published).toBeNull();
    expect(b.isArticle).toBe(false);
  });

  it('reads month names and "giờ … phút" times', () => {
    expect(parseDateLine('Ngày đăng: 12 Tháng Ba 2024')).toBe('2024-03-12T00:00:00+07:00');
    expect(parseDateLine('Tháng Mười Hai 5, 2019')).toBe('2019-12-05T00:00:00+07:00');
    expect(parseDateLine('Tháng 3 12, 2024')).toBe('2024-03-12T00:00:00+07:00');
    expect(parseDateLine('ngày 5 tháng Mười Một năm 2023')).toBe('2023-11-05T00:00:00+07:00');
    expect(parseDateLine('08 giờ 30 phút, ngày 12/3/2024')).toBe('2024-03-12T08:30:00+07:00');
    expect(parseDateLine('trong tháng Ba, các xã ra quân')).toBeNull();
  });

  it('does not give a listing the date of its first item (one itemprop=datePublished per item)', () => {
    const items = [1, 2, 3].map((i) => `<div itemprop="blogPost"><time itemprop="datePublished" datetime="2024-03-0${i}T08:00:00+07:00">0${i}/03/2024</time></div>`).join('');
    const doc = parse(page(items));
    expect(metaPublished(doc, readMeta(doc))).toBeNull();
    const one = parse(page(`<time itemprop="datePublished" datetime="2024-03-01T08:00:00+07:00">01/03/2024</time>`));
    expect(metaPublished(one, readMeta(one))).toBe('2024-03-01T08:00:00+07:00');
  });
});

describe('body and author', () => {
  it('takes the itemprop="articleBody" element over a "content" wrapper holding the article info', () => {
    const html = page(`<main id="content"><div class="item-page"><h2 itemprop="headline">${TITLE}</h2>
      <dl class="article-info"><dd class="createdby">Viết bởi Super User</dd><dd class="category-name">Chuyên mục: Tin hoạt động của huyện</dd>
      <dd class="published"><time datetime="2024-03-12T08:30:00+07:00" itemprop="datePublished">12/03/2024</time></dd></dl>
      <div itemprop="articleBody">${BODY}<p>Tin, ảnh: Thu Hà</p></div></div></main>`,
      '<title>' + TITLE + '</title><meta name="author" content="Super User">');
    const a = extractArticle(parse(html), 'https://x.vn/tin-hoat-dong/12-a');
    expect(a.isArticle).toBe(true);
    expect(a.body?.getAttribute('itemprop')).toBe('articleBody');
    expect(a.text).not.toContain('Super User');
    expect(a.text).not.toContain('Chuyên mục');
    expect(a.author).toBe('Thu Hà');
  });

  it('does not take a CMS account in <meta name="author"> for the writer', () => {
    for (const account of ['Super User', 'admin', 'Administrator', 'Quản trị viên', 'quantri']) {
      const html = page(`<h1>${TITLE}</h1><div class="date">12/03/2024 08:30</div><div class="content">${BODY}</div>`,
        `<title>${TITLE}</title><meta name="author" content="${account}">`);
      const a = extractArticle(parse(html), 'https://x.gov.vn/tin/5');
      expect(a.author, account).toBe(account === 'quantri' ? 'quantri' : null);
    }
  });

  it('a <form> wrapping the whole page (ASP.NET) is not furniture; a comment form is', () => {
    const doc = parse(`<html><body><form id="form1"><div class="detail-content">${BODY}</div><form class="c"><textarea></textarea></form></form></body></html>`);
    const forms = doc.querySelectorAll('form');
    expect(isBoilerplateElement(forms[0]!)).toBe(false);
    const inner = parse(`<html><body><div><form id="cmt"><p>Gửi ý kiến</p></form></div></body></html>`).querySelector('form')!;
    expect(isBoilerplateElement(inner)).toBe(true);
  });

  it('the newspaper template reads a page inside an ASP.NET form', () => {
    const html = `<html><head><title>${TITLE} - Báo Tây Ninh</title><meta property="og:type" content="article">
      <meta property="og:site_name" content="Báo Tây Ninh"><meta property="article:published_time" content="2024-03-12T15:42:00+07:00"></head>
      <body><form method="post" id="form1"><h1 class="title-detail">${TITLE}</h1><div class="detail-content">${BODY}</div></form></body></html>`;
    const a = extractArticle(parse(html), 'https://baotayninh.vn/a-1.html');
    expect(a.template).toBe('newspaper');
    expect(a.isArticle).toBe(true);
  });

  it('leaves ">> Xem thêm:" lines out of the text', () => {
    const doc = parse('<html><body><div><p><strong>&gt;&gt; Xem thêm:</strong> <a href="/x">Nông dân thu hoạch lúa sớm</a></p><p>» Đọc thêm: <a href="/y">Tin</a></p><p>Xem thêm hình ảnh tại hội nghị.</p></div></body></html>');
    const ps = doc.querySelectorAll('p');
    expect(isInnerBoilerplate(ps[0]!)).toBe(true);
    expect(isInnerBoilerplate(ps[1]!)).toBe(true);
    expect(isInnerBoilerplate(ps[2]!)).toBe(false);
  });
});

describe('pages with a body that are not articles', () => {
  const RECORD = `<table class="vb">
    <tr><td>Số ký hiệu</td><td>318/QĐ-UBND</td></tr><tr><td>Ngày ban hành</td><td>20/02/2024</td></tr>
    <tr><td>Cơ quan ban hành</td><td>UBND tỉnh</td></tr><tr><td>Người ký</td><td>Phó Chủ tịch UBND tỉnh</td></tr>
    <tr><td>Trích yếu</td><td>${PARAS.join(' ')}</td></tr></table>`;

  it('a văn bản record (labelled fields, one a row) is no article', () => {
    const html = page(`<h1>Quyết định số 318/QĐ-UBND ban hành kế hoạch năm 2024</h1><div class="date">Ngày đăng: 21/02/2024</div><div class="content">${RECORD}<p>${PARAS[0]}</p></div>`);
    const a = extractArticle(parse(html), 'https://x.gov.vn/van-ban/318');
    expect(a.isArticle).toBe(false);
    expect(a.text).toBe('');
    expect(looksLikeDocumentRecord(parse(page(RECORD)).querySelector("table")!, 900)).toBe(true);
  });

  it('an article with a table of documents (labels side by side in a header row) stays an article', () => {
    const table = `<table><tr><th>STT</th><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th><th>Cơ quan ban hành</th></tr>
      <tr><td>1</td><td>12/QĐ-UBND</td><td>05/01/2024</td><td>Về kế hoạch cải cách hành chính</td><td>UBND tỉnh</td></tr></table>`;
    const html = page(`<h1>${TITLE}</h1><div class="date">12/03/2024 08:30</div><div class="content">${BODY}${table}</div>`);
    const a = extractArticle(parse(html), 'https://x.gov.vn/tin/5');
    expect(a.isArticle).toBe(true);
  });

  it('a photo album (many pictures, a caption each) is no article; an article with pictures stays one', () => {
    const caps = Array.from({ length: 8 }, (_, i) => `<div class="photo"><img src="/a/${i}.jpg" alt=""><div class="cap">Các đại biểu tham dự hội nghị triển khai nhiệm vụ năm 2024, ảnh số ${i + 1}</div></div>`).join('');
    const album = page(`<h1>${TITLE}</h1><div class="date">12/03/2024</div><div class="album">${caps}</div>`);
    const a = extractArticle(parse(album), 'https://x.gov.vn/thu-vien-anh/5');
    expect(a.isArticle).toBe(false);
    expect(a.published).toBeNull();

    const pics = Array.from({ length: 6 }, (_, i) => `<p><img src="/a/${i}.jpg" alt=""></p><p><em>Ảnh ${i + 1}</em></p>`).join('');
    const article = page(`<h1>${TITLE}</h1><div class="date">12/03/2024</div><div class="content">${BODY}${pics}${BODY}</div>`);
    const b = extractArticle(parse(article), 'https://x.gov.vn/tin/5');
    expect(b.isArticle).toBe(true);
    expect(looksLikeGallery(b.body!, b.text.length)).toBe(false);
  });

  it('pictures in a related-news box do not count', () => {
    const related = `<div class="related">${Array.from({ length: 8 }, (_, i) => `<a href="/t/${i}"><img src="/t/${i}.jpg" alt=""></a>`).join('')}</div>`;
    const doc = parse(page(`<div id="b"><p>${PARAS[0]}</p><p>${PARAS[1]}</p>${related}</div>`));
    expect(looksLikeGallery(doc.querySelector('#b')!, 330)).toBe(false);
  });
});

describe('SharePoint portals', () => {
  const shell = (zone: string, side: string) => `<html><head><meta name="GENERATOR" content="Microsoft SharePoint"><title>Chi tiết tin</title></head>
    <body><form id="aspnetForm"><div id="s4-workspace"><div class="logo"><a href="/"><img src="/logo.png" alt="Cổng thông tin điện tử tỉnh Tây Ninh"></a></div>${MENU}
    <div id="DeltaPlaceHolderMain"><div class="col-main"><div class="ms-webpart-zone"><div class="ms-webpart-chrome">
      <div class="ms-webpart-chrome-title"><h2 class="ms-webpart-titleText"><span>Tin tức - Sự kiện nổi bật</span></h2></div>
      <div class="ms-WPBody">${zone}</div></div></div></div>
    <div class="col-right">${side}</div></div></div></form></body></html>`;

  it('never takes the web part\'s title bar for the article title, nor the static <title> for the site', () => {
    const html = shell(`<h3 class="tieude">${TITLE}</h3><div class="ngay">Ngày đăng: 12/03/2024</div><div class="ms-rtestate-field">${BODY}</div>`, '');
    const a = extractArticle(parse(html), 'https://www.tayninh.gov.vn/Pages/ChiTietTin.aspx?ItemID=1');
    expect(a.template).toBe('sharepoint-portal');
    expect(a.title).toBe(TITLE);
    expect(a.site).toBe('Cổng thông tin điện tử tỉnh Tây Ninh');
  });

  it('prefers a custom news body over a smaller rich-text box in the side column', () => {
    const notice = `<div class="ms-rtestate-field"><p>${PARAS[3]}</p><p>${PARAS[2]}</p></div>`;
    const html = shell(`<div class="tin-tieude">${TITLE}</div><div class="tin-ngay">13/03/2024 10:20</div><div class="tin-noidung">${BODY}<p>${PARAS[1]}</p></div>`, notice);
    const a = extractArticle(parse(html), 'https://www.tayninh.gov.vn/Pages/ChiTietTin.aspx?ItemID=2');
    expect(a.isArticle).toBe(true);
    expect(a.body?.getAttribute('class')).toBe('tin-noidung');
    expect(a.published).toBe('2024-03-13T10:20:00+07:00');
  });
});

describe('more general-method fields', () => {
  it('reads a labelled byline outside the body: in the info line, or under the body', () => {
    const info = page(`<div class="main"><h2 class="tit">${TITLE}</h2><div class="info">12/03/2024 08:30 | Tác giả: Minh Anh | Lượt xem: 12</div><div class="content">${BODY}</div></div>`);
    expect(extractArticle(parse(info), 'https://x.gov.vn/tin/5').author).toBe('Minh Anh');
    const under = page(`<div class="main"><h1>${TITLE}</h1><div class="info">12/03/2024 08:30</div><div class="content">${BODY}</div>
      <div class="source">Nguồn: Báo Bình Phước</div></div>`);
    expect(extractArticle(parse(under), 'https://x.gov.vn/tin/5').author).toBe('Báo Bình Phước');
    // the writer's closing line in the body comes before a source line outside it
    const both = page(`<div class="main"><h1>${TITLE}</h1><div class="info">12/03/2024 08:30</div><div class="content">${BODY}<p>LÊ TOÀN</p></div>
      <div class="source">Nguồn: Báo Bình Phước</div></div>`);
    expect(extractArticle(parse(both), 'https://x.gov.vn/tin/5').author).toBe('LÊ TOÀN');
  });

  it('does not take a category heading that repeats a breadcrumb link for the title', () => {
    const html = page(`<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin/hoat-dong">Hoạt động của huyện</a> » <a href="/tin/hoat-dong/5.html">${TITLE}</a></div>
      <h1 class="page-title">Hoạt động của huyện</h1><div class="main"><h3>${TITLE}</h3><div class="info">12/03/2024 08:30</div><div class="content">${BODY}</div></div>`);
    const a = extractArticle(parse(html), 'https://x.gov.vn/tin/hoat-dong/5.html');
    expect(a.title).toBe(TITLE);
  });

  it('keeps the time and offset of <time datetime>', () => {
    const html = page(`<article><h1 class="entry-title">${TITLE}</h1><time class="entry-date published" datetime="2024-03-12T08:30:00+07:00">Tháng Ba 12, 2024</time><div class="entry-content">${BODY}</div></article>`);
    expect(extractArticle(parse(html), 'https://x.vn/2024/03/12/a/').published).toBe('2024-03-12T08:30:00+07:00');
  });
});
