/**
 * A few lines of DOM building for the in-page pieces that do not need Preact (the
 * selection button, the toast, the notice): they ship in the content script itself,
 * so they stay small. Text goes in as text nodes only, never as markup.
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

/** Page text shown inside our UI: isolated from the surrounding direction, as text. */
export function bdi(doc: Document, text: string, className?: string): HTMLElement {
  return h(doc, 'bdi', { dir: 'auto', class: className }, text);
}

/** At most `max` characters of `text`, cut at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max)}…`;
}
