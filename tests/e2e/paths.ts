import { fileURLToPath } from 'node:url';

/** Repository root, where `wxt build` runs. */
export const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where `wxt build` and `wxt build -b firefox --mv2` put the unpacked extensions.
 * E2E_OUTPUT_DIR (with E2E_SKIP_BUILD=1) points the tests at a build made elsewhere,
 * so that two people testing in one checkout do not rebuild each other's extension.
 */
const OUTPUT_DIR = process.env.E2E_OUTPUT_DIR ?? fileURLToPath(new URL('../../.output', import.meta.url));
export const EXTENSION_DIRS = {
  chromium: `${OUTPUT_DIR}/chrome-mv3`,
  firefox: `${OUTPUT_DIR}/firefox-mv2`,
} as const;

/** Debian's browsers; scripts/install-browsers.sh installs them. */
export const BROWSER_EXECUTABLES = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
} as const;

export type BrowserName = keyof typeof EXTENSION_DIRS;
