import type { anchor, describe } from '../anchor';
import type { assembleClipping, sentenceAround } from '../capture';
import type { saveSpan } from './save';
import type { AnchorStatus, FigureChange } from '../anchor/types';
import type { StoreReply } from '../messages';
import type { Translate } from '../i18n';
import type { Entity } from '../recognize/types';
import type {
  ClippingInput,
  ClippingPatch,
  ClippingRecord,
  ClippingView,
  PageRecord,
  StoreErrorCode,
  StoreErrorMessageKey,
} from '../store';
import type { UiRoot } from '../ui/host';
import type { NoticeContent } from '../ui/notice';
import type { SavedToast } from '../ui/toast';

/** What the popup shows about the page: the article's metadata (lib/article). */
export interface PageMeta {
  title: string | null;
  /** ISO 8601 with offset. */
  published: string | null;
  author: string | null;
  site: string | null;
  /** Canonical address. */
  url: string | null;
}

/**
 * Where the content script is with the page:
 * - `off`: highlighting is switched off for this site;
 * - `waiting`: no article yet, watching for one to be inserted (for a while);
 * - `not-article`: gave up, the page is a listing, home page…;
 * - `annotating` / `annotated`: reading the article / done.
 */
export type PageState = 'off' | 'waiting' | 'not-article' | 'annotating' | 'annotated';

export interface PageSummary {
  state: PageState;
  page: PageMeta | null;
  /** In text order; offsets into the article text. */
  entities: Entity[];
}

/**
 * Where a saved clipping was found on the page this time (lib/anchor's statuses):
 * `changes` lists the figures and document codes that differ from the stored quote
 * ("1.640" → "1.650"); an orphan has no place and no changes.
 */
export interface ClippingAnchor {
  id: string;
  status: AnchorStatus;
  /** Offsets into the article text, absent for an orphan. */
  start?: number;
  end?: number;
  changes: FigureChange[];
}

/** The clippings of the page in a tab, as its content script placed them. */
export interface PageAnchors {
  /** The page's identity (canonical address) the clippings were looked up by; null without an article. */
  url: string | null;
  /** False until the archive has answered. */
  loaded: boolean;
  anchors: ClippingAnchor[];
}

/** How a request to save the selection ended, for whoever asked (the menu, a shortcut, tests). */
export type SaveOutcome =
  | { ok: true; id: string; quote: string }
  | { ok: false; reason: 'off' | 'no-article' | 'no-selection' | 'too-long' }
  | { ok: false; reason: 'store'; code: StoreErrorCode; messageKey: StoreErrorMessageKey };

/** The archive as the content script reaches it: typed messages to the background. */
export interface ArchiveClient {
  save(clipping: ClippingInput): Promise<StoreReply<ClippingView>>;
  forPage(url: string): Promise<StoreReply<{ page: PageRecord | null; clippings: ClippingRecord[] }>>;
  update(id: string, patch: ClippingPatch): Promise<StoreReply<ClippingView>>;
  remove(id: string): Promise<StoreReply<ClippingView>>;
}

/** lib/anchor's two functions, which the content script loads when it first needs them. */
export interface Anchoring {
  anchor: typeof anchor;
  describe: typeof describe;
}

/** The "saved" toast, as the capture code uses it (lib/ui/toast.ts). */
export interface ToastApi {
  saved(content: SavedToast): void;
  error(message: string): void;
  info(message: string): void;
  destroy(): void;
}

/** The notice about moved, changed and lost clippings (lib/ui/notice.ts). */
export interface NoticeApi {
  readonly isOpen: boolean;
  show(content: NoticeContent): void;
  destroy(): void;
}

/**
 * Everything about clippings that the content script loads only when a page has some
 * or the reader saves one (entrypoints/clippings.ts).
 */
/** What a save needs beside the selection's span: the clipping made (lib/capture), its selectors (lib/anchor), the save itself (./save.ts). */
export interface CaptureKit {
  describe: typeof describe;
  assembleClipping: typeof assembleClipping;
  sentenceAround: typeof sentenceAround;
  saveSpan: typeof saveSpan;
}

export interface ClippingKit extends Anchoring, CaptureKit {
  toast(doc: Document, ui: UiRoot, t: Translate): ToastApi;
  notice(doc: Document, ui: UiRoot, t: Translate): NoticeApi;
}
