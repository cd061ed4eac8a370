import type { MessageOf } from './messages';

/**
 * The toolbar badge shows how many entities the tab's article has. Badges fit
 * about four characters, so large counts are capped.
 */
export function badgeText(count: number): string {
  return count > 999 ? '999+' : String(count);
}

export function entityCount(message: MessageOf<'page-annotated'>): number {
  return message.documents + message.figures;
}
