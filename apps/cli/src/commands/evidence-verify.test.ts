import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openArchive } from '@trag/core/evidence';
// Test builders of the evidence domain (not part of its public surface).
// eslint-disable-next-line no-restricted-imports
import { buildBundle, buildKey } from '../../../../packages/core/src/evidence/evidence.builders';

const run = promisify(execFile);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/trag.js');

async function trag(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, TRAG_DATA_DIR: '/nonexistent' },
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('trag evidence verify', () => {
  it('exits 0 with --json {ok:true} for an untouched bundle, and 1 naming the item after one byte flips', async () => {
    const bundle = await buildBundle(await buildKey(), [Buffer.from('chat export'), Buffer.from('screenshot bytes')]);
    const good = await trag('evidence', 'verify', bundle, '--json');
    expect(good.code).toBe(0);
    const report = JSON.parse(good.stdout) as {
      ok: boolean;
      items: { exhibit: string; ok: boolean; sha256: string; problems: unknown[] }[];
    };
    expect(report.ok).toBe(true);
    expect(report.items).toHaveLength(2);
    expect(report.items[0]).toMatchObject({ exhibit: 'SIPA-EV-2026-0001', ok: true, problems: [] });

    const archive = await openArchive(bundle);
    const offset = await archive.dataOffset(archive.byName.get('originals/SIPA-EV-2026-0002/file-2.txt')!);
    archive.close();
    const handle = await fs.open(bundle, 'r+');
    await handle.write(Buffer.from('X'), 0, 1, offset);
    await handle.close();

    const bad = await trag('evidence', 'verify', bundle, '--json');
    expect(bad.code).toBe(1);
    const badReport = JSON.parse(bad.stdout) as typeof report;
    expect(badReport.ok).toBe(false);
    expect(badReport.items.filter((i) => !i.ok).map((i) => i.exhibit)).toEqual(['SIPA-EV-2026-0002']);

    const text = await trag('evidence', 'verify', bundle);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/FAIL\s+SIPA-EV-2026-0002/);
  });

  it('exits non-zero for a missing file', async () => {
    const result = await trag('evidence', 'verify', '/nonexistent/bundle.zip', '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, items: [] });
  });
});
