// The bundle that `npm start` runs (scripts/build-server.mjs) must behave like the sources: migrations bundled,
// data files found beside their sources, rarely needed packages loaded only when used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
