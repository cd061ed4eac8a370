import { fileURLToPath } from 'node:url';

/** Repository root, where `wxt build` runs. */
export const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Where `wxt build` and `wxt build -b firefox --mv2` put the unpacked extensions. */
export const EXTENSION_DIRS = {
  chromium: fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url)),
  firefox: fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url)),
} as const;

/** Debian's browsers; scripts/install-browsers.sh installs them. */
export const BROWSER_EXECUTABLES = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
} as const;

export type BrowserName = keyof typeof EXTENSION_DIRS;
