import { describe, expect, it } from 'vitest';
import { adoptStyles, highlightCss, luminance, paletteFor, parseRgb } from '@/lib/highlight/styles';

describe('highlight styles', () => {
  it('styles the two kinds differently, by colour and by line style', () => {
    for (const palette of ['light', 'dark'] as const) {
      const css = highlightCss(palette);
      const rule = (name: string) => new RegExp(`::highlight\\(${name}\\)\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
      const doc = rule('trichluc-document');
      const fig = rule('trichluc-figure');
      expect(doc).toMatch(/underline solid/);
      expect(fig).toMatch(/underline dotted/);
      expect(doc).not.toBe(fig);
      // Translucent tints: the page's own background shows through, the text keeps its colour.
      expect(doc).toMatch(/background-color:rgb\([^)]*\/ 0\.\d+\)/);
      expect(doc).not.toMatch(/(^|;)color:/);
      expect(rule('trichluc-active')).toMatch(/background-color/);
      // Saved clippings: a third look, a tint and a line over the text rather than under it.
      const clipping = rule('trichluc-clipping');
      expect(clipping).toMatch(/background-color:rgb\([^)]*\/ 0\.\d+\)/);
      expect(clipping).toMatch(/overline solid/);
      expect(clipping).not.toBe(doc);
      expect(clipping).not.toBe(fig);
    }
    expect(highlightCss('light')).not.toBe(highlightCss('dark'));
  });

  it('parses computed colours', () => {
    expect(parseRgb('rgb(255, 255, 255)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseRgb('transparent')).toBeNull();
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(luminance({ r: 0, g: 0, b: 0 })).toBe(0);
  });

  it('picks the palette from the first opaque background up the tree', () => {
    const html = { parentElement: null, ownerDocument: null } as unknown as Element;
    const body = { parentElement: html } as unknown as Element;
    const p = { parentElement: body, ownerDocument: { documentElement: html } } as unknown as Element;
    (html as unknown as { ownerDocument: unknown }).ownerDocument = { documentElement: html };
    const view = (backgrounds: Map<Element, string>, dark = false) =>
      ({
        getComputedStyle: (el: Element) => ({ backgroundColor: backgrounds.get(el) ?? 'rgba(0, 0, 0, 0)', colorScheme: 'normal' }),
        matchMedia: () => ({ matches: dark }),
      }) as unknown as Window;
    expect(paletteFor(p, view(new Map([[body, 'rgb(20, 20, 24)']])))).toBe('dark');
    expect(paletteFor(p, view(new Map([[body, 'rgb(250, 250, 250)']])))).toBe('light');
    expect(paletteFor(p, view(new Map([[p, 'rgb(250, 250, 250)'], [body, 'rgb(0, 0, 0)']])))).toBe('light');
    // Nothing opaque: the canvas, which is white unless the page opts into dark schemes.
    expect(paletteFor(p, view(new Map(), true))).toBe('light');
  });

  it('adopts a constructed sheet and takes it out again, leaving the page\'s own', () => {
    class Sheet {
      text = '';
      replaceSync(css: string) {
        this.text = css;
      }
    }
    const pageSheet = new Sheet();
    const doc = { adoptedStyleSheets: [pageSheet], defaultView: { CSSStyleSheet: Sheet } } as unknown as Document;
    const remove = adoptStyles(doc, 'x{}')!;
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    expect((doc.adoptedStyleSheets[1] as unknown as Sheet).text).toBe('x{}');
    remove();
    expect(doc.adoptedStyleSheets).toEqual([pageSheet]);
    expect(adoptStyles({ defaultView: {} } as unknown as Document, 'x{}')).toBeNull();
  });
});
