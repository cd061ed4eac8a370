/**
 * Stand-ins for the toast and the notice while their code has not been loaded (it
 * ships in the clippings script, with lib/anchor): calls are passed on, in order, once
 * it has. A failed load drops the message (our own script is missing: the extension
 * is being reloaded) and is tried again at the next one.
 */
import type { NoticeApi, ToastApi } from './types';

function deferred<T>(create: () => Promise<T>): { get(): Promise<T>; now(): T | null } {
  let pending: Promise<T> | null = null;
  let ready: T | null = null;
  return {
    get: () =>
      (pending ??= create().then(
        (value) => (ready = value),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      )),
    now: () => ready,
  };
}

export function deferredToast(create: () => Promise<ToastApi>): ToastApi {
  const toast = deferred(create);
  const call = (use: (t: ToastApi) => void) =>
    void toast.get().then(
      (t) => {
        try {
          use(t);
        } catch {
          // Never into the page's console.
        }
      },
      () => undefined,
    );
  return {
    saved: (content) => call((t) => t.saved(content)),
    error: (message) => call((t) => t.error(message)),
    info: (message) => call((t) => t.info(message)),
    destroy: () => toast.now()?.destroy(),
  };
}

export function deferredNotice(create: () => Promise<NoticeApi>): NoticeApi {
  const notice = deferred(create);
  return {
    get isOpen() {
      return notice.now()?.isOpen ?? false;
    },
    show: (content) =>
      void notice.get().then(
        (n) => {
          try {
            n.show(content);
          } catch {
            // Never into the page's console.
          }
        },
        () => undefined,
      ),
    destroy: () => notice.now()?.destroy(),
  };
}
