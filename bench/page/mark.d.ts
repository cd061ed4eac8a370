/** The part of mark.js 8 (no bundled types) that the page bench uses. */
declare module 'mark.js' {
  interface MarkRangesOptions<R> {
    each?(element: Element, range: R): void;
    done?(marked: number): void;
    noMatch?(range: R): void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    markRanges<R extends { start: number; length: number }>(ranges: R[], options?: MarkRangesOptions<R>): void;
    unmark(options?: { done?(): void }): void;
  }
}
