/**
 * Text that came from a web page or was typed by the reader: quotes, notes, titles, tags,
 * site names. Always a text node (JSX escapes it; nothing here ever sets HTML), and
 * isolated with <bdi>, so that a bidi control inside it (U+202E RIGHT-TO-LEFT OVERRIDE,
 * say) reorders only its own characters and never the labels and numbers around it.
 */
export function PageText({ text, class: className }: { text: string; class?: string }) {
  return <bdi class={className}>{text}</bdi>;
}

/** At most `max` UTF-16 units of `text`, never splitting a surrogate pair, with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
