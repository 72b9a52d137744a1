import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { CaseService } from '@trag/core/cases';
import { EvidenceService } from '@trag/core/evidence';
import { fixedClock, type Actor, type CoreContext } from '@trag/core/shared';
// Builders of the cases domain, for tests only.
import { buildActor, buildAgency } from '../cases/cases.builders';
import { RecruitmentService } from './recruitment.service';

const evidenceFixture = (name: string) => readFileSync(new URL(`../evidence/fixtures/${name}`, import.meta.url));

describeEachDialect('recruitment import from evidence', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  let evidence: EvidenceService;
  let service: RecruitmentService;
  let investigator: Actor;
  let caseId: string;
  let otherCaseId: string;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = {
      database,
      clock: fixedClock('2026-11-30T10:00:00.000Z'),
      dataDir: mkdtempSync(path.join(tmpdir(), 'trag-recruitment-')),
    };
    evidence = new EvidenceService(ctx);
    service = new RecruitmentService(ctx);
    const agency = await buildAgency(database, { prefix: 'SIPA' });
    investigator = await buildActor(database, { agencyId: agency.id });
    const cases = new CaseService(ctx);
    caseId = (await cases.create(investigator, { title: 'Oglasi', type: 'labour_exploitation' })).id;
    otherCaseId = (await cases.create(investigator, { title: 'Drugi', type: 'labour_exploitation' })).id;
  });
  afterEach(async () => database.destroy());

  const collect = (target: string, fileName: string, bytes: Buffer, importIt = false) =>
    evidence.collect(
      investigator,
      target,
      { fileName, description: 'Capture of a job ad', ...(importIt ? { import: true } : {}) },
      Readable.from([bytes]),
    );

  it('reads a WARC capture stored as evidence; each item points at the exhibit and the WARC record', async () => {
    const capture = await collect(caseId, 'oglas.warc', evidenceFixture('oglas.warc'), true);
    expect(capture.importFormat).toBe('warc');
    const outcome = await service.importFromEvidence(investigator, caseId, capture.id, { mode: 'skip_bad' });
    expect(outcome.itemsImported).toBe(1);
    const [item] = (await service.listItems(investigator, caseId, { limit: 10, offset: 0 })).rows;
    expect(item!.evidence_id).toBe(capture.id);
    expect(item!.source).toBe(`Exhibit ${capture.exhibitNumber} · oglas.warc · captured 2026-11-14T20:30:00Z`);
    expect(item!.source_position).toMatch(/^WARC record 3 <urn:uuid:[0-9a-f-]+> at byte \d+ · page$/);
    expect(item!.url).toBe('http://oglasi.example.test/oglasi/12345');
    const detail = await service.getItem(investigator, item!.id);
    expect(detail.identifiers.map((i) => `${i.type}:${i.value}`)).toContain('phone:+381641234567');
    const imports = await database.db.selectFrom('recruitment_imports').select(['evidence_id', 'format']).execute();
    expect(imports).toEqual([{ evidence_id: capture.id, format: 'warc' }]);
    // Reading the original for analysis is on the exhibit's custody ledger.
    const custody = (await evidence.view(investigator, capture.id)).custody.map((c) => c.event);
    expect(custody).toContain('downloaded');
  });

  it('reads a saved HTML page collected as a plain file', async () => {
    const page = await collect(caseId, 'oglas.html', evidenceFixture('oglas.html'));
    const outcome = await service.importFromEvidence(investigator, caseId, page.id, { mode: 'all_or_nothing' });
    expect(outcome.itemsImported).toBe(1);
    const [item] = (await service.listItems(investigator, caseId, { limit: 10, offset: 0 })).rows;
    expect(item!.source_position).toBe('page');
    expect(item!.evidence_id).toBe(page.id);
  });

  it('refuses evidence of another case and evidence that is not a web page, importing nothing', async () => {
    const elsewhere = await collect(otherCaseId, 'oglas.html', evidenceFixture('oglas.html'));
    await expect(
      service.importFromEvidence(investigator, caseId, elsewhere.id, { mode: 'skip_bad' }),
    ).rejects.toMatchObject({ code: 'evidence_not_found' });
    const note = await collect(caseId, 'note.txt', Buffer.from('plain note'));
    await expect(service.importFromEvidence(investigator, caseId, note.id, { mode: 'skip_bad' })).rejects.toMatchObject(
      { code: 'recruitment_evidence_not_web' },
    );
    expect((await service.listItems(investigator, caseId, { limit: 1, offset: 0 })).total).toBe(0);
  });
});
