/**
 * Where the card goes: under the entity if it fits, else above it, else wherever
 * it shows most; always inside the viewport with a margin. Pure geometry, so it is
 * tested without a browser.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const CARD_GAP = 6;
export const VIEWPORT_MARGIN = 8;

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const below = anchor.bottom + CARD_GAP;
  const above = anchor.top - CARD_GAP - card.height;
  let top: number;
  if (below + card.height <= viewport.height - VIEWPORT_MARGIN) top = below;
  else if (above >= VIEWPORT_MARGIN) top = above;
  else top = viewport.height - anchor.bottom > anchor.top ? below : above;
  const maxTop = viewport.height - VIEWPORT_MARGIN - card.height;
  top = Math.max(VIEWPORT_MARGIN, Math.min(top, maxTop));
  const maxLeft = viewport.width - VIEWPORT_MARGIN - card.width;
  const left = Math.max(VIEWPORT_MARGIN, Math.min(anchor.left, maxLeft));
  return { left: Math.round(left), top: Math.round(top) };
}
