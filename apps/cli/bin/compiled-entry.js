// Where the compiled server lives and whether it is still current. `scripts/build-server.mjs` bundles the
// TypeScript sources into one file so that a running server carries neither the tsx loader nor a transpiler
// (about 45 MiB less resident memory); when any source is newer than that file, `trag` runs the sources through tsx
// instead, so an edit is never served stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const COMPILED_ENTRY = path.join(REPO_ROOT, 'apps/cli/dist/trag.mjs');
/** Node flags the server runs with (also on the first line of bin/trag.js and in `npm start`): see docs/operations.md. */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];
export const SOURCE_DIRS = [
  'packages/contracts/src',
  'packages/db/src',
  'packages/core/src',
  'apps/api/src',
  'apps/cli/src',
];

/**
 * The newest modification time of the files under `dir` that go into a build: tests, node_modules and build output
 * are left out. Shared with scripts/build-web.mjs.
 */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** The newest modification time of any file the compiled server is built from. */
export function newestSourceMtime() {
  return Math.max(...SOURCE_DIRS.map((dir) => newestMtime(path.join(REPO_ROOT, dir))));
}

/** The compiled entry file if it exists and is newer than every source, else undefined. */
export function compiledEntryIfFresh() {
  if (!existsSync(COMPILED_ENTRY)) return undefined;
  return statSync(COMPILED_ENTRY).mtimeMs >= newestSourceMtime() ? COMPILED_ENTRY : undefined;
}
