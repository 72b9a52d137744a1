// Consent per purpose, and referrals to service providers gated by it.
// A referral needs the person's current consent to receiving services AND to sharing with that named provider;
// without it only a role with the override permission can refer, and must say why (audited).
import { AuditService } from '../audit';
import { memberCaseIdsQuery } from '../cases';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AppError, forbidden, invalid } from '../shared/errors';
import { newId } from '../shared/ids';
import { consentFor, validateConsent, type ConsentEntry, type ConsentInput } from './consent';
import { FIELD_GROUPS, isFieldGroup, type FieldGroup, type GroupValues } from './field-groups';
import { verifiedHelplines } from './helplines';
import { renderReferralLetter, type ReferralLetterInput } from './referral-letter';
import {
  REFERRAL_STATES,
  SERVICE_TYPES,
  ageInDays,
  requireTransition,
  type ReferralState,
  type ServiceType,
} from './referral';
import { ReferralRepository } from './referral.repository';
import { can, readableGroups, requireCapability } from './victim.policy';
import type { VictimProtection } from './victim-protection';
import { VictimRecordService } from './victim-record.service';

export interface CreateReferralInput {
  serviceType: ServiceType;
  providerName: string;
  providerAgencyId?: string | null | undefined;
  /** Field groups the letter may carry (each must be covered by the sharing consent). */
  sharedGroups: FieldGroup[];
  note?: string | undefined;
  /** Only with the override permission, when consent is missing. */
  overrideReason?: string | undefined;
}

export const referralNotFound = () =>
  new AppError('not_found', 'referral_not_found', 'This referral does not exist or you are not a member of its case.');

export class ReferralService {
  private readonly repo: ReferralRepository;
  private readonly records: VictimRecordService;
  private readonly audit: AuditService;

  constructor(
    private readonly ctx: CoreContext,
    private readonly protection: VictimProtection,
  ) {
    this.repo = new ReferralRepository(ctx.database.db);
    this.records = new VictimRecordService(ctx, protection);
    this.audit = new AuditService(ctx);
  }

  async recordConsent(actor: Actor, recordId: string, input: ConsentInput) {
    requireCapability(actor.role, 'consent.write');
    const record = await this.records.requireRecord(actor, recordId);
    const c = validateConsent(input);
    const id = newId();
    const at = this.ctx.clock.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.createConsent(
        {
          id,
          record_id: record.id,
          case_id: record.case_id,
          purpose: c.purpose,
          recipient: c.recipient,
          state: c.state,
          decided_on: c.decidedOn,
          language: c.language,
          interpreter_used: c.interpreterUsed ? 1 : 0,
          recorded_how: c.recordedHow,
          recorded_by: actor.userId,
          created_at: at,
        },
        trx,
      );
      await this.audit.record(
        actor,
        {
          action: 'victim.consent',
          recordType: 'victim_record',
          recordId: record.id,
          caseId: record.case_id,
          details: { purpose: c.purpose, state: c.state },
        },
        trx,
      );
    });
    return this.listConsents(actor, recordId);
  }

  async listConsents(actor: Actor, recordId: string) {
    requireCapability(actor.role, 'consent.read');
    const record = await this.records.requireRecord(actor, recordId);
    return this.repo.listConsents(record.id);
  }

  private async history(recordId: string): Promise<ConsentEntry[]> {
    return (await this.repo.listConsents(recordId)).map((r) => ({
      id: r.id,
      purpose: r.purpose,
      recipient: r.recipient,
      state: r.state,
      decidedOn: r.decided_on,
      createdAt: r.created_at,
    }));
  }

  async createReferral(actor: Actor, recordId: string, input: CreateReferralInput) {
    requireCapability(actor.role, 'referral.write');
    const record = await this.records.requireRecord(actor, recordId);
    this.records.requireNotErased(record);
    if (!(SERVICE_TYPES as readonly string[]).includes(input.serviceType))
      throw invalid('referral_service_invalid', `Service type must be one of: ${SERVICE_TYPES.join(', ')}.`);
    const provider = input.providerName.trim();
    if (provider === '' || provider.length > 200)
      throw invalid('referral_provider_invalid', 'Name the service provider (200 characters at most).');
    const groups = [...new Set(input.sharedGroups)];
    if (!groups.every(isFieldGroup))
      throw invalid('victim_group_unknown', `Shared groups must be among: ${FIELD_GROUPS.join(', ')}.`);

    const history = await this.history(record.id);
    const services = consentFor(history, 'services');
    const sharing = consentFor(history, 'sharing', provider);
    const missing = [...(services ? [] : ['receiving services']), ...(sharing ? [] : [`sharing with ${provider}`])];
    const override = input.overrideReason?.trim() ?? '';
    if (missing.length > 0) {
      if (override === '') {
        throw forbidden(
          'referral_consent_missing',
          `The person has not given consent to ${missing.join(' and ')}. Record their consent first, or ask a supervisor to refer with a recorded reason.`,
        );
      }
      if (!can(actor.role, 'referral.override_consent'))
        throw forbidden('referral_override_denied', `Your role (${actor.role}) cannot refer without consent.`);
      if (override.length < 10)
        throw invalid(
          'referral_override_reason',
          'Explain why the referral cannot wait for consent (at least 10 characters).',
        );
    }
    const id = newId();
    const at = this.ctx.clock.now().toISOString();
    const key = input.note ? this.protection.recordKey(record.data_key_id!, record.id) : null;
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.createReferral(
        {
          id,
          record_id: record.id,
          case_id: record.case_id,
          service_type: input.serviceType,
          provider_name: provider,
          provider_agency_id: input.providerAgencyId ?? null,
          state: 'sent',
          consent_id: missing.length === 0 ? sharing!.id : null,
          override_reason: missing.length === 0 ? null : override,
          shared_groups: JSON.stringify(groups),
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
          closed_at: null,
        },
        trx,
      );
      await this.repo.addEvent(
        {
          id: newId(),
          referral_id: id,
          at,
          actor_user_id: actor.userId,
          from_state: null,
          to_state: 'sent',
          note_sealed:
            key && input.note ? this.protection.sealJson(key, record.id, `referral-note:${id}:0`, input.note) : null,
        },
        trx,
      );
      await this.audit.record(
        actor,
        {
          action: missing.length === 0 ? 'victim.referral.create' : 'victim.referral.consent_override',
          recordType: 'victim_referral',
          recordId: id,
          caseId: record.case_id,
          details: { serviceType: input.serviceType, groups, overridden: missing.length > 0 },
        },
        trx,
      );
    });
    return (await this.repo.getReferral(id))!;
  }

  async requireReferral(actor: Actor, referralId: string) {
    const referral = await this.repo.getReferral(referralId);
    if (!referral) throw referralNotFound();
    const record = await this.records.requireRecord(actor, referral.record_id).catch(() => {
      throw referralNotFound();
    });
    return { referral, record };
  }

  async transition(actor: Actor, referralId: string, input: { to: ReferralState; note?: string | undefined }) {
    requireCapability(actor.role, 'referral.write');
    if (!(REFERRAL_STATES as readonly string[]).includes(input.to))
      throw invalid('referral_state_invalid', 'Unknown referral state.');
    const { referral, record } = await this.requireReferral(actor, referralId);
    requireTransition(referral.state as ReferralState, input.to);
    const at = this.ctx.clock.now().toISOString();
    const key = input.note && record.data_key_id ? this.protection.recordKey(record.data_key_id, record.id) : null;
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.updateReferral(
        referral.id,
        { state: input.to, updated_at: at, closed_at: input.to === 'accepted' ? null : at },
        trx,
      );
      const eventId = newId();
      await this.repo.addEvent(
        {
          id: eventId,
          referral_id: referral.id,
          at,
          actor_user_id: actor.userId,
          from_state: referral.state,
          to_state: input.to,
          note_sealed:
            key && input.note
              ? this.protection.sealJson(key, record.id, `referral-note:${referral.id}:${eventId}`, input.note)
              : null,
        },
        trx,
      );
      await this.audit.record(
        actor,
        {
          action: 'victim.referral.state',
          recordType: 'victim_referral',
          recordId: referral.id,
          caseId: referral.case_id,
          details: { from: referral.state, to: input.to },
        },
        trx,
      );
    });
    return (await this.repo.getReferral(referral.id))!;
  }

  async listReferrals(actor: Actor, recordId: string) {
    requireCapability(actor.role, 'referral.read');
    const record = await this.records.requireRecord(actor, recordId);
    return this.repo.listReferrals(record.id);
  }

  /** Every open referral in the actor's cases, oldest first, with its age in days. */
  async openReferrals(actor: Actor) {
    requireCapability(actor.role, 'referral.read');
    const caseIds = (await memberCaseIdsQuery(this.ctx.database.db, actor).distinct().execute()).map((r) => r.case_id);
    const now = this.ctx.clock.now();
    return (await this.repo.listOpen(caseIds)).map((r) => ({ ...r, ageDays: ageInDays(r.created_at, now) }));
  }

  /**
   * The referral letter (PDF) with only the consented groups the actor may read. Consent is checked again now: a
   * withdrawn consent stops the letter unless the referral was an override.
   */
  async letter(actor: Actor, referralId: string): Promise<Buffer> {
    return renderReferralLetter(await this.prepareLetter(actor, referralId));
  }

  /** What the letter will contain (logged as a read of the shared groups). */
  async prepareLetter(actor: Actor, referralId: string): Promise<ReferralLetterInput> {
    requireCapability(actor.role, 'referral.read');
    const { referral, record } = await this.requireReferral(actor, referralId);
    const keyId = this.records.requireNotErased(record);
    let basis: string;
    if (referral.override_reason) {
      basis = `without consent, authorised by a supervisor: ${referral.override_reason}`;
    } else {
      const sharing = consentFor(await this.history(record.id), 'sharing', referral.provider_name);
      if (!sharing)
        throw forbidden(
          'referral_consent_missing',
          'The consent to share with this provider has been withdrawn; the letter can no longer be produced.',
        );
      basis = `consent to share given on ${sharing.decidedOn}`;
    }
    const readable = new Set(readableGroups(actor.role));
    const groups = (JSON.parse(referral.shared_groups) as FieldGroup[]).filter((g) => readable.has(g));
    const key = this.protection.recordKey(keyId, record.id);
    const values: Partial<Record<FieldGroup, GroupValues>> = {};
    const rows = await this.ctx.database.db
      .selectFrom('victim_field_groups')
      .select(['field_group', 'sealed'])
      .where('record_id', '=', record.id)
      .where('field_group', 'in', groups.length > 0 ? groups : ['-'])
      .execute();
    for (const row of rows) {
      if (isFieldGroup(row.field_group))
        values[row.field_group] = this.protection.openJson<GroupValues>(key, record.id, row.field_group, row.sealed);
    }
    const agency = await this.ctx.database.db
      .selectFrom('agencies')
      .select(['name'])
      .where('id', '=', record.agency_id)
      .executeTakeFirst();
    const input: ReferralLetterInput = {
      code: record.code,
      serviceType: referral.service_type,
      providerName: referral.provider_name,
      fromAgency: agency?.name ?? '',
      date: this.ctx.clock.now().toISOString().slice(0, 10),
      basis,
      groups: values,
      helplines: verifiedHelplines(record.country),
    };
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.records.logAccess(actor, record.id, record.case_id, 'read', groups, null, trx);
      await this.audit.record(
        actor,
        {
          action: 'victim.referral.letter',
          recordType: 'victim_referral',
          recordId: referral.id,
          caseId: referral.case_id,
          details: { groups },
        },
        trx,
      );
    });
    return input;
  }
}
