import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanUrl, isTrackingParam } from '../../lib/article/url.ts';
import { parse } from './helpers.ts';

describe('cleanUrl', () => {
  it('drops the fragment and tracking parameters, keeps the rest as written', () => {
    expect(cleanUrl('https://baoquangninh.vn/bai-viet-3250123.html?utm_source=fb&utm_medium=social&fbclid=IwAR1#binh-luan')).toBe(
      'https://baoquangninh.vn/bai-viet-3250123.html',
    );
    expect(cleanUrl('https://www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=121847&gclid=x&utm_campaign=y')).toBe(
      'https://www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=121847',
    );
    expect(cleanUrl('https://huongxuan.huongtra.thuathienhue.gov.vn/?gd=27&cn=82&tc=5129#top')).toBe(
      'https://huongxuan.huongtra.thuathienhue.gov.vn/?gd=27&cn=82&tc=5129',
    );
    // order and encoding of kept parameters are preserved
    expect(cleanUrl('https://x.gov.vn/a.aspx?Cat=Qu%C3%A1%20tr%C3%ACnh&zarsrc=30&bvid=458')).toBe(
      'https://x.gov.vn/a.aspx?Cat=Qu%C3%A1%20tr%C3%ACnh&bvid=458',
    );
    expect(cleanUrl('https://x.vn/p?UTM_SOURCE=a&mc_cid=1&_ga=2&msclkid=3&yclid=4&igshid=5&dclid=6&id=7')).toBe('https://x.vn/p?id=7');
  });

  it('resolves relative URLs and lower-cases the host', () => {
    expect(cleanUrl('/tin-tuc/a-1.html#x', 'https://BDV.BinhPhuoc.gov.vn/tin-tuc/')).toBe('https://bdv.binhphuoc.gov.vn/tin-tuc/a-1.html');
    expect(cleanUrl('b.html', 'https://x.gov.vn/a/c.html')).toBe('https://x.gov.vn/a/b.html');
  });

  it('returns null for non-http and malformed URLs', () => {
    expect(cleanUrl('javascript:void(0)')).toBeNull();
    expect(cleanUrl('mailto:a@b.vn')).toBeNull();
    expect(cleanUrl('/relative/without/base')).toBeNull();
    expect(cleanUrl('')).toBeNull();
    expect(cleanUrl(null)).toBeNull();
    expect(cleanUrl('http://')).toBeNull();
  });

  it('knows the tracking parameters', () => {
    for (const p of ['utm_source', 'utm_term', 'fbclid', 'gclid', 'msclkid']) expect(isTrackingParam(p)).toBe(true);
    for (const p of ['id', 'nid', 'page', 'q', 'utm']) expect(isTrackingParam(p)).toBe(false);
  });
});

describe('canonicalUrl', () => {
  const page = (head: string) => parse(`<!DOCTYPE html><html><head>${head}</head><body><p>x</p></body></html>`);

  it('prefers <link rel=canonical>, then og:url, then the location', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="https://a.vn/x?utm_source=1"><meta property="og:url" content="https://a.vn/y">'), 'https://a.vn/z')).toBe('https://a.vn/x');
    expect(canonicalUrl(page('<meta property="og:url" content="https://a.vn/y#f">'), 'https://a.vn/z')).toBe('https://a.vn/y');
    expect(canonicalUrl(page(''), 'https://a.vn/z?fbclid=1#c')).toBe('https://a.vn/z');
    expect(canonicalUrl(page(''))).toBeNull();
  });

  it('resolves a relative canonical against the location or <base>', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="/tin-tuc/a.html">'), 'https://a.vn/tin-tuc/a.html?utm_medium=x')).toBe('https://a.vn/tin-tuc/a.html');
    expect(canonicalUrl(page('<base href="https://b.vn/sub/"><link rel="canonical" href="a.html">'), 'https://a.vn/x')).toBe('https://b.vn/sub/a.html');
  });

  it('accepts rel values with several tokens and any case', () => {
    expect(canonicalUrl(page('<link rel="Canonical" href="https://a.vn/x">'), 'https://a.vn/z')).toBe('https://a.vn/x');
  });

  it('ignores a canonical that points at the site root from a deeper page', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="https://a.vn/">'), 'https://a.vn/tin-tuc/bai-1.html')).toBe('https://a.vn/tin-tuc/bai-1.html');
    expect(canonicalUrl(page('<link rel="canonical" href="https://a.vn/">'), 'https://a.vn/')).toBe('https://a.vn/');
  });

  it('skips a canonical that is not a URL', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="javascript:0"><meta property="og:url" content="https://a.vn/y">'), 'https://a.vn/z')).toBe('https://a.vn/y');
  });
});
