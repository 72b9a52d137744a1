// Bundles the server and CLI (apps/cli/src/main.ts and every @trag/* workspace it imports) into
// apps/cli/dist/trag.mjs with esbuild. Third-party packages stay external (loaded from node_modules); the largest
// CommonJS ones that only some requests need are loaded on first use, so an idle server does not carry them.
// With --if-stale, does nothing when the bundle is newer than every source file; --out <file> writes elsewhere (tests).
import { build } from 'esbuild';
import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COMPILED_ENTRY, REPO_ROOT, compiledEntryIfFresh } from '../apps/cli/bin/compiled-entry.js';

if (process.argv.includes('--if-stale') && compiledEntryIfFresh()) process.exit(0);

const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : COMPILED_ENTRY;
const outDir = path.dirname(outFile);

// Needed by a few requests only (PDF reports, QR codes, photo metadata, ZIP files, legacy encodings) or by one
// engine only (pg): each becomes a stand-in that requires the real module when first touched. Only CommonJS
// packages imported as a default export qualify.
const LOAD_ON_FIRST_USE = ['pdfkit', 'pg', 'qrcode', 'exifr', 'iconv-lite', 'seek-bzip', 'yauzl', 'yazl'];

const loadOnFirstUse = {
  name: 'load-on-first-use',
  setup(b) {
    const filter = new RegExp(
      `^(${LOAD_ON_FIRST_USE.map((m) => m.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`,
    );
    b.onResolve({ filter }, (args) =>
      args.namespace === 'load-on-first-use'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'load-on-first-use' },
    );
    b.onLoad({ filter: /.*/, namespace: 'load-on-first-use' }, (args) => ({
      resolveDir: REPO_ROOT,
      loader: 'js',
      contents: `
        import { createRequire } from 'node:module';
        const require = createRequire(import.meta.url);
        let loaded;
        const load = () => (loaded ??= require(${JSON.stringify(args.path)}));
        export default new Proxy(function () {}, {
          get: (_, key) => Reflect.get(load(), key),
          has: (_, key) => Reflect.has(load(), key),
          construct: (_, argv) => Reflect.construct(load(), argv),
          apply: (_, self, argv) => Reflect.apply(load(), self, argv),
        });`,
    }));
  },
};

// Everything that is not one of our workspaces stays in node_modules.
const thirdPartyExternal = {
  name: 'third-party-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@trag/') || args.namespace === 'load-on-first-use' ? undefined : { external: true },
    );
  },
};

// Modules find their data files (lexicon, scenarios, migrations, forms) next to their source: point import.meta.url
// back at the source file, relative to the bundle, so the bundle works from any checkout path.
const sourceLocation = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      if (contents.includes('import.meta.url') || contents.includes('import.meta.dirname')) {
        const relative = JSON.stringify(path.relative(outDir, args.path).split(path.sep).join('/'));
        contents = contents
          .replaceAll('import.meta.url', `new URL(${relative}, import.meta.url).href`)
          .replaceAll('import.meta.dirname', `__trag_dirname(new URL(${relative}, import.meta.url))`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

// A source saved while the build runs must still make the bundle stale: the bundle is dated when the build began.
const startedAt = new Date();
// Large recruitment imports analyse on worker threads, which load their own bundle from beside this one (the
// define tells packages/core/src/recruitment/analysis-threads.ts its file name).
const RECRUITMENT_WORKER = 'recruitment-analysis-worker.mjs';
const options = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __TRAG_RECRUITMENT_WORKER__: JSON.stringify(RECRUITMENT_WORKER) },
  plugins: [loadOnFirstUse, thirdPartyExternal, sourceLocation],
  banner: {
    js: [
      "import { createRequire as __trag_createRequire } from 'node:module';",
      "import { dirname as __trag_path_dirname } from 'node:path';",
      "import { fileURLToPath as __trag_fileURLToPath } from 'node:url';",
      'const require = __trag_createRequire(import.meta.url);',
      'const __trag_dirname = (url) => __trag_path_dirname(__trag_fileURLToPath(url));',
    ].join('\n'),
  },
};
const results = await Promise.all([
  build({ ...options, entryPoints: [path.join(REPO_ROOT, 'apps/cli/src/main.ts')], outfile: outFile }),
  build({
    ...options,
    entryPoints: [path.join(REPO_ROOT, 'packages/core/src/recruitment/analysis-worker.ts')],
    outfile: path.join(outDir, RECRUITMENT_WORKER),
  }),
]);

// Written beside and renamed, so a `trag` starting meanwhile never loads half a file.
await mkdir(outDir, { recursive: true });
for (const file of results.flatMap((result) => result.outputFiles)) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, file.contents);
  await utimes(temporary, startedAt, startedAt);
  await rename(temporary, file.path);
}
console.log(`Built the server: ${path.relative(REPO_ROOT, outFile)}`);
