import { LAZY_GLOBALS, provide } from '@/lib/page/lazy';
import { recognize } from '@/lib/recognize';

/**
 * The recognizer (lib/recognize), kept out of the content script: loaded once a page
 * turns out to be an article (see lib/page/lazy.ts), so that the portals' home,
 * listing and search pages never load it.
 */
export default defineUnlistedScript(() => provide(LAZY_GLOBALS.recognizer, recognize));
