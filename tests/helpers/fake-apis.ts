import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * In-memory stand-ins for the APIs the fake browser leaves unimplemented:
 * `permissions` (with the user's answer to requests settable), `scripting`'s
 * content-script registrations, Firefox's `contentScripts`, and the manifest.
 */
export function installFakeApis() {
  const granted = new Set<string>();
  const listeners = { added: [] as ((p: { origins?: string[] }) => void)[], removed: [] as ((p: { origins?: string[] }) => void)[] };
  const state = { answer: true, requests: [] as string[][] };
  const registered = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
  const firefoxScripts: { matches: string[]; js: { file: string }[]; active: boolean }[] = [];

  const event = (list: ((p: { origins?: string[] }) => void)[]) => ({
    addListener: (l: (p: { origins?: string[] }) => void) => list.push(l),
    removeListener: (l: (p: { origins?: string[] }) => void) => list.splice(list.indexOf(l), 1),
    hasListener: (l: (p: { origins?: string[] }) => void) => list.includes(l),
  });

  Object.assign(fakeBrowser.permissions, {
    request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      state.requests.push(origins);
      if (!state.answer) return false;
      for (const o of origins) granted.add(o);
      for (const l of listeners.added) l({ origins });
      return true;
    }),
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      for (const o of origins) granted.delete(o);
      for (const l of listeners.removed) l({ origins });
      return true;
    }),
    getAll: vi.fn(async () => ({ origins: [...granted], permissions: [] })),
    onAdded: event(listeners.added),
    onRemoved: event(listeners.removed),
  });
  Object.assign(fakeBrowser.scripting, {
    registerContentScripts: vi.fn(async (scripts: { id: string; matches?: string[]; js?: string[] }[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }),
    getRegisteredContentScripts: vi.fn(async () => [...registered.values()]),
    unregisterContentScripts: vi.fn(async ({ ids = [] }: { ids?: string[] }) => {
      for (const id of ids) registered.delete(id);
    }),
    executeScript: vi.fn(async () => []),
  });
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, content_scripts: [{ matches: ['*://*.gov.vn/*'], js: ['content-scripts/content.js'] }] }),
  });
  // Context menus and commands (saving from the menu and the keyboard, lib/capture/menu.ts).
  const menuItems = new Map<string, Record<string, unknown>>();
  const menuClicks: ((info: { menuItemId: string | number }, tab?: { id?: number }) => void)[] = [];
  const commandListeners: ((command: string, tab?: { id?: number }) => void)[] = [];
  Object.assign(fakeBrowser, {
    contextMenus: {
      create: vi.fn((props: { id: string }, done?: () => void) => {
        menuItems.set(props.id, props);
        done?.();
        return props.id;
      }),
      removeAll: vi.fn(async () => menuItems.clear()),
      onClicked: { addListener: (l: (typeof menuClicks)[number]) => menuClicks.push(l), removeListener: () => undefined },
    },
    commands: {
      onCommand: { addListener: (l: (typeof commandListeners)[number]) => commandListeners.push(l), removeListener: () => undefined },
    },
  });
  const contentScripts = {
    register: vi.fn(async (options: { matches: string[]; js: { file: string }[] }) => {
      const entry = { ...options, active: true };
      firefoxScripts.push(entry);
      return { unregister: async () => void (entry.active = false) };
    }),
  };
  return {
    granted,
    state,
    registered,
    contentScripts,
    firefoxScripts,
    menuItems,
    /** The reader picks a context-menu item. */
    clickMenu(info: { menuItemId: string | number }, tab?: { id?: number }) {
      for (const l of menuClicks) l(info, tab);
    },
    /** The reader presses a command's keys. */
    command(name: string, tab?: { id?: number }) {
      for (const l of commandListeners) l(name, tab);
    },
    /** The user takes access back in the browser's settings. */
    revoke(origin: string) {
      granted.delete(origin);
      for (const l of listeners.removed) l({ origins: [origin] });
    },
  };
}
