// Entities inside a case (people, organisations, identifiers …), typed links between them, and hits: the same
// identifier in another case. A hit tells a non-member only that the identifier exists elsewhere and whom to
// contact; members of the other case get a link to it. Other domains add identifiers through addIdentifierEntity.
import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';
import type { cases } from '@trag/contracts';
import { AuditService } from '@trag/core/audit';
import { identifierTypeOf, normalizeIdentifier } from '@trag/core/identifiers';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AppError, conflict, invalid } from '../shared/errors';
import { newId } from '../shared/ids';
import { pageBounds } from '../shared/pagination';
import { CaseAccess } from './case-access';
import { presentEntity, presentLink } from './case.presenter';
import { CaseRepository } from './case.repository';
import { EntityRepository, type EntityRow } from './entity.repository';
import { SearchDocumentRepository } from './search-document.repository';

export const entityNotFound = () =>
  new AppError('not_found', 'entity_not_found', 'This entity does not exist or you are not a member of its case.');
const linkNotFound = () =>
  new AppError('not_found', 'link_not_found', 'This link does not exist or you are not a member of its case.');

export interface IdentifierEntityInput {
  /** An identifier entity type (phone, email, online_account, website, crypto_wallet, bank_account, vehicle, document) or alias. */
  type: string;
  value: string;
  /** online_account: the platform (or pass "platform:handle" as value). */
  platform?: string;
  label?: string;
  /** Where it came from: "evidence:<id>", "recruitment:<id>", "crypto:<id>" … */
  source: string;
  attributes?: Record<string, string>;
}

export interface EntityCreateInput {
  type: cases.EntityType;
  label?: string | undefined;
  identifier?: string | undefined;
  platform?: string | undefined;
  attributes?: Record<string, string> | undefined;
  source?: string | undefined;
}

export class EntityService {
  private readonly repo: EntityRepository;
  private readonly cases: CaseRepository;
  private readonly access: CaseAccess;
  private readonly audit: AuditService;
  private readonly searchDocs = new SearchDocumentRepository();

  constructor(private readonly ctx: CoreContext) {
    this.repo = new EntityRepository(ctx.database.db);
    this.cases = new CaseRepository(ctx.database.db);
    this.access = new CaseAccess(ctx);
    this.audit = new AuditService(ctx);
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  private async index(trx: Kysely<Database>, row: EntityRow): Promise<void> {
    const attributes = Object.values(JSON.parse(row.attributes) as Record<string, string>);
    await this.searchDocs.upsert(
      trx,
      {
        recordType: 'entity',
        recordId: row.id,
        caseId: row.case_id,
        title: row.label,
        body: [row.identifier_display ?? '', row.identifier_key ?? '', ...attributes],
      },
      row.updated_at,
    );
  }

  /** Checks and normalises an entity to be created; throws 400 with a clear message for bad identifiers. */
  private async prepare(
    trx: Kysely<Database>,
    actor: Actor,
    caseId: string,
    input: EntityCreateInput,
  ): Promise<EntityRow> {
    const identifierType = identifierTypeOf(input.type);
    let key: string | null = null;
    let display: string | null = null;
    if (identifierType) {
      const raw = input.identifier ?? '';
      if (!raw.trim())
        throw invalid(
          'identifier_required',
          `A ${input.type.replace('_', ' ')} needs its identifier (field "identifier").`,
          {
            field: 'identifier',
          },
        );
      const caseRow = await this.cases.getCase(caseId, trx);
      const result = normalizeIdentifier(identifierType, raw, {
        ...(input.platform ? { platform: input.platform } : {}),
        ...(caseRow ? { defaultRegion: caseRow.agency_country } : {}),
      });
      if (!result.ok)
        throw invalid('invalid_identifier', `Invalid ${input.type.replace('_', ' ')}: ${result.reason}`, {
          field: 'identifier',
          type: input.type,
        });
      key = result.value;
      display = result.display ?? result.value;
    } else {
      if (input.identifier !== undefined || input.platform !== undefined)
        throw invalid('identifier_not_applicable', `A ${input.type} has no identifier; give a "label" instead.`, {
          field: 'identifier',
        });
      if (!input.label?.trim())
        throw invalid('label_required', `A ${input.type} needs a name or description (field "label").`, {
          field: 'label',
        });
    }
    const now = this.now();
    return {
      id: newId(),
      case_id: caseId,
      entity_type: input.type,
      label: input.label?.trim() || display || '',
      identifier_key: key,
      identifier_display: display,
      attributes: JSON.stringify(input.attributes ?? {}),
      source: input.source?.trim() || 'manual',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
  }

  private async createIn(
    trx: Kysely<Database>,
    actor: Actor,
    caseId: string,
    input: EntityCreateInput,
  ): Promise<{ row: EntityRow; created: boolean }> {
    await this.access.requireWriter(actor, caseId, trx);
    const row = await this.prepare(trx, actor, caseId, input);
    const created = await this.repo.insert(trx, row);
    if (!created) {
      const existing = await this.repo.getByKey(trx, caseId, row.entity_type, row.identifier_key!);
      if (!existing) throw conflict('entity_conflict', 'The entity changed while saving. Try again.');
      return { row: existing, created: false };
    }
    await this.index(trx, row);
    await this.cases.touchCase(trx, caseId, row.created_at);
    await this.audit.record(
      actor,
      {
        action: 'entity.create',
        recordType: 'entity',
        recordId: row.id,
        caseId,
        details: { type: row.entity_type, source: row.source },
      },
      trx,
    );
    return { row, created: true };
  }

  /** Creates an entity; an identifier already in the case returns the existing entity with created=false. */
  async create(actor: Actor, caseId: string, input: EntityCreateInput): Promise<cases.EntityCreateResponse> {
    const { row, created } = await this.ctx.database.db
      .transaction()
      .execute((trx) => this.createIn(trx, actor, caseId, input));
    const hits = await this.repo.hitCounts([row.id]);
    return { entity: presentEntity(row, hits.get(row.id) ?? 0), created };
  }

  /**
   * For other domains: adds an identifier found in their records (a phone in an advert, a wallet in a trace) to a
   * case, idempotent on the normalised key. Pass your transaction to commit together with your own change.
   */
  async addIdentifierEntity(
    actor: Actor,
    caseId: string,
    input: IdentifierEntityInput,
    trx?: Kysely<Database>,
  ): Promise<{ entityId: string; created: boolean; identifierKey: string }> {
    const type = identifierTypeOf(input.type);
    if (!type) throw invalid('identifier_type_unknown', `"${input.type}" is not an identifier type.`);
    const create = (t: Kysely<Database>) =>
      this.createIn(t, actor, caseId, {
        type,
        identifier: input.value,
        platform: input.platform,
        label: input.label,
        source: input.source,
        attributes: input.attributes,
      });
    const { row, created } = trx ? await create(trx) : await this.ctx.database.db.transaction().execute(create);
    return { entityId: row.id, created, identifierKey: row.identifier_key! };
  }

  async list(actor: Actor, caseId: string, query: cases.EntityListQuery): Promise<cases.EntityListResponse> {
    await this.access.requireMember(actor, caseId);
    const { limit, offset } = pageBounds(query);
    const { rows, total } = await this.repo.list(caseId, query.type, limit, offset);
    const hits = await this.repo.hitCounts(rows.map((r) => r.id));
    await this.audit.record(actor, {
      action: 'entity.list',
      recordType: 'case',
      recordId: caseId,
      caseId,
      details: { count: rows.length },
    });
    return { items: rows.map((r) => presentEntity(r, hits.get(r.id) ?? 0)), total, limit, offset };
  }

  private async requireEntity(actor: Actor, id: string, trx?: Kysely<Database>): Promise<EntityRow> {
    const row = await this.repo.get(id, trx);
    if (!row || !(await this.access.isMember(actor, row.case_id, trx))) throw entityNotFound();
    return row;
  }

  async get(actor: Actor, id: string): Promise<cases.EntityDetail> {
    const row = await this.requireEntity(actor, id);
    const caseRow = await this.cases.getCase(row.case_id);
    const links = (await this.repo.linksOf(id)).map((l) => {
      const out = l.from_entity_id === id;
      return {
        id: l.id,
        type: l.link_type as cases.LinkType,
        direction: out ? ('out' as const) : ('in' as const),
        other: out
          ? { id: l.to_entity_id, type: l.to_type as cases.EntityType, label: l.to_label }
          : { id: l.from_entity_id, type: l.from_type as cases.EntityType, label: l.from_label },
        source: l.source,
      };
    });
    const found = await this.repo.occurrences(actor, row);
    const occurrences: cases.EntityOccurrence[] = found.map((o) =>
      o.is_member
        ? {
            access: 'member',
            caseId: o.case_id,
            caseReference: o.case_reference,
            caseTitle: o.case_title,
            entityId: o.entity_id,
            agencyName: o.agency_name,
            country: o.agency_country,
          }
        : {
            access: 'hit',
            exists: true,
            agencyName: o.agency_name,
            country: o.agency_country,
            contactPoint: o.contact_point,
          },
    );
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.audit.record(
        actor,
        { action: 'entity.read', recordType: 'entity', recordId: id, caseId: row.case_id },
        trx,
      );
      // The owners of the other case can see in their audit that someone matched their identifier.
      for (const o of found.filter((f) => !f.is_member))
        await this.audit.record(
          actor,
          {
            action: 'entity.hit',
            recordType: 'entity',
            recordId: o.entity_id,
            caseId: o.case_id,
            details: { type: row.entity_type, fromCaseId: row.case_id },
          },
          trx,
        );
    });
    return {
      entity: presentEntity(row, found.length),
      caseReference: caseRow?.reference ?? '',
      caseTitle: caseRow?.title ?? '',
      links,
      occurrences,
    };
  }

  async update(actor: Actor, id: string, patch: cases.EntityUpdateRequest): Promise<cases.Entity> {
    const row = await this.ctx.database.db.transaction().execute(async (trx) => {
      const current = await this.requireEntity(actor, id, trx);
      await this.access.requireWriter(actor, current.case_id, trx);
      const values: Partial<EntityRow> = { updated_at: this.now() };
      if (patch.label !== undefined) values.label = patch.label.trim();
      if (patch.attributes !== undefined) values.attributes = JSON.stringify(patch.attributes);
      await this.repo.update(trx, id, values);
      const next = { ...current, ...values };
      await this.index(trx, next);
      await this.cases.touchCase(trx, current.case_id, values.updated_at!);
      await this.audit.record(
        actor,
        {
          action: 'entity.update',
          recordType: 'entity',
          recordId: id,
          caseId: current.case_id,
          details: { fields: Object.keys(patch).sort() },
        },
        trx,
      );
      return next;
    });
    const hits = await this.repo.hitCounts([id]);
    return presentEntity(row, hits.get(id) ?? 0);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const current = await this.requireEntity(actor, id, trx);
      await this.access.requireWriter(actor, current.case_id, trx);
      const removedLinks = await this.repo.delete(trx, id);
      await this.searchDocs.remove(trx, 'entity', id);
      await this.cases.touchCase(trx, current.case_id, this.now());
      await this.audit.record(
        actor,
        {
          action: 'entity.delete',
          recordType: 'entity',
          recordId: id,
          caseId: current.case_id,
          details: { type: current.entity_type, removedLinks: removedLinks.length },
        },
        trx,
      );
    });
  }

  // ---- links ----

  async listLinks(actor: Actor, caseId: string): Promise<cases.EntityLinkListResponse> {
    await this.access.requireMember(actor, caseId);
    const items = (await this.repo.listLinks(caseId)).map(presentLink);
    await this.audit.record(actor, { action: 'link.list', recordType: 'case', recordId: caseId, caseId });
    return { items };
  }

  async createLink(actor: Actor, caseId: string, input: cases.EntityLinkCreateRequest): Promise<cases.EntityLink> {
    if (input.fromEntityId === input.toEntityId)
      throw invalid('link_to_itself', 'A link needs two different entities.', { field: 'toEntityId' });
    const id = newId();
    const row = await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.access.requireWriter(actor, caseId, trx);
      for (const entityId of [input.fromEntityId, input.toEntityId]) {
        const entity = await this.repo.get(entityId, trx);
        if (!entity || entity.case_id !== caseId)
          throw invalid('link_entity_not_in_case', 'Both linked entities must belong to this case.', {
            field: entityId === input.fromEntityId ? 'fromEntityId' : 'toEntityId',
          });
      }
      const row = {
        id,
        case_id: caseId,
        from_entity_id: input.fromEntityId,
        to_entity_id: input.toEntityId,
        link_type: input.type,
        source: input.source?.trim() || 'manual',
        note: input.note?.trim() ?? null,
        created_by: actor.userId,
        created_at: this.now(),
      };
      await this.repo.insertLink(trx, row);
      await this.cases.touchCase(trx, caseId, row.created_at);
      await this.audit.record(
        actor,
        {
          action: 'link.create',
          recordType: 'entity_link',
          recordId: id,
          caseId,
          details: { type: input.type, source: row.source },
        },
        trx,
      );
      return row;
    });
    return presentLink(row);
  }

  async deleteLink(actor: Actor, linkId: string): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const link = await this.repo.getLink(linkId, trx);
      if (!link || !(await this.access.isMember(actor, link.case_id, trx))) throw linkNotFound();
      await this.access.requireWriter(actor, link.case_id, trx);
      await this.repo.deleteLink(trx, linkId);
      await this.cases.touchCase(trx, link.case_id, this.now());
      await this.audit.record(
        actor,
        { action: 'link.delete', recordType: 'entity_link', recordId: linkId, caseId: link.case_id },
        trx,
      );
    });
  }
}
