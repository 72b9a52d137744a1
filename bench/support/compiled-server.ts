// The server as production runs it: the bundle from scripts/build-server.mjs (rebuilt here if any source changed),
// run by plain Node without the tsx loader — so memory and latency figures are those of `npm start`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { COMPILED_ENTRY, SERVER_NODE_FLAGS } from '../../apps/cli/bin/compiled-entry.js';

const repoRoot = path.resolve(new URL('../..', import.meta.url).pathname);

/** Node arguments that start the compiled `trag` (e.g. `[...compiledTrag(), 'serve', '--port', '8080']`). */
export function compiledTrag(): string[] {
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-server.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server failed');
  return [...SERVER_NODE_FLAGS, COMPILED_ENTRY];
}
