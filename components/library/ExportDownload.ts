/**
 * Hands a finished export to the browser as a download: an object URL on a temporary
 * <a download>, clicked, then revoked. Not revoked at once: the browser starts reading
 * the Blob after the click returns (Firefox cancels a download whose URL is already
 * gone), so the URL lives a little, then the Blob's memory is released.
 */
export type Download = (blob: Blob, name: string) => void;

const REVOKE_AFTER = 10_000;

export function downloadIn(doc: Document): Download {
  return (blob, name) => {
    const url = URL.createObjectURL(blob);
    const a = doc.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER);
  };
}
