// citeproc-js ships no types; what the CSL test uses of it.
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    updateItems(ids: string[]): void;
    makeBibliography(): [{ bibliography_errors: unknown[] }, string[]] | false;
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
