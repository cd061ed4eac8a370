import { LAZY_GLOBALS, provide } from '@/lib/page/lazy';
import { cardView } from '@/lib/ui/card-view';

/**
 * The entity card's rendering (Preact, the card component and its stylesheet), kept
 * out of the content script: loaded the first time a card opens on a page (see
 * lib/page/lazy.ts).
 */
export default defineUnlistedScript(() => provide(LAZY_GLOBALS.card, cardView));
