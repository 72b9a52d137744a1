// Victim records: pseudonymous code, status, classification and sealed field groups, with every protected read
// and write checked by the field policy and written to the record's access log (and the audit chain).
import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';
import { AuditService } from '../audit';
import { CaseAccess } from '../cases';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AppError, forbidden, invalid } from '../shared/errors';
import { newId } from '../shared/ids';
import {
  FIELD_GROUPS,
  VICTIM_STATUSES,
  isFieldGroup,
  validateClassification,
  validateGroupValues,
  type Classification,
  type FieldGroup,
  type GroupValues,
  type VictimStatus,
} from './field-groups';
import { can, readableGroups, requireCapability, requireWritable, writableGroups } from './victim.policy';
import type { VictimProtection } from './victim-protection';
import { VictimRepository, type VictimRecordRow } from './victim.repository';

export interface CreateVictimInput {
  caseId: string;
  classification: Classification;
  status?: VictimStatus;
  statusBody?: string | null;
  statusDate?: string | null;
  groups?: Partial<Record<FieldGroup, Record<string, unknown>>>;
}

export interface VictimRecordView {
  record: VictimRecordRow;
  /** Decrypted groups the actor may read (absent groups: not readable, or empty). */
  groups: Partial<Record<FieldGroup, GroupValues>>;
  readable: FieldGroup[];
  writable: FieldGroup[];
  breakGlass: boolean;
}

export const victimNotFound = () =>
  new AppError(
    'not_found',
    'victim_not_found',
    'This victim record does not exist or you are not a member of its case. Ask the case lead.',
  );

export class VictimRecordService {
  private readonly repo: VictimRepository;
  private readonly audit: AuditService;
  private readonly access: CaseAccess;

  constructor(
    private readonly ctx: CoreContext,
    private readonly protection: VictimProtection,
  ) {
    this.repo = new VictimRepository(ctx.database.db);
    this.audit = new AuditService(ctx);
    this.access = new CaseAccess(ctx);
  }

  /** The record and the actor's case membership; a hidden and a missing record look the same. */
  async requireRecord(actor: Actor, recordId: string, trx?: Kysely<Database>): Promise<VictimRecordRow> {
    const record = await this.repo.get(recordId, trx);
    if (!record) throw victimNotFound();
    if (!(await this.access.isMember(actor, record.case_id, trx))) throw victimNotFound();
    return record;
  }

  requireNotErased(record: VictimRecordRow): string {
    if (record.erased_at || !record.data_key_id) {
      throw new AppError(
        'conflict',
        'victim_data_erased',
        "This record's protected data has been erased; only the audit stub remains.",
      );
    }
    return record.data_key_id;
  }

  async create(actor: Actor, input: CreateVictimInput): Promise<VictimRecordView> {
    requireCapability(actor.role, 'record.create');
    const membership = await this.access.requireWriter(actor, input.caseId);
    const classification = validateClassification(input.classification);
    const groups = this.validateGroups(input.groups ?? {});
    requireWritable(actor.role, Object.keys(groups) as FieldGroup[]);
    const status = input.status ?? 'presumed';
    if (!(VICTIM_STATUSES as readonly string[]).includes(status))
      throw invalid('victim_status_invalid', 'Unknown status.');

    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const year = now.getUTCFullYear();
    const id = newId();
    const agency = await this.ctx.database.db
      .selectFrom('agencies')
      .select(['country'])
      .where('id', '=', actor.agencyId)
      .executeTakeFirst();
    // The key is created first (in the vault); if the transaction fails, an unused key is left behind, never data.
    const { keyId, key } = this.protection.newRecordKey(id);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const n = await this.repo.nextCodeNumber(actor.agencyId, year, trx);
      await this.repo.create(
        {
          id,
          case_id: membership.caseId,
          agency_id: actor.agencyId,
          code: `V-${year}-${String(n).padStart(4, '0')}`,
          data_key_id: keyId,
          status,
          status_body: input.statusBody ?? null,
          status_date: input.statusDate ?? null,
          gender: classification.gender,
          age_band: classification.ageBand,
          is_child: classification.isChild ? 1 : 0,
          nationality: classification.nationality,
          exploitation_types: JSON.stringify(classification.exploitationTypes),
          recruitment_method: classification.recruitmentMethod,
          country: agency?.country ?? 'XX',
          registration_year: year,
          owner_user_id: actor.userId,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
          erased_at: null,
          erased_by: null,
          erasure_reason: null,
        },
        trx,
      );
      const names = Object.keys(groups) as FieldGroup[];
      for (const group of names) {
        await this.repo.putGroup(
          id,
          group,
          this.protection.sealJson(key, id, group, groups[group]),
          actor.userId,
          at,
          trx,
        );
      }
      if (names.length > 0) await this.logAccess(actor, id, membership.caseId, 'write', names, null, trx);
      await this.audit.record(
        actor,
        {
          action: 'victim.create',
          recordType: 'victim_record',
          recordId: id,
          caseId: membership.caseId,
          details: { groups: names },
        },
        trx,
      );
    });
    return this.open(actor, id);
  }

  async listForCase(actor: Actor, caseId: string): Promise<VictimRecordRow[]> {
    await this.access.requireMember(actor, caseId);
    const rows = await this.repo.listByCase(caseId);
    await this.audit.record(actor, {
      action: 'victim.list',
      recordType: 'case',
      recordId: caseId,
      caseId,
      details: { count: rows.length },
    });
    return rows;
  }

  /**
   * Opens a record: the groups the actor's role may read are decrypted; with `breakGlassReason` (roles allowed to
   * break the glass) every group is, the owner is alerted and the reason kept. Every protected read is logged.
   */
  async open(
    actor: Actor,
    recordId: string,
    options: { breakGlassReason?: string | undefined } = {},
  ): Promise<VictimRecordView> {
    const record = await this.requireRecord(actor, recordId);
    let groups: readonly FieldGroup[] = readableGroups(actor.role);
    let breakGlass = false;
    const reason = options.breakGlassReason?.trim();
    if (reason !== undefined && reason !== '') {
      if (!can(actor.role, 'break_glass'))
        throw forbidden('victim_break_glass_denied', `Your role (${actor.role}) cannot use break-glass access.`);
      if (reason.length < 10)
        throw invalid('victim_break_glass_reason', 'Write why you need emergency access (at least 10 characters).');
      groups = FIELD_GROUPS;
      breakGlass = true;
    }
    const view: VictimRecordView = {
      record,
      groups: {},
      readable: [...groups],
      writable: [...writableGroups(actor.role)],
      breakGlass,
    };
    if (record.erased_at || !record.data_key_id || groups.length === 0) return view;
    const key = this.protection.recordKey(record.data_key_id, record.id);
    const rows = await this.repo.getGroups(record.id, groups);
    for (const row of rows) {
      if (isFieldGroup(row.field_group))
        view.groups[row.field_group] = this.protection.openJson<GroupValues>(
          key,
          record.id,
          row.field_group,
          row.sealed,
        );
    }
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.logAccess(
        actor,
        record.id,
        record.case_id,
        breakGlass ? 'break_glass_read' : 'read',
        groups,
        breakGlass ? reason! : null,
        trx,
      );
      await this.audit.record(
        actor,
        {
          action: breakGlass ? 'victim.break_glass' : 'victim.read',
          recordType: 'victim_record',
          recordId: record.id,
          caseId: record.case_id,
          details: { groups: [...groups], breakGlass },
        },
        trx,
      );
    });
    return view;
  }

  /** Replaces whole field groups the actor may write. */
  async updateGroups(
    actor: Actor,
    recordId: string,
    input: Partial<Record<FieldGroup, Record<string, unknown>>>,
  ): Promise<VictimRecordView> {
    const groups = this.validateGroups(input);
    const names = Object.keys(groups) as FieldGroup[];
    if (names.length === 0) throw invalid('victim_nothing_to_change', 'Send at least one field group to change.');
    const record = await this.requireRecord(actor, recordId);
    requireWritable(actor.role, names);
    const keyId = this.requireNotErased(record);
    const key = this.protection.recordKey(keyId, record.id);
    const at = this.ctx.clock.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      for (const group of names) {
        await this.repo.putGroup(
          record.id,
          group,
          this.protection.sealJson(key, record.id, group, groups[group]),
          actor.userId,
          at,
          trx,
        );
      }
      await this.repo.update(record.id, { updated_at: at }, trx);
      await this.logAccess(actor, record.id, record.case_id, 'write', names, null, trx);
      await this.audit.record(
        actor,
        {
          action: 'victim.update',
          recordType: 'victim_record',
          recordId: record.id,
          caseId: record.case_id,
          details: { groups: names },
        },
        trx,
      );
    });
    return this.open(actor, record.id);
  }

  async setStatus(
    actor: Actor,
    recordId: string,
    input: {
      status: VictimStatus;
      statusBody: string | null;
      statusDate: string | null;
      classification?: Classification;
    },
  ): Promise<VictimRecordRow> {
    requireCapability(actor.role, 'record.status');
    const record = await this.requireRecord(actor, recordId);
    if (!(VICTIM_STATUSES as readonly string[]).includes(input.status))
      throw invalid('victim_status_invalid', 'Unknown status.');
    if (input.status !== 'presumed' && (!input.statusBody || !input.statusDate)) {
      throw invalid('victim_status_body_required', 'Name the identifying body and the date of its decision.');
    }
    if (input.statusDate && !/^\d{4}-\d{2}-\d{2}$/.test(input.statusDate))
      throw invalid('victim_status_date', 'Write the date as YYYY-MM-DD.');
    const c = input.classification ? validateClassification(input.classification) : null;
    const at = this.ctx.clock.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.update(
        record.id,
        {
          status: input.status,
          status_body: input.statusBody,
          status_date: input.statusDate,
          updated_at: at,
          ...(c
            ? {
                gender: c.gender,
                age_band: c.ageBand,
                is_child: c.isChild ? 1 : 0,
                nationality: c.nationality,
                exploitation_types: JSON.stringify(c.exploitationTypes),
                recruitment_method: c.recruitmentMethod,
              }
            : {}),
        },
        trx,
      );
      await this.audit.record(
        actor,
        {
          action: 'victim.status',
          recordType: 'victim_record',
          recordId: record.id,
          caseId: record.case_id,
          details: { status: input.status },
        },
        trx,
      );
    });
    return (await this.repo.get(record.id))!;
  }

  /** "Who looked at my client's file": the record's access log (itself audited). */
  async accessLog(actor: Actor, recordId: string, limit = 100, offset = 0) {
    requireCapability(actor.role, 'access_log.read');
    const record = await this.requireRecord(actor, recordId);
    const page = await this.repo.listAccess(record.id, limit, offset);
    await this.audit.record(actor, {
      action: 'victim.access_log.read',
      recordType: 'victim_record',
      recordId: record.id,
      caseId: record.case_id,
    });
    return page;
  }

  async breakGlassAlerts(actor: Actor) {
    return this.repo.openBreakGlassAlerts(actor.userId);
  }

  async acknowledgeAlert(actor: Actor, entryId: string): Promise<void> {
    const ok = await this.repo.acknowledgeAlert(entryId, actor.userId, this.ctx.clock.now().toISOString());
    if (!ok) throw new AppError('not_found', 'victim_alert_not_found', 'This alert does not exist or is not yours.');
  }

  async logAccess(
    actor: Actor,
    recordId: string,
    caseId: string,
    action: 'read' | 'write' | 'break_glass_read',
    groups: readonly string[],
    reason: string | null,
    trx?: Kysely<Database>,
  ): Promise<void> {
    await this.repo.logAccess(
      {
        id: newId(),
        record_id: recordId,
        case_id: caseId,
        at: this.ctx.clock.now().toISOString(),
        actor_user_id: actor.userId,
        actor_name: actor.displayName,
        actor_role: actor.role,
        action,
        field_groups: JSON.stringify([...groups]),
        reason,
        acknowledged_at: null,
      },
      trx,
    );
  }

  private validateGroups(
    input: Partial<Record<string, Record<string, unknown>>>,
  ): Partial<Record<FieldGroup, GroupValues>> {
    const out: Partial<Record<FieldGroup, GroupValues>> = {};
    for (const [name, values] of Object.entries(input)) {
      if (!isFieldGroup(name))
        throw invalid('victim_group_unknown', `"${name}" is not a field group of a victim record.`, { group: name });
      if (values === undefined) continue;
      out[name] = validateGroupValues(name, values);
    }
    return out;
  }
}
