import { describe, expect, it } from 'vitest';
import { authorFromClosingLines, looksLikeNameLine, parseAuthorLine } from '../../lib/article/author.ts';
import { cleanTitle, metaPublished, readMeta, siteFromDocTitle, siteFromLogo } from '../../lib/article/meta.ts';
import { parse } from './helpers.ts';

describe('titles and site names', () => {
  it('removes a site-name suffix or prefix', () => {
    expect(cleanTitle('Thu ngân sách quý I đạt hơn 3.150 tỷ đồng | Báo Bình Phước', 'Báo Bình Phước')).toBe('Thu ngân sách quý I đạt hơn 3.150 tỷ đồng');
    expect(cleanTitle('Báo Quảng Ninh - Hạ Long đón 1,2 triệu lượt khách', 'Báo Quảng Ninh')).toBe('Hạ Long đón 1,2 triệu lượt khách');
    expect(cleanTitle('Hội nghị sơ kết công tác dân vận - Cổng thông tin điện tử tỉnh Bình Phước')).toBe('Hội nghị sơ kết công tác dân vận');
    expect(cleanTitle('Bình Phước: Sơ kết 2 năm - kết quả nổi bật - Hoạt động dân vận - Ban Dân vận Tỉnh ủy Bình Phước', 'Ban Dân vận Tỉnh ủy Bình Phước')).toBe(
      'Bình Phước: Sơ kết 2 năm - kết quả nổi bật - Hoạt động dân vận',
    );
  });

  it('keeps separators that belong to the title', () => {
    expect(cleanTitle('Giai đoạn 2021 - 2025: Kết quả bước đầu')).toBe('Giai đoạn 2021 - 2025: Kết quả bước đầu');
    expect(cleanTitle('Kinh tế - xã hội quý I tăng trưởng khá')).toBe('Kinh tế - xã hội quý I tăng trưởng khá');
    expect(cleanTitle('Báo Bình Phước', 'Báo Bình Phước')).toBe('Báo Bình Phước');
  });

  it('reads the site name from the <title>', () => {
    expect(siteFromDocTitle('Tiêu đề bài viết | Sở Nông nghiệp và PTNT tỉnh Bình Phước', 'Tiêu đề bài viết')).toBe('Sở Nông nghiệp và PTNT tỉnh Bình Phước');
    expect(siteFromDocTitle('Cổng thông tin điện tử phường Hương Xuân', 'Một bài viết')).toBe('Cổng thông tin điện tử phường Hương Xuân');
    expect(siteFromDocTitle('Tìm kiếm: ngân sách | Sở Tài chính', 'Kết quả tìm kiếm')).toBe('Sở Tài chính');
    expect(siteFromDocTitle('Một bài viết', 'Một bài viết')).toBeNull();
  });
});

describe('metadata', () => {
  it('reads datePublished from a JSON-LD @graph', () => {
    const doc = parse(`<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Báo Quảng Ninh"},
       {"@type":["NewsArticle"],"headline":"H","datePublished":"2023-04-13T09:15:00+07:00","author":{"@type":"Person","name":"Thu Hà"}}]}
    </script></head><body></body></html>`);
    const meta = readMeta(doc);
    expect(meta.ldArticle?.datePublished).toBe('2023-04-13T09:15:00+07:00');
    expect(meta.ldArticle?.author).toBe('Thu Hà');
    expect(meta.ldSiteName).toBe('Báo Quảng Ninh');
    expect(metaPublished(doc, meta)).toBe('2023-04-13T09:15:00+07:00');
  });

  it('reads JSON-LD arrays and survives broken JSON-LD', () => {
    const doc = parse(`<html><head>
      <script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"Article","datePublished":"2022-03-22"}]</script>
    </head><body></body></html>`);
    expect(metaPublished(doc, readMeta(doc))).toBe('2022-03-22T00:00:00+07:00');
  });

  it('prefers article:published_time, reads pubdate / date / dc.date', () => {
    for (const tag of [
      '<meta property="article:published_time" content="2022-03-22T21:58:00+07:00">',
      '<meta name="pubdate" content="2022-03-22T21:58:00+07:00">',
      '<meta name="date" content="2022-03-22 21:58">',
      '<meta name="DC.date" content="2022-03-22T21:58">',
      '<meta itemprop="datePublished" content="2022-03-22T21:58:00+07:00">',
    ]) {
      const doc = parse(`<html><head>${tag}</head><body></body></html>`);
      expect(metaPublished(doc, readMeta(doc)), tag).toBe('2022-03-22T21:58:00+07:00');
    }
  });
});

describe('author lines', () => {
  it.each([
    ['Nguồn tin: Anh Đào - BDVTU', 'Anh Đào - BDVTU'],
    ['Tác giả: Nguyễn Văn A', 'Nguyễn Văn A'],
    ['Nguồn: Trung tâm Truyền thông tỉnh.', 'Trung tâm Truyền thông tỉnh'],
    ['(Theo Báo Quảng Ninh)', 'Báo Quảng Ninh'],
    ['Theo baochinhphu.vn', 'baochinhphu.vn'],
    ['Bài, ảnh: MINH LUÂN', 'MINH LUÂN'],
  ])('%s', (line, who) => {
    expect(parseAuthorLine(line)).toBe(who);
  });

  it('does not read sentences as author lines', () => {
    expect(parseAuthorLine('Theo kế hoạch, năm 2023 tỉnh phấn đấu thu ngân sách 13.000 tỷ đồng.')).toBeNull();
    expect(parseAuthorLine('Theo báo cáo, toàn tỉnh có 843/843 thôn')).toBeNull();
  });

  it.each(['Nguyễn Tiến Giang', 'LÊ TOÀN', 'Thu Hà (TTXVN)', 'Anh Đào - BDVTU', 'PV', 'Minh Luân.', 'Hoàng Quỳnh, Thu Trang'])('name line: %s', (line) => {
    expect(looksLikeNameLine(line)).toBe(true);
  });

  it.each(['Kết thúc hội nghị.', 'Dịp này, Ban Dân vận trao 25 giấy khen', 'Hội nghị', 'Ảnh: Minh Luân', 'Tổng cộng 843 thôn'])('not a name line: %s', (line) => {
    expect(looksLikeNameLine(line)).toBe(false);
  });

  it('finds the author at the end of a body text', () => {
    expect(authorFromClosingLines('Đoạn một dài.\nĐoạn hai dài.\nNguyễn Tiến Giang')).toBe('Nguyễn Tiến Giang');
    expect(authorFromClosingLines('Đoạn một.\nLÊ TOÀN\nNguồn: Sở Tài chính')).toBe('Sở Tài chính');
    expect(authorFromClosingLines('Đoạn một.\nĐoạn cuối cùng kết thúc bài viết.')).toBeNull();
  });
});

describe('site name from the page header', () => {
  it('takes the logo image, not a menu link', () => {
    const doc = parse(`<html><head><title>Một bài viết</title></head><body>
      <header><nav><a href="/gioi-thieu" title="Giới thiệu">Giới thiệu</a></nav>
      <div class="brand"><a href="/"><img src="/img/logo-ubnd.png" alt="UBND huyện Đồng Phú"></a></div></header></body></html>`);
    expect(siteFromLogo(doc)).toBe('UBND huyện Đồng Phú');
  });

  it('takes a titled home link, or the site-name text', () => {
    expect(siteFromLogo(parse('<html><body><div id="top"><a href="/" title="Sở Tài chính tỉnh Bình Phước"><span>STC</span></a></div></body></html>'))).toBe('Sở Tài chính tỉnh Bình Phước');
    expect(siteFromLogo(parse('<html><body><div class="site-name">Trang thông tin điện tử xã Tân Lập</div></body></html>'))).toBe('Trang thông tin điện tử xã Tân Lập');
    expect(siteFromLogo(parse('<html><body><img src="/a.png" alt="Ảnh minh họa"></body></html>'))).toBeNull();
  });
});
