import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../lib/article';
import { recognize, type Entity } from '../../lib/recognize';
import { FIXTURES, readFixture, type FixturePage } from '../fixtures/pages/catalog';
import { makeLargeArticle } from '../fixtures/pages/make-large';
import { FIXTURES_DIR } from './server';

/**
 * The pages the e2e tests visit, served under their real host names. Most are the
 * shared fixture pages (tests/fixtures/pages), served from there rather than
 * copied so that they cannot drift apart; the page that inserts its article late
 * is a file of ours (tests/e2e/fixtures/<host>/…).
 */
export interface SitePage {
  /** Short name used in test titles. */
  name: string;
  host: string;
  /** Path and query, as in the address bar. */
  path: string;
  /** The HTML served (undefined: a file under tests/e2e/fixtures). */
  html?: () => string;
  /** Whether the extension should find an article there. */
  article: boolean;
  /** The shared fixture it comes from, with the metadata the extractor should find. */
  fixture?: FixturePage;
}

/**
 * The sites' scripts (jQuery plugins, analytics) are not part of the fixtures and
 * would only fail to load, which fills the console with errors that are not ours;
 * they are dropped, except JSON-LD, which is data the extractor reads.
 */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    // The fixture server speaks http only; an https asset would fail its TLS handshake.
    .replace(new RegExp(`(src=")https://(${ASSET_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})/`, 'g'), '$1http://$2/');
}

function fixtureAt(file: string, name: string): SitePage {
  const fx = FIXTURES.find((f) => f.file === file);
  if (!fx) throw new Error(`no fixture ${file}`);
  const url = new URL(fx.location);
  return {
    name,
    host: url.hostname,
    path: url.pathname + url.search,
    html: () => withoutScripts(readFixture(file)),
    article: fx.isArticle,
    fixture: fx,
  };
}

let large: string | undefined;

export const PAGES = {
  nukeviet: fixtureAt('nukeviet-bdv-article.html', 'NukeViet portal article'),
  hue: fixtureAt('hue-ward-article.html', 'Huế ward portal article'),
  newspaper: fixtureAt('newspaper-article.html', 'provincial newspaper article'),
  sharepoint: fixtureAt('sharepoint-quangninh-article.html', 'SharePoint provincial portal article'),
  listing: fixtureAt('nukeviet-bdv-listing.html', 'NukeViet listing page'),
  newspaperHome: fixtureAt('newspaper-home.html', 'newspaper home page'),
  shop: fixtureAt('shop-product.html', 'non-government shop page'),
  large: {
    name: '~1 MB article',
    host: 'bdv.binhphuoc.gov.vn',
    path: '/tin-tuc/hoat-dong-dan-van/bai-dai-1mb.html',
    html: () => (large ??= withoutScripts(makeLargeArticle())),
    article: true,
  },
  late: {
    name: 'article inserted after load',
    host: 'tinmoi.binhphuoc.gov.vn',
    path: '/tin-tuc/bai-viet-tai-sau.html',
    article: true,
  },
} satisfies Record<string, SitePage>;

/** Hosts whose every other path answers with an empty asset (images, stylesheets the fixtures refer to). */
export const ASSET_HOSTS = ['cdn.baobinhphuoc.com.vn'];

/**
 * What the extension should find on a page, worked out here in Node, independently
 * of the browser: the same article extractor on linkedom's DOM, then the recognizer
 * over the whole text at once (the content script reads it in slices).
 */
export function expectedEntities(html: string, url: string): Entity[] {
  const { document } = parseHTML(html);
  const article = extractArticle(document as unknown as Document, url);
  return article.isArticle ? recognize(article.text) : [];
}

/**
 * What the extension should find on one of the pages above, once the page has
 * settled. The late page is taken in its final state, made in linkedom the way its
 * own script makes it (article from one template, two more paragraphs from another).
 */
export function expectedFor(page: SitePage): Entity[] {
  const url = `http://${page.host}${page.path}`;
  if (page.html) return expectedEntities(page.html(), url);
  const doc = parseHTML(readFileSync(join(FIXTURES_DIR, page.host, page.path), 'utf8')).document as unknown as Document;
  const clone = (id: string) => (doc.getElementById(id) as HTMLTemplateElement).content.cloneNode(true);
  doc.getElementById('app')!.replaceChildren(clone('late-article'));
  doc.getElementById('news-bodyhtml')!.append(clone('more-paragraphs'));
  const article = extractArticle(doc, url);
  return article.isArticle ? recognize(article.text) : [];
}
