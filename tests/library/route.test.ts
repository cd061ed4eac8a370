import { describe, expect, it } from 'vitest';
import { isRouteHash, parseRoute, routeHash } from '@/lib/library/route';

describe('library routes', () => {
  it('read the view and its parameters from the fragment', () => {
    const r = parseRoute('#/clippings?doc=3307%2FQ%C4%90-UBND&q=von');
    expect(r.view).toBe('clippings');
    expect(r.params.get('doc')).toBe('3307/QĐ-UBND');
    expect(parseRoute('#/ledger?unit=ha').params.get('unit')).toBe('ha');
    expect(parseRoute('#/citations').view).toBe('citations');
  });

  it('fall back to the list for anything else, in-page anchors included', () => {
    expect(parseRoute('').view).toBe('clippings');
    expect(parseRoute('#main').view).toBe('clippings');
    expect(parseRoute('#/nonsense?x=1').view).toBe('clippings');
    expect(isRouteHash('#main')).toBe(false);
    expect(isRouteHash('#/ledger')).toBe(true);
  });

  it('write fragments that read back the same', () => {
    const params = new URLSearchParams({ unit: 'hộ dân' });
    const hash = routeHash('ledger', params);
    expect(hash).toBe('#/ledger?unit=h%E1%BB%99+d%C3%A2n');
    expect(parseRoute(hash).params.get('unit')).toBe('hộ dân');
    expect(routeHash('citations')).toBe('#/citations');
  });
});
