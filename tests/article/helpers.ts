import { parseHTML } from 'linkedom';

/** A linkedom document typed as a DOM Document. */
export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
