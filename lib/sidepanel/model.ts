/**
 * What the side panel shows about the page in its tab, put together from two sources:
 * the archive (the page's clippings, read live from lib/store in the extension's
 * origin) and the tab's content script (where each clipping was found on the page
 * today). Pure, so it is tested without a browser.
 */
import type { ClippingAnchor, PageAnchors } from '../page/types';
import type { ClippingRecord } from '../store';

/** How a clipping stands on the page now. `pending`: the page has not answered (yet). */
export type PlacementState = 'placed' | 'moved' | 'edited' | 'orphan' | 'pending';

export interface ClippingItem {
  clipping: ClippingRecord;
  state: PlacementState;
  anchor: ClippingAnchor | null;
}

export interface PanelClippings {
  /** Found on the page (or not asked yet), in text order. */
  placed: ClippingItem[];
  /** Not found on the page any more. */
  orphans: ClippingItem[];
  /** Placed clippings whose figures or document codes differ now. */
  changed: ClippingItem[];
}

function stateOf(anchor: ClippingAnchor | null): PlacementState {
  if (!anchor) return 'pending';
  switch (anchor.status) {
    case 'exact':
      return 'placed';
    case 'context':
      return 'moved';
    case 'fuzzy':
      return 'edited';
    default:
      return 'orphan';
  }
}

/** The archive's clippings with the page's anchors; anchors from another page are ignored. */
export function panelClippings(clippings: readonly ClippingRecord[], anchors: PageAnchors | null): PanelClippings {
  const byId = new Map((anchors?.loaded ? anchors.anchors : []).map((a) => [a.id, a]));
  const out: PanelClippings = { placed: [], orphans: [], changed: [] };
  for (const clipping of clippings) {
    const anchor = byId.get(clipping.id) ?? null;
    const item: ClippingItem = { clipping, state: stateOf(anchor), anchor };
    if (item.state === 'orphan') out.orphans.push(item);
    else out.placed.push(item);
    if (anchor && anchor.changes.length > 0) out.changed.push(item);
  }
  // Text order on today's page where known, else the stored position.
  const at = (i: ClippingItem) => i.anchor?.start ?? i.clipping.selectors.position.start;
  out.placed.sort((a, b) => at(a) - at(b) || a.clipping.createdAt - b.clipping.createdAt);
  out.changed.sort((a, b) => at(a) - at(b));
  return out;
}

/** Tags as typed in one field, separated by commas or semicolons ("ngân sách, đầu tư công"). */
export function parseTags(input: string): string[] {
  return input
    .split(/[,;]/)
    .map((tag) => tag.replace(/\s+/g, ' ').trim())
    .filter((tag) => tag !== '');
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
