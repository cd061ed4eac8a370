#!/usr/bin/env node
// Thin launcher, as bin/annotate.mjs: the CLI is TypeScript, so register tsx first, with
// paths resolved from this file so the command also works as an installed package bin.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// `npm run convert -- FILE` runs in the package root; relative paths are meant from where it was typed.
if (process.env.npm_lifecycle_event === 'convert' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import(new URL('../cli/convert.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
