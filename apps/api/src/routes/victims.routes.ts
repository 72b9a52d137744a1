// Victim protection: records, screening, interview plans, consent, referrals, retention, statistics.
// Thin routes: schema → actor → service (which checks case membership and the field policy) → presenter.
// Registering this plugin opens the victim-data key vault; a missing or wrong master key in production stops
// the server here, with a message saying what to set.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform, victims as contracts } from '@trag/contracts';
import {
  ReferralService,
  RetentionService,
  ScreeningService,
  StatisticsService,
  VictimRecordService,
  closeVictimProtection,
  presentAccessEntry,
  presentConsent,
  presentReferral,
  presentVictimRecord,
  presentVictimSummary,
  verifiedHelplines,
  victimProtectionFor,
  visibilityTable,
} from '@trag/core/victims';
import type { Classification } from '@trag/core/victims';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
};

/** Demo and development may generate a local key file; anything else is production and must configure one. */
export function allowsGeneratedMasterKey(demo: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return demo || env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
}

export const victimsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.trag.core;
  const protection = victimProtectionFor(core, { allowGeneratedKey: allowsGeneratedMasterKey(app.trag.config.demo) });
  if (protection.notice && process.env.NODE_ENV !== 'test') console.log(protection.notice);
  // Key rotation without downtime: with TRAG_MASTER_KEY_PREVIOUS set, data keys are re-wrapped in small batches in
  // the background while every record stays readable (`trag victims rotate-keys` does the same from the CLI).
  let closing = false;
  if (protection.keyring.byId.size > 1) {
    const step = () => {
      if (closing) return;
      try {
        const { remaining, rewrapped } = protection.vault.rotateBatch(200);
        if (remaining > 0 && rewrapped > 0) setTimeout(step, 50).unref();
        else app.log.info({ remaining }, 'victim data keys re-wrapped under the current master key');
      } catch (error) {
        app.log.error({ code: (error as { code?: string }).code }, 'victim data key rotation stopped');
      }
    };
    setTimeout(step, 0).unref();
  }
  app.addHook('onClose', async () => {
    closing = true;
    await closeVictimProtection(core.dataDir);
  });
  const k = Number(process.env.TRAG_STATS_K ?? 5);
  const records = () => new VictimRecordService(core, protection);
  const screening = () => new ScreeningService(core, protection);
  const referrals = () => new ReferralService(core, protection);
  const tags = ['victims'];

  app.get(
    '/api/cases/:caseId/victims',
    {
      schema: {
        tags,
        summary: 'Victim records of a case (pseudonym, status, classification)',
        params: contracts.CaseParams,
        response: { 200: contracts.VictimListResponse, ...errors },
      },
    },
    async (request) => ({
      victims: (await records().listForCase(requireActor(request), request.params.caseId)).map(presentVictimSummary),
    }),
  );

  app.post(
    '/api/cases/:caseId/victims',
    {
      schema: {
        tags,
        summary: 'Register a victim record in a case',
        params: contracts.CaseParams,
        body: contracts.CreateVictimRequest,
        response: { 200: contracts.VictimResponse, ...errors },
      },
    },
    async (request) => {
      const body = request.body;
      const view = await records().create(requireActor(request), {
        caseId: request.params.caseId,
        // Values are checked by the service (validateClassification); the schema checks shape only.
        classification: body.classification as Classification,
        status: body.status,
        statusBody: body.statusBody ?? null,
        statusDate: body.statusDate ?? null,
        groups: body.groups,
      });
      return { victim: presentVictimRecord(view) };
    },
  );

  app.get(
    '/api/victims/policy',
    {
      schema: {
        tags,
        summary: 'Who can see and change which parts of a victim record, and why',
        response: { 200: contracts.VisibilityResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { roles: visibilityTable() };
    },
  );

  app.get(
    '/api/victims/alerts',
    {
      schema: {
        tags,
        summary: 'Break-glass reads of records you own, not yet acknowledged',
        response: { 200: contracts.AlertsResponse, ...errors },
      },
    },
    async (request) => {
      const alerts = await records().breakGlassAlerts(requireActor(request));
      return {
        alerts: alerts.map((a) => ({
          id: a.id,
          recordId: a.record_id,
          caseId: a.case_id,
          code: a.code,
          at: a.at,
          actorName: a.actor_name,
          actorRole: a.actor_role,
          reason: a.reason,
        })),
      };
    },
  );

  app.post(
    '/api/victims/alerts/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge a break-glass alert',
        params: contracts.AlertParams,
        response: { 200: contracts.OkResponse, ...errors },
      },
    },
    async (request) => {
      await records().acknowledgeAlert(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/victims/screening-forms',
    {
      schema: {
        tags,
        summary: 'Screening forms (latest version of each) with their sources',
        response: { 200: contracts.ScreeningFormsResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return {
        forms: screening()
          .listForms()
          .map((f) => ({ ...f, suggestions: f.suggestions.map((s) => ({ id: s.id, text: s.text })) })),
      };
    },
  );

  app.get(
    '/api/victims/interview-checklist',
    {
      schema: {
        tags,
        summary: 'The trauma-informed interview planning checklist, with sources',
        response: { 200: contracts.ChecklistResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return screening().interviewChecklist();
    },
  );

  app.get(
    '/api/victims/helplines',
    {
      schema: {
        tags,
        summary: 'Verified helplines (with their source pages)',
        querystring: contracts.HelplinesQuery,
        response: { 200: contracts.HelplinesResponse, ...errors },
      },
      config: { public: true },
    },
    async (request) => ({
      helplines: verifiedHelplines(request.query.country).map((h) => ({
        country: h.country,
        name: h.name,
        phone: h.phone,
        source: h.source,
        readOn: h.readOn,
      })),
    }),
  );

  app.get(
    '/api/victims/referrals/open',
    {
      schema: {
        tags,
        summary: 'Open referrals in your cases, oldest first, with their age',
        response: { 200: contracts.OpenReferralsResponse, ...errors },
      },
    },
    async (request) => {
      const open = await referrals().openReferrals(requireActor(request));
      return {
        referrals: open.map((r) => ({
          id: r.id,
          recordId: r.record_id,
          caseId: r.case_id,
          code: r.code,
          serviceType: r.service_type,
          providerName: r.provider_name,
          state: r.state,
          createdAt: r.created_at,
          ageDays: r.ageDays,
        })),
      };
    },
  );

  app.get(
    '/api/victims/retention/due',
    {
      schema: {
        tags,
        summary: "Your agency's victim records past their retention period",
        response: { 200: contracts.DueResponse, ...errors },
      },
    },
    async (request) => ({ due: await new RetentionService(core, protection).dueForReview(requireActor(request)) }),
  );

  app.get(
    '/api/victims/statistics/:year',
    {
      schema: {
        tags,
        summary: 'k-anonymised statistics of a closed year (frozen on first release)',
        params: contracts.YearParams,
        response: { 200: contracts.StatisticsResponse, ...errors },
      },
    },
    async (request) => new StatisticsService(core, k).release(requireActor(request), request.params.year),
  );

  app.get(
    '/api/victims/statistics/:year/export.csv',
    {
      schema: {
        tags,
        summary: 'The same release as CSV (HTCDS field names; suppressed cells as "<k")',
        params: contracts.YearParams,
      },
    },
    async (request, reply) => {
      const csv = await new StatisticsService(core, k).csv(requireActor(request), request.params.year);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="trag-victim-statistics-${request.params.year}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/victims/:id',
    {
      schema: {
        tags,
        summary: 'Open a victim record (only the groups your role may read are decrypted; the read is logged)',
        params: contracts.VictimParams,
        response: { 200: contracts.VictimResponse, ...errors },
      },
    },
    async (request) => ({
      victim: presentVictimRecord(await records().open(requireActor(request), request.params.id)),
    }),
  );

  app.post(
    '/api/victims/:id/break-glass',
    {
      schema: {
        tags,
        summary: 'Emergency access to every group, with a reason; alerts the owner',
        params: contracts.VictimParams,
        body: contracts.BreakGlassRequest,
        response: { 200: contracts.VictimResponse, ...errors },
      },
    },
    async (request) => ({
      victim: presentVictimRecord(
        await records().open(requireActor(request), request.params.id, { breakGlassReason: request.body.reason }),
      ),
    }),
  );

  app.put(
    '/api/victims/:id/groups',
    {
      schema: {
        tags,
        summary: 'Replace field groups you may write',
        params: contracts.VictimParams,
        body: contracts.UpdateGroupsRequest,
        response: { 200: contracts.VictimResponse, ...errors },
      },
    },
    async (request) => ({
      victim: presentVictimRecord(
        await records().updateGroups(requireActor(request), request.params.id, request.body.groups),
      ),
    }),
  );

  app.put(
    '/api/victims/:id/status',
    {
      schema: {
        tags,
        summary: 'Set presumed / identified / not a victim, with the identifying body and date',
        params: contracts.VictimParams,
        body: contracts.SetStatusRequest,
        response: { 200: contracts.VictimListResponse, ...errors },
      },
    },
    async (request) => {
      const row = await records().setStatus(requireActor(request), request.params.id, {
        ...request.body,
        classification: request.body.classification as Classification | undefined,
      });
      return { victims: [presentVictimSummary(row)] };
    },
  );

  app.get(
    '/api/victims/:id/access-log',
    {
      schema: {
        tags,
        summary: 'Who looked at this record (social worker, supervisor)',
        params: contracts.VictimParams,
        querystring: contracts.AccessLogQuery,
        response: { 200: contracts.AccessLogResponse, ...errors },
      },
    },
    async (request) => {
      const page = await records().accessLog(
        requireActor(request),
        request.params.id,
        request.query.limit ?? 100,
        request.query.offset ?? 0,
      );
      return { entries: page.rows.map(presentAccessEntry), total: page.total };
    },
  );

  app.post(
    '/api/victims/:id/screenings',
    {
      schema: {
        tags,
        summary: 'Record a screening (answers with their source); returns a summary and a suggested next step',
        params: contracts.VictimParams,
        body: contracts.CreateScreeningRequest,
        response: { 200: contracts.ScreeningResponse, ...errors },
      },
    },
    async (request) => ({
      screening: await screening().screen(requireActor(request), request.params.id, request.body),
    }),
  );

  app.get(
    '/api/victims/:id/screenings',
    {
      schema: {
        tags,
        summary: 'Screenings of a record',
        params: contracts.VictimParams,
        response: { 200: contracts.ScreeningListResponse, ...errors },
      },
    },
    async (request) => ({ screenings: await screening().listScreenings(requireActor(request), request.params.id) }),
  );

  app.post(
    '/api/victims/:id/interview-plans',
    {
      schema: {
        tags,
        summary: 'Record an interview plan against the trauma-informed checklist',
        params: contracts.VictimParams,
        body: contracts.CreateInterviewPlanRequest,
        response: { 200: contracts.InterviewPlanResponse, ...errors },
      },
    },
    async (request) => ({
      plan: await screening().planInterview(requireActor(request), request.params.id, request.body),
    }),
  );

  app.get(
    '/api/victims/:id/interview-plans',
    {
      schema: {
        tags,
        summary: 'Interview plans of a record (visible to the prosecutor)',
        params: contracts.VictimParams,
        response: { 200: contracts.InterviewPlanListResponse, ...errors },
      },
    },
    async (request) => ({ plans: await screening().listInterviewPlans(requireActor(request), request.params.id) }),
  );

  app.post(
    '/api/victims/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record consent given, refused or withdrawn for one purpose',
        params: contracts.VictimParams,
        body: contracts.CreateConsentRequest,
        response: { 200: contracts.ConsentListResponse, ...errors },
      },
    },
    async (request) => ({
      consents: (await referrals().recordConsent(requireActor(request), request.params.id, request.body)).map(
        presentConsent,
      ),
    }),
  );

  app.get(
    '/api/victims/:id/consents',
    {
      schema: {
        tags,
        summary: 'Consent history of a record',
        params: contracts.VictimParams,
        response: { 200: contracts.ConsentListResponse, ...errors },
      },
    },
    async (request) => ({
      consents: (await referrals().listConsents(requireActor(request), request.params.id)).map(presentConsent),
    }),
  );

  app.post(
    '/api/victims/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Refer to a service provider (needs consent, or the override permission and a reason)',
        params: contracts.VictimParams,
        body: contracts.CreateReferralRequest,
        response: { 200: contracts.ReferralResponse, ...errors },
      },
    },
    async (request) => ({
      referral: presentReferral(
        await referrals().createReferral(requireActor(request), request.params.id, request.body),
      ),
    }),
  );

  app.get(
    '/api/victims/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals of a record',
        params: contracts.VictimParams,
        response: { 200: contracts.ReferralListResponse, ...errors },
      },
    },
    async (request) => ({
      referrals: (await referrals().listReferrals(requireActor(request), request.params.id)).map(presentReferral),
    }),
  );

  app.post(
    '/api/victims/referrals/:id/state',
    {
      schema: {
        tags,
        summary: 'Move a referral: sent → accepted / rejected → done, or revoked',
        params: contracts.VictimParams,
        body: contracts.ReferralStateRequest,
        response: { 200: contracts.ReferralResponse, ...errors },
      },
    },
    async (request) => ({
      referral: presentReferral(await referrals().transition(requireActor(request), request.params.id, request.body)),
    }),
  );

  app.get(
    '/api/victims/referrals/:id/letter.pdf',
    { schema: { tags, summary: 'Referral letter (PDF) with only the consented data', params: contracts.VictimParams } },
    async (request, reply) => {
      const pdf = await referrals().letter(requireActor(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="referral.pdf"')
        .send(pdf);
    },
  );

  app.post(
    '/api/victims/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erase a record by crypto-shredding (retention); an audit stub remains',
        params: contracts.VictimParams,
        body: contracts.EraseRequest,
        response: { 200: contracts.OkResponse, ...errors },
      },
    },
    async (request) => {
      await new RetentionService(core, protection).erase(requireActor(request), request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
};
