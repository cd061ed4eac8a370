/**
 * Copies text from a click on the card. The async Clipboard API exists only in
 * secure contexts, and many government portals are still served over plain http;
 * there the older `execCommand('copy')` does the job, from a textarea inside our
 * own shadow root so that the page's DOM and selection are not disturbed. It must
 * run synchronously in the click, before any await, or Firefox refuses it.
 */
export async function copyToClipboard(text: string, root: ShadowRoot): Promise<boolean> {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const clipboard = view?.isSecureContext ? view.navigator.clipboard : undefined;
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }
  return copyWithTextarea(text, root);
}

function copyWithTextarea(text: string, root: ShadowRoot): boolean {
  const doc = root.ownerDocument;
  const area = doc.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  root.append(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
