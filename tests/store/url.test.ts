import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, siteHost } from '../../lib/store/url.ts';
import { mergedProvince, provinceForHost, PROVINCES } from '../../lib/store/provinces.ts';

describe('canonicalizeUrl', () => {
  it.each([
    ['https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html#binh-luan', 'https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html'],
    ['https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html?utm_source=zalo&utm_medium=social&zarsrc=30', 'https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html'],
    ['https://baodanang.vn/a.html?fbclid=IwAR0abc&gclid=x&_ga=1&zalo_source=1', 'https://baodanang.vn/a.html'],
    ['HTTPS://WWW.QuangNinh.GOV.VN:443/Trang/ChiTietTinTuc.aspx?nid=113139&UTM_Campaign=x', 'https://www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=113139'],
    ['https://a.gov.vn/p?b=2&utm_x=1&a=1', 'https://a.gov.vn/p?b=2&a=1'], // order and other parameters kept
    ['https://a.gov.vn/p?', 'https://a.gov.vn/p'],
    ['https://user:secret@a.gov.vn/p', 'https://a.gov.vn/p'],
    ['  https://a.gov.vn/p  ', 'https://a.gov.vn/p'],
    ['https://a.gov.vn/tìm kiếm?q=đất đai', 'https://a.gov.vn/t%C3%ACm%20ki%E1%BA%BFm?q=%C4%91%E1%BA%A5t%20%C4%91ai'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('gives the same identity to every link to one article', () => {
    const links = [
      'https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html',
      'https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html#top',
      'https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html?utm_source=facebook&fbclid=abc',
      'https://BDV.binhphuoc.gov.vn/tin-tuc/a-1.html?zarsrc=31&utm_source=zalo&utm_medium=zalo&utm_campaign=zalo',
    ];
    expect(new Set(links.map(canonicalizeUrl)).size).toBe(1);
  });

  it.each(['', 'not a url', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', `https://a.vn/${'x'.repeat(5000)}`])(
    'refuses %s',
    (input) => {
      expect(canonicalizeUrl(input)).toBeNull();
    },
  );
});

describe('siteHost', () => {
  it('is the lower-case host without www', () => {
    expect(siteHost('https://WWW.quangninh.gov.vn/x')).toBe('quangninh.gov.vn');
    expect(siteHost('https://bdv.binhphuoc.gov.vn/x')).toBe('bdv.binhphuoc.gov.vn');
    expect(siteHost('nonsense')).toBe('');
  });
});

describe('provinceForHost', () => {
  it.each([
    ['binhphuoc.gov.vn', 'Bình Phước'],
    ['bdv.binhphuoc.gov.vn', 'Bình Phước'],
    ['www.quangninh.gov.vn', 'Quảng Ninh'],
    ['huongxuan.huongtra.thuathienhue.gov.vn', 'Huế'],
    ['hue.gov.vn', 'Huế'],
    ['baria-vungtau.gov.vn', 'Bà Rịa - Vũng Tàu'],
    ['tuyenquang.dcs.vn', 'Tuyên Quang'],
    ['baodanang.vn', 'Đà Nẵng'], // a provincial paper, from the site list
    ['www.sggp.org.vn', 'TP. Hồ Chí Minh'],
    ['BINHPHUOC.GOV.VN.', 'Bình Phước'],
  ])('%s → %s', (host, province) => {
    expect(provinceForHost(host)).toBe(province);
  });

  it.each(['mof.gov.vn', 'chinhphu.vn', 'baochinhphu.vn', 'binhphuoc.gov.vn.evil.example', 'binhphuocgov.vn', 'example.com', ''])(
    '%s → null',
    (host) => {
      expect(provinceForHost(host)).toBeNull();
    },
  );

  it('knows all 63 provinces of the portals', () => {
    expect(PROVINCES).toHaveLength(63);
  });

  it('maps a province to its unit after the 2025 merger', () => {
    expect(mergedProvince('Bình Phước')).toBe('Đồng Nai');
    expect(mergedProvince('Hà Giang')).toBe('Tuyên Quang');
    expect(mergedProvince('Hà Nội')).toBe('Hà Nội');
    expect(new Set(PROVINCES.map(mergedProvince)).size).toBe(34);
  });
});
