import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { contentScriptMatches } from './lib/sites';

// Firefox needs a stable id to keep the extension's storage across updates
// and to sign it; the e2e harness reads it back from the built manifest.
const GECKO_ID = 'trich-luc@trichluc.local';

// Sites the user may enable beyond the built-in list (lib/sites), asked for at
// run time so that installing the extension grants no access to other sites.
const OPTIONAL_HOSTS = ['*://*/*'];

// entrypoints/recognizer.ts, card.ts and clippings.ts, built as unlisted scripts.
const LAZY_SCRIPTS = ['recognizer.js', 'card.js', 'clippings.js'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The listed sites' patterns (lib/sites) go into the content script's entry here, at
    // build time: written in entrypoints/content.ts they would be bundled into the
    // script that every matching page loads.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entry of entrypoints) if (entry.type === 'content-script' && entry.name === 'content') entry.options.matches = contentScriptMatches();
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // Every user-visible string comes from public/_locales (default: vi).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // Content-script hosts come from the content script's `matches`; nothing
    // here grants access to pages on its own.
    // `scripting` (MV3 only) registers and injects the content script on sites
    // the user adds; Firefox MV2 does that with contentScripts/tabs, which need
    // no permission of their own.
    // `contextMenus`: the "Save clipping" item on a selection (Firefox accepts the
    // name as an alias of `menus`). The side panel's own permission (`sidePanel`,
    // Chromium) is added by WXT with the entrypoint.
    permissions: ['storage', 'activeTab', 'contextMenus', ...(manifestVersion === 3 ? ['scripting'] : [])],
    // Keyboard commands. Saving the selection has no default key here: the content
    // script answers Alt+Shift+S itself (so it works wherever the page has focus,
    // headless browsers included); a reader may still bind one in the browser's
    // shortcut settings, which reaches the same code. Opening the panel needs the
    // browser: Alt+Shift+L (free in Chromium and Firefox; ChromeOS uses it for the
    // shelf, where the side panel's own toolbar button remains).
    commands: {
      'save-clipping': { description: '__MSG_commandSaveClipping__' },
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+L' } } }
        : { 'open-side-panel': { description: '__MSG_commandOpenSidePanel__', suggested_key: { default: 'Alt+Shift+L' } } }),
    },
    // MV2 has no optional_host_permissions; hosts go in optional_permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
    // The CSS Custom Highlight API the highlighting will use needs Chrome 105
    // and Firefox 140. Each browser warns about the other's keys, so each
    // build gets only its own.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // Nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '105' }),
    // Scripts the content script loads when it needs them (lib/page/lazy.ts): the
    // recognizer on article pages, the card's rendering when a card first opens, what
    // clippings need on pages that have some (or when one is saved). The
    // content script runs on any site the user adds, so these must load wherever it
    // does; in Chrome only through the per-session dynamic URL (runtime.getURL gives
    // it), so that pages cannot probe for the extension. Firefox's extension URLs
    // are random per install already.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: LAZY_SCRIPTS, matches: ['<all_urls>'], use_dynamic_url: true }]
        : LAZY_SCRIPTS,
  }),
});
