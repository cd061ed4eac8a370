/**
 * Cuts a long text into slices the recognizer can read one idle moment at a time.
 * The recognizer is linear and pure, so recognizing slice by slice finds what it
 * finds in the whole text, provided no entity crosses a cut: slices end right after
 * a "\n" — the break `elementText` puts between paragraphs, which no citation or
 * figure spans. Only a paragraph longer than `4 × size` is cut inside, after a
 * sentence end (". "), else at a space, and never mid-word.
 */
export function textSlices(text: string, size: number): [number, number][] {
  const slices: [number, number][] = [];
  const n = text.length;
  let start = 0;
  while (start < n) {
    let end = start + size;
    if (end >= n) {
      end = n;
    } else {
      const newline = text.indexOf('\n', end);
      if (newline >= 0 && newline < start + 4 * size) {
        end = newline + 1;
      } else {
        end = Math.min(n, start + 4 * size);
        if (end < n) end = cutInsideParagraph(text, start + size, end);
      }
    }
    slices.push([start, end]);
    start = end;
  }
  return slices;
}

/** The best cut in [from, to): just after the last ". ", else after the last space. */
function cutInsideParagraph(text: string, from: number, to: number): number {
  const sentence = text.lastIndexOf('. ', to - 2);
  if (sentence >= from) return sentence + 2;
  const space = text.lastIndexOf(' ', to - 1);
  return space >= from ? space + 1 : to;
}
