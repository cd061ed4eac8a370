import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SITES, contentScriptMatches, isSupportedHost, siteForHost } from '@/lib/sites';
import { isHostMatchedBy } from '@/lib/sites/patterns';

describe('isSupportedHost', () => {
  it.each([
    'bdv.binhphuoc.gov.vn',
    'binhphuoc.gov.vn',
    'chinhphu.gov.vn',
    'gov.vn',
    'baobinhphuoc.com.vn',
    'www.baoquangninh.vn',
    'baothuathienhue.vn',
    'baodanang.vn',
    'thainguyen.dcs.vn',
    'btgtu.binhthuan.dcs.vn',
    'www.hcmcpv.org.vn',
  ])('accepts %s', (host) => {
    expect(isSupportedHost(host)).toBe(true);
  });

  it.each([
    'example.com',
    'fakegov.vn', // not on a dot boundary
    'gov.vn.example.com', // the listed domain is not the suffix
    'baodanang.vn.evil.com',
    'notbaodanang.vn',
    'vnexpress.net',
    'org.vn', // only listed .org.vn sites, not the whole zone
    'dcs.vn.example.org',
    '127.0.0.1',
    '::1',
    '',
  ])('rejects %s', (host) => {
    expect(isSupportedHost(host)).toBe(false);
  });

  it('ignores case and a trailing root dot, as DNS does', () => {
    expect(isSupportedHost('BDV.BinhPhuoc.GOV.VN')).toBe(true);
    expect(isSupportedHost('baodanang.vn.')).toBe(true);
  });

  it('accepts every subdomain of every listed domain', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.constantFrom(...SITES), fc.array(label, { maxLength: 3 }), (site, labels) => {
        const host = [...labels, site.domain].join('.');
        expect(siteForHost(host)?.domain).toBe(site.domain);
      }),
    );
  });

  it('rejects a listed domain glued to another label without a dot', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SITES), fc.stringMatching(/^[a-z0-9]{1,10}$/), (site, prefix) => {
        const host = `${prefix}${site.domain}`;
        // Only fails if the glued name happens to be another listed domain.
        fc.pre(!SITES.some((other) => host === other.domain || host.endsWith(`.${other.domain}`)));
        expect(isSupportedHost(host)).toBe(false);
      }),
    );
  });
});

describe('siteForHost', () => {
  it('labels the site and its kind', () => {
    expect(siteForHost('bdv.binhphuoc.gov.vn')).toMatchObject({ kind: 'portal' });
    expect(siteForHost('www.baodanang.vn')).toMatchObject({ kind: 'newspaper', label: 'Báo Đà Nẵng' });
    expect(siteForHost('thainguyen.dcs.vn')).toMatchObject({ kind: 'party' });
  });
});

describe('SITES', () => {
  it('holds bare, lower-case, unique domains with a label', () => {
    const domains = SITES.map((site) => site.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const site of SITES) {
      expect(site.domain).toMatch(/^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(site.label.trim()).not.toBe('');
    }
  });

  it('never lists a domain that another entry already covers', () => {
    for (const site of SITES) {
      const covering = SITES.filter((other) => other !== site && site.domain.endsWith(`.${other.domain}`));
      expect(covering, site.domain).toEqual([]);
    }
  });
});

describe('contentScriptMatches', () => {
  it('gives one manifest pattern per site, covering the domain and its subdomains', () => {
    const matches = contentScriptMatches();
    expect(matches).toHaveLength(SITES.length);
    expect(matches).toContain('*://*.gov.vn/*');
    expect(matches).toContain('*://*.baobinhphuoc.com.vn/*');
    for (const pattern of matches) expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
  });
});

describe('isHostMatchedBy (the content script, from its manifest patterns)', () => {
  it('says of any host what the list says', () => {
    const patterns = contentScriptMatches();
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,12}[a-z0-9])?$/);
    const host = fc.oneof(
      fc.tuple(fc.constantFrom(...SITES), fc.array(label, { maxLength: 2 })).map(([s, labels]) => [...labels, s.domain].join('.')),
      fc.tuple(fc.constantFrom(...SITES), label).map(([s, prefix]) => `${prefix}${s.domain}`),
      fc.tuple(fc.constantFrom(...SITES), label).map(([s, l]) => `${s.domain}.${l}.com`),
      fc.domain(),
    );
    fc.assert(fc.property(host, fc.boolean(), (h, shout) => {
      const written = shout ? `${h.toUpperCase()}.` : h;
      expect(isHostMatchedBy(written, patterns)).toBe(isSupportedHost(written));
    }));
    for (const h of ['127.0.0.1', '::1', '', 'fakegov.vn']) expect(isHostMatchedBy(h, patterns)).toBe(false);
    expect(isHostMatchedBy('bdv.binhphuoc.gov.vn', ['<all_urls>', 'https://example.com/*'])).toBe(false);
  });
});
