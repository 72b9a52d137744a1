// Screening a person against a form version, and planning interviews with the trauma-informed checklist.
// Screening answers and summaries are sealed under the record's key; interview plans hold process facts only and
// are visible to the prosecutor as proof of good practice.
import { AuditService } from '../audit';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { invalid } from '../shared/errors';
import { newId } from '../shared/ids';
import {
  evaluateInterviewPlan,
  loadInterviewChecklist,
  type InterviewChecklist,
  type InterviewPlanInput,
  type InterviewPlanResult,
} from './interview-checklist';
import { summariseScreening, validateAnswers, type ScreeningAnswer, type ScreeningSummary } from './screening';
import { latestForms, loadScreeningForms, type ScreeningForm } from './screening-forms';
import { ScreeningRepository } from './screening.repository';
import { requireCapability } from './victim.policy';
import type { VictimProtection } from './victim-protection';
import { VictimRecordService } from './victim-record.service';

export interface ScreeningView {
  id: string;
  formId: string;
  formVersion: number;
  answers: Record<string, ScreeningAnswer>;
  summary: ScreeningSummary;
  createdBy: string;
  createdAt: string;
}

export interface InterviewPlanView extends InterviewPlanResult {
  id: string;
  plannedFor: string;
  createdBy: string;
  createdAt: string;
}

export class ScreeningService {
  private readonly repo: ScreeningRepository;
  private readonly records: VictimRecordService;
  private readonly audit: AuditService;

  constructor(
    private readonly ctx: CoreContext,
    private readonly protection: VictimProtection,
    private readonly forms: Map<string, ScreeningForm> = loadScreeningForms(),
    private readonly checklist: InterviewChecklist = loadInterviewChecklist(),
  ) {
    this.repo = new ScreeningRepository(ctx.database.db);
    this.records = new VictimRecordService(ctx, protection);
    this.audit = new AuditService(ctx);
  }

  listForms(): ScreeningForm[] {
    return latestForms(this.forms);
  }

  interviewChecklist(): InterviewChecklist {
    return this.checklist;
  }

  async screen(
    actor: Actor,
    recordId: string,
    input: { formId: string; formVersion?: number | undefined; answers: Record<string, ScreeningAnswer> },
  ): Promise<ScreeningView> {
    requireCapability(actor.role, 'screening.write');
    const record = await this.records.requireRecord(actor, recordId);
    const keyId = this.records.requireNotErased(record);
    const form =
      input.formVersion !== undefined
        ? this.forms.get(`${input.formId}@${input.formVersion}`)
        : latestForms(this.forms).find((f) => f.id === input.formId);
    if (!form)
      throw invalid(
        'screening_form_unknown',
        `There is no screening form "${input.formId}"${input.formVersion ? ` version ${input.formVersion}` : ''}.`,
      );
    const answers = validateAnswers(form, input.answers);
    const summary = summariseScreening(form, answers);
    const key = this.protection.recordKey(keyId, record.id);
    const id = newId();
    const at = this.ctx.clock.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.createScreening(
        {
          id,
          record_id: record.id,
          case_id: record.case_id,
          form_id: form.id,
          form_version: form.version,
          sealed: this.protection.sealJson(key, record.id, `screening:${id}`, { answers, summary }),
          created_by: actor.userId,
          created_at: at,
        },
        trx,
      );
      await this.records.logAccess(actor, record.id, record.case_id, 'write', ['screening'], null, trx);
      await this.audit.record(
        actor,
        {
          action: 'victim.screening.create',
          recordType: 'victim_record',
          recordId: record.id,
          caseId: record.case_id,
          details: { form: `${form.id}@${form.version}` },
        },
        trx,
      );
    });
    return { id, formId: form.id, formVersion: form.version, answers, summary, createdBy: actor.userId, createdAt: at };
  }

  async listScreenings(actor: Actor, recordId: string): Promise<ScreeningView[]> {
    requireCapability(actor.role, 'screening.read');
    const record = await this.records.requireRecord(actor, recordId);
    const keyId = this.records.requireNotErased(record);
    const rows = await this.repo.listScreenings(record.id);
    if (rows.length === 0) return [];
    const key = this.protection.recordKey(keyId, record.id);
    const views = rows.map((row) => {
      const { answers, summary } = this.protection.openJson<{
        answers: Record<string, ScreeningAnswer>;
        summary: ScreeningSummary;
      }>(key, record.id, `screening:${row.id}`, row.sealed);
      return {
        id: row.id,
        formId: row.form_id,
        formVersion: row.form_version,
        answers,
        summary,
        createdBy: row.created_by,
        createdAt: row.created_at,
      };
    });
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.records.logAccess(actor, record.id, record.case_id, 'read', ['screening'], null, trx);
      await this.audit.record(
        actor,
        { action: 'victim.screening.read', recordType: 'victim_record', recordId: record.id, caseId: record.case_id },
        trx,
      );
    });
    return views;
  }

  async planInterview(actor: Actor, recordId: string, input: InterviewPlanInput): Promise<InterviewPlanView> {
    requireCapability(actor.role, 'interview.write');
    const record = await this.records.requireRecord(actor, recordId);
    const result = evaluateInterviewPlan(this.checklist, input, record.is_child === 1);
    const id = newId();
    const at = this.ctx.clock.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.createPlan(
        {
          id,
          record_id: record.id,
          case_id: record.case_id,
          planned_for: input.plannedFor,
          checklist: JSON.stringify(result),
          complete: result.complete ? 1 : 0,
          created_by: actor.userId,
          created_at: at,
        },
        trx,
      );
      await this.audit.record(
        actor,
        {
          action: 'victim.interview_plan.create',
          recordType: 'victim_record',
          recordId: record.id,
          caseId: record.case_id,
          details: { complete: result.complete },
        },
        trx,
      );
    });
    return { ...result, id, plannedFor: input.plannedFor, createdBy: actor.userId, createdAt: at };
  }

  async listInterviewPlans(actor: Actor, recordId: string): Promise<InterviewPlanView[]> {
    requireCapability(actor.role, 'interview.read');
    const record = await this.records.requireRecord(actor, recordId);
    const rows = await this.repo.listPlans(record.id);
    return rows.map((r) => ({
      ...(JSON.parse(r.checklist) as InterviewPlanResult),
      id: r.id,
      plannedFor: r.planned_for,
      createdBy: r.created_by,
      createdAt: r.created_at,
    }));
  }
}
