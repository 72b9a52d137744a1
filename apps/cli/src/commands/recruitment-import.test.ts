import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@trag/db';
import { RecruitmentService } from '@trag/core/recruitment';
import { systemClock, type Actor } from '@trag/core/shared';
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
  let actor: Actor;
  let caseId: string;

  beforeAll(async () => {
    ({ dataDir, reference, actor, caseId } = await createCliWorkspace('recruitment'));
  });

  /** The items one import brought into the case, as the importing user sees them. */
  async function itemsOfImport(importId: string) {
    const database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
    try {
      const { rows } = await new RecruitmentService({ database, clock: systemClock, dataDir }).listItems(
        actor,
        caseId,
        {
          limit: 100,
          offset: 0,
        },
      );
      return rows
        .filter((row) => row.import_id === importId)
        .map((row) => ({ externalId: row.external_id, url: row.url, postedAt: row.posted_at }))
        .sort((a, b) => a.externalId.localeCompare(b.externalId));
    } finally {
      await database.destroy();
    }
  }
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

  it('reads a platform CSV export through --text-column and --id-column', async () => {
    const file = path.join(dataDir, 'oglasi-export.csv');
    writeFileSync(
      file,
      [
        'ad_id,message,date,link',
        '"fb-1041","Tražimo konobarice za rad u Austriji, plata 2000 EUR, smještaj i put plaćeni. Javite se na Viber.",2024-03-02,https://example.org/oglas/1041',
        '"fb-1042","Posao u Njemačkoj za mlade djevojke, bez iskustva, pasoš sređujemo mi.",2024-03-03,https://example.org/oglas/1042',
      ].join('\n'),
    );
    const result = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      file,
      '--as',
      'amra',
      '--text-column',
      'message',
      '--id-column',
      'ad_id',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as { importId: string; itemsImported: number; linesRejected: number };
    expect(outcome).toMatchObject({ itemsImported: 2, linesRejected: 0 });
    // Only text and id were named: "date" and "link" are not the default posted_at and url, so they stay empty.
    expect(await itemsOfImport(outcome.importId)).toEqual([
      { externalId: 'fb-1041', url: null, postedAt: null },
      { externalId: 'fb-1042', url: null, postedAt: null },
    ]);

    const unmapped = await trag(dataDir, 'recruitment', 'import', reference, file, '--as', 'amra');
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain('import_column_missing');
    expect(unmapped.stderr).toContain('Columns found: ad_id, message, date, link');
  });

  it('maps JSON Lines keys over the default mapping, so unnamed defaults such as url are still read', async () => {
    const file = path.join(dataDir, 'poruke.jsonl');
    writeFileSync(
      file,
      [
        {
          id: 'tg-7',
          Poruka: 'Hitno! Rad na brodu, 3000 EUR mjesečno, dokumente sređujemo.',
          date: '2024-04-11',
          url: 'https://t.me/c/1/7',
        },
        {
          id: 'tg-8',
          Poruka: 'Čuvanje djece u Italiji, stan i hrana obezbijeđeni, javi se u inbox.',
          date: '2024-04-12',
        },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const result = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      file,
      '--as',
      'amra',
      '--text-column',
      'Poruka',
      '--date-column',
      'date',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as { importId: string };
    expect(await itemsOfImport(outcome.importId)).toEqual([
      { externalId: 'tg-7', url: 'https://t.me/c/1/7', postedAt: '2024-04-11' },
      { externalId: 'tg-8', url: null, postedAt: '2024-04-12' },
    ]);
  });

  it('refuses column options where there are no columns, and column names that are empty or too long', async () => {
    const file = path.join(dataDir, 'oglasi.txt');
    writeFileSync(file, 'Tražimo radnike za Sloveniju, plata odmah.\n');
    const text = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      file,
      '--format',
      'text',
      '--text-column',
      'message',
      '--as',
      'amra',
    );
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('recruitment_import_mapping');
    expect(text.stderr).toContain('--format csv|jsonl');
    const evidence = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      '--evidence',
      'E1',
      '--id-column',
      'ad_id',
      '--as',
      'amra',
    );
    expect(evidence.code).toBe(2);
    expect(evidence.stderr).toContain('recruitment_import_mapping');
    // Column names are checked before the file is read, so the file need not exist.
    const csv = path.join(dataDir, 'nepostojeci.csv');
    const empty = await trag(dataDir, 'recruitment', 'import', reference, csv, '--text-column', ' ', '--as', 'amra');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--text-column needs a column name');
    const long = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      csv,
      '--url-column',
      'x'.repeat(201),
      '--as',
      'amra',
    );
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('longer than 200 characters');
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
