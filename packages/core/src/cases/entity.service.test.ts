import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import type { Actor } from '../shared';
import { buildActor, buildAgency, buildContext } from './cases.builders';
import { CaseService } from './case.service';
import { EntityService } from './entity.service';

describeEachDialect('entity service', (dialect) => {
  let database: TestDatabase;
  let cases: CaseService;
  let entities: EntityService;
  let sarajevo: Actor;
  let podgorica: Actor;
  let caseA: string;
  let caseB: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const ctx = buildContext(database);
    cases = new CaseService(ctx);
    entities = new EntityService(ctx);
  });
  afterAll(async () => database.destroy());

  beforeEach(async () => {
    const ba = await buildAgency(database, { name: 'SIPA', country: 'BA', prefix: 'SIPA' });
    const me = await buildAgency(database, { name: 'Uprava policije', country: 'ME', prefix: 'UP' });
    sarajevo = await buildActor(database, { agencyId: ba.id });
    podgorica = await buildActor(database, { agencyId: me.id });
    caseA = (
      await cases.create(sarajevo, {
        title: 'Secret A',
        type: 'labour_exploitation',
        contactPoint: 'SIPA duty desk, +387 33 000 000',
      })
    ).id;
    caseB = (await cases.create(podgorica, { title: 'Secret B', type: 'sexual_exploitation' })).id;
  });

  it('normalises identifiers and is idempotent on the normalised key', async () => {
    const first = await entities.create(sarajevo, caseA, { type: 'phone', identifier: '061 123 456' });
    expect(first).toMatchObject({ created: true, entity: { identifierKey: '+38761123456', label: '+387 61 123 456' } });
    const again = await entities.create(sarajevo, caseA, { type: 'phone', identifier: '+387 61 123-456' });
    expect(again).toMatchObject({ created: false, entity: { id: first.entity.id } });
    const viaService = await entities.addIdentifierEntity(sarajevo, caseA, {
      type: 'phone',
      value: '0038761123456',
      source: 'recruitment:ad-1',
    });
    expect(viaService).toEqual({ entityId: first.entity.id, created: false, identifierKey: '+38761123456' });
  });

  it("adds identifiers inside another domain's transaction: they commit or roll back with it", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await entities.addIdentifierEntity(
          sarajevo,
          caseA,
          { type: 'wallet', value: '0x52908400098527886E0F7030069857D2E4169EE7', source: 'crypto:t1' },
          trx,
        );
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect((await entities.list(sarajevo, caseA, {})).total).toBe(0);
    const added = await database.db
      .transaction()
      .execute((trx) =>
        entities.addIdentifierEntity(
          sarajevo,
          caseA,
          { type: 'handle', value: 'telegram:@Rad_DE_Demo', source: 'recruitment:ad-7' },
          trx,
        ),
      );
    expect(added).toMatchObject({ created: true, identifierKey: 'telegram:rad_de_demo' });
    const [entity] = (await entities.list(sarajevo, caseA, {})).items;
    expect(entity).toMatchObject({ type: 'online_account', source: 'recruitment:ad-7', label: '@rad_de_demo' });
    await expect(
      entities.addIdentifierEntity(podgorica, caseA, { type: 'phone', value: '061 123 456', source: 'x' }),
    ).rejects.toMatchObject({ code: 'case_not_found' });
  });

  it('rejects invalid identifiers with a clear message and stores nothing', async () => {
    for (const [type, identifier] of [
      ['phone', 'call me maybe'],
      ['email', 'not-an-email'],
      ['bank_account', 'BA38 1290 0794 0102 8494'],
      ['crypto_wallet', '0x123'],
      ['website', 'javascript:alert(1)'],
    ] as const) {
      await expect(entities.create(sarajevo, caseA, { type, identifier })).rejects.toMatchObject({
        kind: 'invalid',
        code: 'invalid_identifier',
      });
    }
    await expect(entities.create(sarajevo, caseA, { type: 'person' })).rejects.toMatchObject({
      code: 'label_required',
    });
    await expect(entities.create(sarajevo, caseA, { type: 'phone' })).rejects.toMatchObject({
      code: 'identifier_required',
    });
    expect((await entities.list(sarajevo, caseA, {})).total).toBe(0);
  });

  it('refuses entities in cases the actor is not a member of', async () => {
    await expect(entities.create(podgorica, caseA, { type: 'person', label: 'X' })).rejects.toMatchObject({
      code: 'case_not_found',
    });
  });

  it('reports a hit to a non-member without revealing the other case', async () => {
    await entities.create(sarajevo, caseA, { type: 'phone', identifier: '+382 67 123 456', label: 'Recruiter phone' });
    const mine = await entities.create(podgorica, caseB, { type: 'phone', identifier: '067 123 456' });
    expect(mine.entity.hitCount).toBe(1);
    const detail = await entities.get(podgorica, mine.entity.id);
    expect(detail.occurrences).toEqual([
      {
        access: 'hit',
        exists: true,
        agencyName: 'SIPA',
        country: 'BA',
        contactPoint: 'SIPA duty desk, +387 33 000 000',
      },
    ]);
    const text = JSON.stringify(detail);
    expect(text).not.toContain('Secret A');
    expect(text).not.toContain(caseA);
    expect(text).not.toContain('Recruiter phone');
    // The owners of case A see in their audit that their identifier was matched.
    const hitAudit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('case_id', '=', caseA)
      .where('action', '=', 'entity.hit')
      .execute();
    expect(hitAudit).toEqual([{ action: 'entity.hit', actor_user_id: podgorica.userId }]);
  });

  it('links to the other case when the actor is a member of both', async () => {
    await cases.addMember(sarajevo, caseA, { userId: podgorica.userId, caseRole: 'analyst' });
    const theirs = await entities.create(sarajevo, caseA, { type: 'email', identifier: 'Posao@Example.org' });
    const mine = await entities.create(podgorica, caseB, { type: 'email', identifier: 'posao@example.org' });
    const detail = await entities.get(podgorica, mine.entity.id);
    expect(detail.occurrences).toEqual([
      expect.objectContaining({ access: 'member', caseId: caseA, entityId: theirs.entity.id, caseTitle: 'Secret A' }),
    ]);
  });

  it('links entities of the same case, records the source, and removes links with the entity', async () => {
    const person = await entities.create(sarajevo, caseA, { type: 'person', label: 'Đorđe Petrović' });
    const account = await entities.create(sarajevo, caseA, {
      type: 'online_account',
      platform: 'facebook',
      identifier: 'https://facebook.com/posao.njemacka',
    });
    const other = await entities.create(podgorica, caseB, { type: 'person', label: 'Other' });
    const link = await entities.createLink(sarajevo, caseA, {
      fromEntityId: person.entity.id,
      toEntityId: account.entity.id,
      type: 'uses',
      source: 'evidence:screenshot-3',
    });
    expect(link).toMatchObject({ type: 'uses', source: 'evidence:screenshot-3' });
    await expect(
      entities.createLink(sarajevo, caseA, {
        fromEntityId: person.entity.id,
        toEntityId: other.entity.id,
        type: 'uses',
      }),
    ).rejects.toMatchObject({ code: 'link_entity_not_in_case' });
    const detail = await entities.get(sarajevo, person.entity.id);
    expect(detail.links).toEqual([
      expect.objectContaining({
        type: 'uses',
        direction: 'out',
        other: expect.objectContaining({ type: 'online_account' }),
      }),
    ]);
    await entities.delete(sarajevo, account.entity.id);
    expect((await entities.listLinks(sarajevo, caseA)).items).toEqual([]);
    await expect(entities.get(sarajevo, account.entity.id)).rejects.toMatchObject({ code: 'entity_not_found' });
  });

  it('hides entities of other cases behind entity_not_found', async () => {
    const person = await entities.create(sarajevo, caseA, { type: 'person', label: 'Hidden person' });
    await expect(entities.get(podgorica, person.entity.id)).rejects.toMatchObject({ code: 'entity_not_found' });
    await expect(entities.update(podgorica, person.entity.id, { label: 'x' })).rejects.toMatchObject({
      code: 'entity_not_found',
    });
  });
});
