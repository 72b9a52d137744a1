import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { ScreeningService } from './screening.service';
import { VictimRecordService } from './victim-record.service';
import { buildClassification, buildVictimsWorld, type VictimsWorld } from './victims.builders';

describeEachDialect('screening and interview plans', (dialect) => {
  let database: TestDatabase;
  let w: VictimsWorld;
  let screening: ScreeningService;
  let recordId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    w = await buildVictimsWorld(database);
    screening = new ScreeningService(w.ctx, w.protection);
    const records = new VictimRecordService(w.ctx, w.protection);
    recordId = (
      await records.create(w.socialWorker, {
        caseId: w.caseId,
        classification: buildClassification({ ageBand: '12-17' }),
      })
    ).record.id;
  });
  afterAll(async () => {
    await w.close();
    await database.destroy();
  });

  it('stores answers sealed and returns them with the summary to the social worker', async () => {
    await screening.screen(w.socialWorker, recordId, {
      formId: 'ilo-forced-labour-11',
      answers: { withholding_of_wages: { value: 'present', source: 'interview', note: 'paid nothing for 4 months' } },
    });
    const raw = await database.db.selectFrom('victim_screenings').select('sealed').execute();
    expect(JSON.stringify(raw)).not.toContain('paid nothing');
    const list = await screening.listScreenings(w.socialWorker, recordId);
    expect(list[0]!.answers.withholding_of_wages!.note).toBe('paid nothing for 4 months');
    expect(list[0]!.summary.suggestion.id).toBe('gather_more_information');
    await expect(screening.listScreenings(w.prosecutor, recordId)).rejects.toMatchObject({
      code: 'victim_permission_denied',
    });
  });

  it('records the interview checklist and shows it to the prosecutor, flagging the child procedure', async () => {
    await screening.planInterview(w.investigator, recordId, {
      plannedFor: '2026-12-03',
      interpreterNeeded: false,
      answers: {
        support_person_offered: 'yes',
        same_sex_interviewer_offered: 'yes',
        earlier_interviews_checked: 'yes',
        breaks_planned: 'yes',
      },
    });
    const plans = await screening.listInterviewPlans(w.prosecutor, recordId);
    expect(plans[0]!.complete).toBe(false);
    expect(plans[0]!.missing).toEqual([{ id: 'child_procedure', reason: 'the person is recorded as a child' }]);
  });
});
