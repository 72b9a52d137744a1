import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorkspace, runTrag } from '../testing';
import { registerEvidence } from './evidence-commands';
import { registerRecruitment } from './recruitment-group';

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../packages/core/src/evidence/fixtures',
);

const trag = (dataDir: string, ...args: string[]) =>
  runTrag([registerEvidence, registerRecruitment], { TRAG_DATA_DIR: dataDir }, args);

describe('trag recruitment import', () => {
  let dataDir: string;
  let reference: string;

  beforeAll(async () => {
    ({ dataDir, reference } = await createCliWorkspace('recruitment'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports a WARC capture collected as evidence, found by its exhibit number', async () => {
    const added = await trag(
      dataDir,
      'evidence',
      'add',
      reference,
      path.join(fixtures, 'oglas.warc.gz'),
      '--as',
      'amra',
      '--description',
      'Capture of an advert',
      '--import',
      '--json',
    );
    expect(added.code).toBe(0);
    const exhibit = (JSON.parse(added.stdout) as { items: { exhibitNumber: string }[] }).items[0]!.exhibitNumber;
    const result = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      '--evidence',
      exhibit,
      '--as',
      'amra',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ itemsImported: 1, linesRejected: 0 });
  });

  it('imports a saved HTML file from disk, format from its name', async () => {
    const result = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      path.join(fixtures, 'oglas.html'),
      '--as',
      'amra',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported 1 item\(s\), [01] flagged, 0 rejected/);
  });

  it('refuses a file together with --evidence, and an unknown evidence item', async () => {
    const both = await trag(dataDir, 'recruitment', 'import', reference, 'x.html', '--evidence', 'E1', '--as', 'amra');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('recruitment_import_source');
    const missing = await trag(dataDir, 'recruitment', 'import', reference, '--evidence', 'NOPE-1', '--as', 'amra');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('evidence_not_in_case');
  });
});
