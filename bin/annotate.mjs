#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript, so register tsx first. Paths are resolved from this
// file rather than the cwd, so the command also works as an installed package bin run from
// anywhere; the project's tsconfig is named for the same reason (tsx would otherwise look
// for one in the cwd, and the `@/…` path aliases are declared in ours).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// `npm run annotate -- FILE` runs us in the package root, not where it was typed; npm
// keeps that directory in INIT_CWD, and relative FILEs are meant from there.
if (process.env.npm_lifecycle_event === 'annotate' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import(new URL('../cli/annotate.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
