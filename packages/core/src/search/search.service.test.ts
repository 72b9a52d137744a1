import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { CaseService, EntityService } from '@trag/core/cases';
import type { Actor } from '../shared';
import { buildActor, buildAgency, buildContext } from '../cases/cases.builders';
import { SearchService } from './search.service';

describeEachDialect('search', (dialect) => {
  let database: TestDatabase;
  let cases: CaseService;
  let entities: EntityService;
  let search: SearchService;
  let member: Actor;
  let outsider: Actor;
  let caseId: string;
  let hiddenCaseId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const ctx = buildContext(database);
    cases = new CaseService(ctx);
    entities = new EntityService(ctx);
    search = new SearchService(ctx);
  });
  afterAll(async () => database.destroy());

  beforeEach(async () => {
    const agency = await buildAgency(database, { country: 'RS', prefix: 'MUP' });
    member = await buildActor(database, { agencyId: agency.id });
    outsider = await buildActor(database, { agencyId: agency.id });
    const c = await cases.create(member, {
      title: 'Оглас: посао у Немачкој',
      type: 'labour_exploitation',
      description: 'Regrutacija preko Facebook oglasa.',
      tags: ['građevina'],
    });
    caseId = c.id;
    await entities.create(member, caseId, { type: 'person', label: 'Ђорђе Јовановић' });
    await cases.addNote(member, caseId, 'Svjedok kaže da je Djordje tražio pasoše.');
    await entities.create(member, caseId, { type: 'phone', identifier: '+381 64 1234567' });
    const hidden = await cases.create(outsider, { title: 'Posao Austrija (hidden)', type: 'other' });
    hiddenCaseId = hidden.id;
    await entities.create(outsider, hiddenCaseId, { type: 'person', label: 'Đorđe Hidden' });
  });

  const titles = async (actor: Actor, q: string) =>
    (await search.search(actor, { q })).items.map((i) => `${i.recordType}:${i.title}`).sort();

  it('finds Cyrillic text with a Latin query and vice versa', async () => {
    expect(await titles(member, 'posao')).toEqual([expect.stringMatching(/^case:MUP-2026-\d{4} Оглас: посао/)]);
    expect(await titles(member, 'ПОСАО')).toHaveLength(1);
    expect(await titles(member, 'nemackoj')).toHaveLength(1);
  });

  it('treats Đorđe, Djordje and Ђорђе as the same word', async () => {
    for (const q of ['Đorđe', 'Djordje', 'Ђорђе', 'djordje']) {
      expect(await titles(member, q)).toEqual([
        'entity:Ђорђе Јовановић',
        'note:Svjedok kaže da je Djordje tražio pasoše.',
      ]);
    }
  });

  it('finds diacritic-free spellings, tags, identifiers and prefixes', async () => {
    expect(await titles(member, 'gradjevina')).toHaveLength(1);
    expect(await titles(member, 'pasose')).toHaveLength(1);
    expect(await titles(member, '381641234567')).toEqual(['entity:+381 64 1234567']);
    expect(await titles(member, 'regrut')).toHaveLength(1);
  });

  it('never returns records of cases the user is not a member of', async () => {
    expect(await titles(outsider, 'Đorđe')).toEqual(['entity:Đorđe Hidden']);
    expect(await titles(member, 'hidden')).toEqual([]);
    expect(await titles(outsider, 'posao')).toEqual([expect.stringContaining('Posao Austrija')]);
  });

  it('keeps documents current: edited titles are found, deleted entities are not', async () => {
    await cases.update(member, caseId, { title: 'Kamionski prevoz' });
    expect(await titles(member, 'kamionski')).toHaveLength(1);
    const list = await entities.list(member, caseId, { type: 'person' });
    await entities.delete(member, list.items[0]!.id);
    expect(await titles(member, 'Јовановић')).toEqual([]);
  });

  it('takes FTS syntax and SQL characters literally', async () => {
    for (const q of [
      `'; DROP TABLE cases; --`,
      '" OR 1=1 --',
      'posao*',
      'NEAR(posao oglas)',
      'posao AND -oglas',
      'a:b',
      '100%_x\\',
    ]) {
      await expect(search.search(member, { q })).resolves.toBeDefined();
    }
    expect(await titles(member, '"posao" OR "hidden"')).toEqual([]);
    expect(await titles(member, 'posao:*')).toHaveLength(1);
    expect((await database.db.selectFrom('cases').select('id').execute()).length).toBeGreaterThan(1);
  });

  it('narrows to one record type or one case', async () => {
    const notes = await search.search(member, { q: 'djordje', type: 'note' });
    expect(notes.items.map((i) => i.recordType)).toEqual(['note']);
    expect((await search.search(member, { q: 'djordje', caseId: hiddenCaseId })).items).toEqual([]);
    expect((await search.search(member, { q: 'djordje', caseId })).items).toHaveLength(2);
  });

  it('answers a query without words with a clear 400-kind error', async () => {
    await expect(search.search(member, { q: `'"*()--;` })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'search_query_empty',
    });
  });
});
