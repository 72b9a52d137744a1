// Agencies and their units. Creating an agency is the installation operator's act (CLI, demo loader); each
// agency's administrators then edit it and its units. Everyone logged in may read agencies and units, so that
// cases can name members from other agencies.
import type { identity } from '@trag/contracts';
import { AuditService } from '../audit';
import { AGENCY_KINDS, type Actor, type AgencyKind } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { conflict, forbidden, invalid, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { AgencyRepository, type AgencyRow } from './agency.repository';
import { canCreateAgency, requireManageAgency } from './identity.policy';
import { presentAgency, presentUnit } from './identity.presenter';

export interface CreateAgencyInput {
  name: string;
  country: string;
  kind: string;
  referencePrefix?: string | undefined;
  requireTotp?: boolean | undefined;
}

export function isAgencyKind(value: string): value is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(value);
}

export class AgencyService {
  private readonly agencies: AgencyRepository;
  private readonly audit: AuditService;

  constructor(private readonly ctx: CoreContext) {
    this.agencies = new AgencyRepository(ctx.database.db);
    this.audit = new AuditService(ctx);
  }

  private async requireAgency(id: string): Promise<AgencyRow> {
    const agency = await this.agencies.get(id);
    if (!agency) throw notFound('agency_not_found', 'There is no such agency.');
    return agency;
  }

  async create(actor: Actor, input: CreateAgencyInput): Promise<identity.Agency> {
    if (!canCreateAgency(actor)) {
      throw forbidden(
        'agency_create_operator_only',
        'Agencies are added by the operator of this installation (trag agency add).',
      );
    }
    const name = input.name.trim();
    const country = input.country.trim().toUpperCase();
    if (name.length < 2 || name.length > 200)
      throw invalid('invalid_agency_name', 'An agency name is 2–200 characters.');
    if (!/^[A-Z]{2}$/.test(country)) {
      throw invalid('invalid_country', 'The country must be a two-letter ISO 3166-1 code such as BA, ME, MK or RS.');
    }
    if (!isAgencyKind(input.kind)) {
      throw invalid('invalid_agency_kind', `The kind must be one of: ${AGENCY_KINDS.join(', ')}.`);
    }
    if (await this.agencies.getByName(name)) {
      throw conflict('agency_exists', `An agency named "${name}" already exists.`);
    }
    const referencePrefix =
      input.referencePrefix?.trim() ||
      name
        .split(/\s+/)
        .map((w) => w[0] ?? '')
        .join('')
        .replace(/[^A-Za-z0-9]/g, '')
        .toUpperCase()
        .slice(0, 8) ||
      'CASE';
    const row: AgencyRow = {
      id: newId(),
      name,
      country,
      kind: input.kind,
      reference_prefix: referencePrefix,
      require_totp: input.requireTotp ? 1 : 0,
      created_at: this.ctx.clock.now().toISOString(),
    };
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.agencies.create(row, trx);
      await this.audit.record(
        actor,
        { action: 'agency.create', recordType: 'agency', recordId: row.id, details: { country, kind: row.kind } },
        trx,
      );
    });
    return presentAgency(row);
  }

  async list(): Promise<identity.Agency[]> {
    return (await this.agencies.list()).map(presentAgency);
  }

  async get(id: string): Promise<identity.Agency> {
    return presentAgency(await this.requireAgency(id));
  }

  /** Finds an agency by id or exact name (CLI --agency). */
  async find(idOrName: string): Promise<identity.Agency> {
    const agency = (await this.agencies.get(idOrName)) ?? (await this.agencies.getByName(idOrName.trim()));
    if (!agency)
      throw notFound('agency_not_found', `There is no agency "${idOrName}". List them with "trag agency list".`);
    return presentAgency(agency);
  }

  async update(actor: Actor, id: string, changes: identity.UpdateAgencyRequest): Promise<identity.Agency> {
    await this.requireAgency(id);
    requireManageAgency(actor, id);
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.agencies.update(
        id,
        {
          ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
          ...(changes.referencePrefix !== undefined ? { reference_prefix: changes.referencePrefix } : {}),
          ...(changes.requireTotp !== undefined ? { require_totp: changes.requireTotp ? 1 : 0 } : {}),
        },
        trx,
      );
      await this.audit.record(
        actor,
        {
          action: 'agency.update',
          recordType: 'agency',
          recordId: id,
          details: { fields, ...(changes.requireTotp !== undefined ? { requireTotp: changes.requireTotp } : {}) },
        },
        trx,
      );
    });
    return this.get(id);
  }

  async listUnits(agencyId: string): Promise<identity.AgencyUnit[]> {
    await this.requireAgency(agencyId);
    return (await this.agencies.listUnits(agencyId)).map(presentUnit);
  }

  async createUnit(actor: Actor, agencyId: string, name: string): Promise<identity.AgencyUnit> {
    await this.requireAgency(agencyId);
    requireManageAgency(actor, agencyId);
    const trimmed = name.trim();
    if ((await this.agencies.listUnits(agencyId)).some((u) => u.name.toLowerCase() === trimmed.toLowerCase())) {
      throw conflict('unit_exists', `The agency already has a unit named "${trimmed}".`);
    }
    const row = { id: newId(), agency_id: agencyId, name: trimmed, created_at: this.ctx.clock.now().toISOString() };
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.agencies.createUnit(row, trx);
      await this.audit.record(
        actor,
        { action: 'agency.unit_create', recordType: 'agency_unit', recordId: row.id },
        trx,
      );
    });
    return presentUnit(row);
  }
}
