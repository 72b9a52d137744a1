#!/usr/bin/env -S node --max-semi-space-size=4
// The `trag` command. Runs the compiled server (apps/cli/dist, built by `npm start`, `npm ci` and
// scripts/build-server.mjs) when it is current, otherwise the TypeScript sources through tsx, so no build step is
// ever required. TRAG_FROM_SOURCE=1 forces the sources. The young-generation cap (see docs/operations.md, "Memory")
// keeps an idle server near 155 MiB instead of ~180 MiB; `npm start` passes the same flag.
import { pathToFileURL } from 'node:url';
import { compiledEntryIfFresh } from './compiled-entry.js';

const compiled = process.env.TRAG_FROM_SOURCE ? undefined : compiledEntryIfFresh();
if (compiled) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
