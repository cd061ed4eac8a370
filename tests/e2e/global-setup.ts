import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER_EXECUTABLES, EXTENSION_DIRS, ROOT_DIR } from './paths';

/**
 * Builds both extensions once before any e2e test, so the tests always load
 * what the current sources produce. Set E2E_SKIP_BUILD=1 to reuse a build you
 * have just made (it must exist).
 */
export default function setup(): void {
  for (const [name, path] of Object.entries(BROWSER_EXECUTABLES)) {
    if (!existsSync(path)) {
      throw new Error(`${name} is missing at ${path}: run scripts/install-browsers.sh`);
    }
  }
  if (process.env.E2E_SKIP_BUILD === '1') {
    for (const dir of Object.values(EXTENSION_DIRS)) {
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`E2E_SKIP_BUILD=1 but ${dir} has no build`);
    }
    return;
  }
  const wxt = join(ROOT_DIR, 'node_modules', '.bin', 'wxt');
  for (const args of [['build'], ['build', '-b', 'firefox', '--mv2']]) {
    // stdio ignored unless it fails: the build log would bury the test report.
    try {
      execFileSync(wxt, args, { cwd: ROOT_DIR, stdio: 'pipe', env: { ...process.env, CI: '1' } });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`wxt ${args.join(' ')} failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    }
  }
}
