// The bundle that `npm start` runs (scripts/build-server.mjs) must behave like the sources: migrations bundled,
// data files found beside their sources, rarely needed packages loaded only when used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorkspace } from '../apps/cli/src/testing';

const repoRoot = path.resolve(new URL('..', import.meta.url).pathname);
// Inside the repository so that node_modules resolve as they do for apps/cli/dist/trag.mjs.
const outFile = path.join(repoRoot, 'apps/cli/dist', `test-${process.pid}`, 'trag.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-compiled-'));

function runCompiled(args: string[], extraNodeArgs: string[] = []) {
  return spawnSync(process.execPath, [...extraNodeArgs, outFile, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TRAG_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
}

describe('compiled server bundle', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--out', outFile], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  }, 60_000);
  afterAll(() => {
    rmSync(path.dirname(outFile), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies every migration of the folder, bundled into the one file', () => {
    const result = runCompiled(['migrate']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/2026-11-30T0001-foundation/);
    expect(result.stdout).toMatch(/2026-11-30T0070-cases-performance/);
  });

  it('finds data files next to their sources (the recruitment lexicon)', () => {
    const item = {
      id: 'ad-1',
      text: 'Posao u Njemačkoj, bez iskustva, smještaj i viza osigurani. Viber +387 61 123 456',
    };
    const result = spawnSync(process.execPath, [outFile, 'recruitment', 'analyze'], {
      input: `${JSON.stringify(item)}\n`,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('+38761123456');
    expect(result.stdout).toMatch(/"indicators":\[\{/);
  });

  it('analyses a recruitment import on its bundled worker thread, as on the main thread', async () => {
    const { dataDir: importDir, reference } = await createCliWorkspace('compiled-import');
    try {
      const file = path.join(importDir, 'ads.jsonl');
      const lines: string[] = [];
      for (let i = 0; i < 60; i++) {
        const phone = `+387 61 ${String(100_000 + (i % 7)).slice(1)}1`;
        const text =
          i % 3 === 0
            ? `Prodajem bicikl ${i}, cijena 150 KM.`
            : `Posao u Njemačkoj, bez iskustva, smještaj i viza osigurani, plata 3.500 EUR. Viber ${phone}`;
        lines.push(JSON.stringify({ id: `ad-${i}`, text }));
      }
      writeFileSync(file, `${lines.join('\n')}\n`);
      const runImport = (env: Record<string, string>) =>
        spawnSync(process.execPath, [outFile, 'recruitment', 'import', reference, file, '--as', 'amra', '--json'], {
          encoding: 'utf8',
          env: { ...process.env, TRAG_DATA_DIR: importDir, DATABASE_URL: '', ...env },
        });
      const inThread = runImport({ TRAG_IMPORT_WORKERS: '0' });
      expect(inThread.stderr).toBe('');
      expect(inThread.status).toBe(0);
      const onWorker = runImport({ TRAG_IMPORT_WORKERS: '1', TRAG_IMPORT_WORKER_MIN_ITEMS: '1' });
      expect(onWorker.stderr).toBe('');
      expect(onWorker.status).toBe(0);
      const outcome = (result: { stdout: string }) => {
        const { importId: _id, ...rest } = JSON.parse(result.stdout) as Record<string, unknown>;
        return rest;
      };
      expect(outcome(onWorker)).toEqual(outcome(inThread));
      expect(outcome(onWorker)).toMatchObject({ itemsImported: 60 });
      expect((outcome(onWorker) as { flagged: number }).flagged).toBeGreaterThan(0);

      // Without its worker bundle the import fails with a clear error, not a hang or a half import.
      const worker = path.join(path.dirname(outFile), 'recruitment-analysis-worker.mjs');
      renameSync(worker, `${worker}.away`);
      try {
        const failed = runImport({ TRAG_IMPORT_WORKERS: '1', TRAG_IMPORT_WORKER_MIN_ITEMS: '1' });
        expect(failed.status).not.toBe(0);
        expect(failed.stderr).toContain('import_analysis_failed');
      } finally {
        renameSync(`${worker}.away`, worker);
      }
    } finally {
      rmSync(importDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('does not load PDF, QR-code or PostgreSQL packages until they are used', () => {
    const result = spawnSync(process.execPath, [outFile, '--help'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_DEBUG: 'module' },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/node_modules\/fastify\//);
    for (const lazy of ['pdfkit', 'qrcode', 'pg', 'exifr', 'warcio', 'sharp']) {
      expect(result.stderr).not.toMatch(new RegExp(`node_modules/${lazy}/`));
    }
  });
});
