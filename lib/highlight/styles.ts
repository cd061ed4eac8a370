/**
 * How our highlights look, and how the rules reach the page without adding a node
 * to it: a constructed stylesheet in `document.adoptedStyleSheets`. That list is not
 * part of the DOM tree, so the page's MutationObservers never see it.
 *
 * Only colours, decorations and shadows apply to `::highlight()`. Each kind gets a
 * translucent tint, which darkens a light background and lightens a dark one while
 * leaving the page's own text colour alone, plus an underline of its own style
 * (solid for documents, dotted for figures) so the two stay apart without relying
 * on colour alone. Saved clippings get a third look: a green tint under the
 * entities' marks and a line over the text instead of under it, so a clipping
 * reads as a bracket around the entities it holds. The palette follows the page's actual background, not the
 * system's colour scheme: many portals stay white in dark mode.
 */
export type Palette = 'light' | 'dark';

const PALETTES: Record<
  Palette,
  { document: [string, string]; figure: [string, string]; clipping: [string, string]; active: string }
> = {
  // [tint, line]; line colours keep ≥ 3:1 contrast with the background.
  light: {
    document: ['rgb(37 99 235 / 0.14)', 'rgb(29 78 216)'],
    figure: ['rgb(234 179 8 / 0.26)', 'rgb(180 83 9)'],
    clipping: ['rgb(22 163 74 / 0.16)', 'rgb(21 128 61)'],
    active: 'rgb(250 204 21 / 0.55)',
  },
  dark: {
    document: ['rgb(96 165 250 / 0.24)', 'rgb(147 197 253)'],
    figure: ['rgb(250 204 21 / 0.22)', 'rgb(252 211 77)'],
    clipping: ['rgb(74 222 128 / 0.2)', 'rgb(134 239 172)'],
    active: 'rgb(250 204 21 / 0.45)',
  },
};

/** The stylesheet text for one palette. */
export function highlightCss(palette: Palette): string {
  const p = PALETTES[palette];
  const rule = (name: string, [tint, line]: [string, string], style: string) =>
    `::highlight(${name}){background-color:${tint};text-decoration:underline ${style} ${line};` +
    `text-decoration-thickness:2px;text-underline-offset:2px}`;
  return [
    rule('trichluc-document', p.document, 'solid'),
    rule('trichluc-figure', p.figure, 'dotted'),
    `::highlight(trichluc-clipping){background-color:${p.clipping[0]};text-decoration:overline solid ${p.clipping[1]};` +
      `text-decoration-thickness:2px}`,
    `::highlight(trichluc-active){background-color:${p.active}}`,
  ].join('\n');
}

/** Parses `rgb()`/`rgba()` as computed styles give them; null for anything else. */
export function parseRgb(value: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(value.trim());
  if (!m) return null;
  let a = m[4] === undefined ? 1 : parseFloat(m[4]);
  if (m[4]?.endsWith('%')) a /= 100;
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The palette for the background behind `el`: the first opaque-enough background
 * colour on the way up to the root, else the browser's canvas, which follows the
 * page's `color-scheme` and so the user's preference only when the page opts in.
 */
export function paletteFor(el: Element, view: Window): Palette {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const colour = parseRgb(view.getComputedStyle(node).backgroundColor);
    if (colour && colour.a >= 0.5) return luminance(colour) < 0.2 ? 'dark' : 'light';
  }
  const scheme = view.getComputedStyle(el.ownerDocument.documentElement).colorScheme;
  const prefersDark = view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return prefersDark && /\bdark\b/.test(scheme) ? 'dark' : 'light';
}

/**
 * Adds the rules to the document's adopted stylesheets and returns a function that
 * takes them out again. Null when the document cannot adopt constructed sheets.
 */
export function adoptStyles(doc: Document, css: string): (() => void) | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return null;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
