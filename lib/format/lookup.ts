import type { DocumentEntity } from '../recognize/types';

/**
 * Where a cited document's code can be looked up: the national database of legal
 * documents, vbpl.vn ("Cơ sở dữ liệu quốc gia về văn bản pháp luật"), run by the
 * Ministry of Justice. Chosen over thuvienphapluat.vn because it is the official
 * source, free and without an account; the commercial library has wider coverage
 * but puts full texts behind a subscription.
 *
 * vbpl.vn holds legal normative documents (laws, decrees, circulars, provincial
 * decisions of a normative kind), not Party documents: a code in the Party form
 * "N-SYMBOL/ISSUER" ("39-NQ/TW", "145-KH/TU") gets no link, since the search would
 * come back empty. Named laws without a code get none either.
 */
const PARTY_CODE = /^\d+[a-zA-Z]?-[^/]+\/[^/]+$/;

export function lookupUrl(doc: DocumentEntity): string | null {
  if (!doc.code || PARTY_CODE.test(doc.code)) return null;
  return `https://vbpl.vn/pages/vbpq-timkiem.aspx?type=0&s=1&SearchIn=Title1,Title&Keyword=${encodeURIComponent(doc.code)}`;
}
