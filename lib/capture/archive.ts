/**
 * The background's side of saving: the archive's messages answered from the repository
 * (lib/store), which lives in the extension's origin. Content scripts never open the
 * database; they send these messages. Errors come back as data (`StoreFailure`): a
 * thrown StoreError would reach the sender as a bare rejection without its code.
 */
import type { Browser } from 'wxt/browser';
import type { MessageHandlers, StoreFailure, StoreReply } from '../messages';
import { isQuotaError, requestPersistentStorage, StoreError, type ClippingInput, type PersistResult, type Repo } from '../store';

type ArchiveMessage = 'save-clipping' | 'clippings-for-page' | 'update-clipping' | 'delete-clipping' | 'undo-delete';

export interface ArchiveHandlerOptions {
  /** The repository, opened on first use (the background opens it lazily). */
  repo(): Repo;
  /** Asks the browser to keep the archive from eviction (tests pass a stub). */
  persist?: () => Promise<PersistResult>;
}

/** Any failure as the data a message can carry. */
export function storeFailure(error: unknown): StoreFailure {
  const e =
    error instanceof StoreError
      ? error
      : new StoreError(isQuotaError(error) ? 'quota' : 'unknown', error instanceof Error ? error.message : String(error));
  return { ok: false, code: e.code, messageKey: e.messageKey };
}

async function reply<T extends object>(work: () => Promise<T>): Promise<StoreReply<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    return storeFailure(error);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The address of the page a message came from, trusting the browser over the message. */
function senderUrl(sender: Browser.runtime.MessageSender, claimed: string): string {
  const url = sender.tab ? sender.url : undefined;
  return url && /^https?:/i.test(url) ? url : claimed;
}

export function archiveHandlers(options: ArchiveHandlerOptions): Pick<MessageHandlers, ArchiveMessage> {
  const persist = options.persist ?? (() => requestPersistentStorage());
  let asked = false;
  /**
   * Persistent storage is asked for once, after the first save: the archive then has
   * something to lose. The answer is kept with the archive's settings.
   */
  const askPersistence = async (repo: Repo) => {
    if (asked) return;
    asked = true;
    try {
      const settings = await repo.getSettings();
      if (settings.persisted !== null) return;
      const result = await persist();
      await repo.updateSettings({ persisted: result === 'granted' });
    } catch {
      // Not being persistent is not a reason to fail a save.
    }
  };
  return {
    'save-clipping': (message, sender) =>
      reply(async () => {
        const repo = options.repo();
        const clipping = message.clipping as unknown;
        if (!isRecord(clipping) || !isRecord(clipping.page)) throw new StoreError('invalid', 'Invalid clipping message');
        const claimed = typeof clipping.page.url === 'string' ? clipping.page.url : '';
        const page = { ...clipping.page, url: senderUrl(sender, claimed) };
        const view = await repo.saveClipping({ ...(clipping as ClippingInput), page } as ClippingInput);
        void askPersistence(repo);
        return view;
      }),
    'clippings-for-page': (message) => reply(() => options.repo().clippingsForPage(message.url)),
    'update-clipping': (message) => reply(() => options.repo().updateClipping(message.id, message.patch)),
    'delete-clipping': (message) => reply(() => options.repo().deleteClipping(message.id)),
    'undo-delete': (message) => reply(() => options.repo().undoDelete(message.id)),
  };
}
