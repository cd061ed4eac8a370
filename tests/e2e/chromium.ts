/**
 * Chromium with the built extension loaded, as every e2e test, bench and the demo start
 * it: the same switches, and the extension's origin once its service worker is up.
 * Also the store bundle the library tests seed an archive with, from an extension tab.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { BROWSER_EXECUTABLES, EXTENSION_DIRS, ROOT_DIR } from './paths';

/** The switches that load the extension and keep the browser from reaching the network on its own. */
export function extensionArgs(extensionDir: string = EXTENSION_DIRS.chromium): string[] {
  return [
    '--no-sandbox', // CI containers run as root
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ];
}

/** The extension's background service worker, once it runs. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (worker: Worker) => /^chrome-extension:\/\/[a-p]{32}\/background\.js$/.test(worker.url());
  return (
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }))
  );
}

export interface ExtensionContext {
  context: BrowserContext;
  /** `chrome-extension://<id>`: where the extension's pages are. */
  origin: string;
}

export interface LaunchOptions {
  /** Switches beyond the extension's own. */
  args?: string[];
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
}

/** Headless Chromium (the new headless mode, which runs extensions) on `userDataDir`, with the extension. */
export async function launchWithExtension(userDataDir: string, options: LaunchOptions = {}): Promise<ExtensionContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: BROWSER_EXECUTABLES.chromium,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: options.acceptDownloads ?? false,
    args: [...extensionArgs(), ...(options.args ?? [])],
  });
  try {
    const worker = await extensionWorker(context);
    return { context, origin: `chrome-extension://${new URL(worker.url()).host}` };
  } catch (error) {
    await context.close();
    throw error;
  }
}


/** Chromium with the extension on a profile of its own, downloads accepted; `close` removes the profile. */
export interface Profile {
  context: BrowserContext;
  dir: string;
  /** The extension's origin (chrome-extension://id). */
  base: string;
  close(): Promise<void>;
}

export async function launchProfile(name: string): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), `trich-luc-${name}-`));
  const { context, origin } = await launchWithExtension(dir, { acceptDownloads: true });
  return {
    context,
    dir,
    base: origin,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * lib/store (and its fixture generator) as one script defining `__trichLucStore`: run in
 * any tab of the extension's origin, it opens the same database the extension's pages read.
 */
export async function storeBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export { openRepo } from './lib/store/index.ts'; export { generateClippings } from './lib/store/fixtures.ts';",
      resolveDir: ROOT_DIR,
      loader: 'ts',
      sourcefile: 'e2e-store.ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__trichLucStore',
    platform: 'browser',
    target: 'chrome110',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
