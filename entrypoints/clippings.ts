import { anchor, describe } from '@/lib/anchor';
import { assembleClipping, sentenceAround } from '@/lib/capture';
import { LAZY_GLOBALS, provide } from '@/lib/page/lazy';
import { saveSpan } from '@/lib/page/save';
import type { ClippingKit } from '@/lib/page/types';
import { ClippingNotice } from '@/lib/ui/notice';
import { Toast } from '@/lib/ui/toast';

/**
 * What the content script needs only around clippings, kept out of it: finding them
 * again and describing new ones (lib/anchor, with its approximate matcher), making a
 * clipping of a span (lib/capture), and the toast and notice that speak about them. Loaded on pages that have clippings, or when
 * the reader saves one (see lib/page/lazy.ts).
 */
const kit: ClippingKit = {
  anchor,
  describe,
  assembleClipping,
  sentenceAround,
  saveSpan,
  toast: (doc, ui, t) => new Toast(doc, ui, t),
  notice: (doc, ui, t) => new ClippingNotice(doc, ui, t),
};

export default defineUnlistedScript(() => provide(LAZY_GLOBALS.clippings, kit));
