/**
 * `npm run bench [-- SECTION…]`: runs the named bench sections, or all of them, and prints
 * a table for each. Timings never set the exit code (a slow machine is not a failure);
 * only a section that cannot run at all does.
 *
 * A section is a module exporting `title` and `run()`; add it to SECTIONS below. Sections
 * are imported only when chosen, so one section's dependencies never slow another down.
 */
import { cpus, platform, arch } from 'node:os';

interface Section {
  title: string;
  run(): Promise<void>;
}

const SECTIONS: Record<string, () => Promise<Section>> = {
  recognize: () => import('./sections/recognize.ts'),
  page: () => import('./sections/page.ts'),
  store: () => import('./sections/store.ts'),
  export: () => import('./sections/export.ts'),
  'store-browser': () => import('./sections/store-browser.ts'),
};

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h') || args.includes('--list')) {
    process.stdout.write(`Usage: npm run bench [-- SECTION...]\n\nSections:\n${Object.keys(SECTIONS).map((name) => `  ${name}`).join('\n')}\n`);
    return 0;
  }
  const unknown = args.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no section ${unknown.map((n) => JSON.stringify(n)).join(', ')}; there are: ${Object.keys(SECTIONS).join(', ')}\n`);
    return 2;
  }
  const chosen = args.length > 0 ? args : Object.keys(SECTIONS);

  const cpu = cpus();
  process.stdout.write(
    `Node ${process.version} (V8 ${process.versions.v8}) on ${platform()} ${arch()}, ` +
      `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}\n\n`,
  );
  let failed = false;
  for (const name of chosen) {
    const section = await SECTIONS[name]!();
    process.stdout.write(`== ${name}: ${section.title} ==\n\n`);
    try {
      await section.run();
    } catch (error) {
      failed = true;
      process.stderr.write(`bench: section ${name} could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
