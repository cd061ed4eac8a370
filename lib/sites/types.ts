/** What kind of publisher a supported site is; drives labels in the UI. */
export type SiteKind = 'portal' | 'newspaper' | 'party';

export interface Site {
  /** Registrable domain, lower case, no scheme, no `www.`; covers all subdomains. */
  readonly domain: string;
  /** Publisher's own name, shown as is (a proper name, so not translated). */
  readonly label: string;
  readonly kind: SiteKind;
  /** Province or city the publisher belongs to, when it belongs to one. */
  readonly province?: string;
}
