import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '@trag/db/testing';
import type { TragDatabase } from '@trag/db';
import { CaseService } from '@trag/core/cases';
import { newId, type Actor, type CoreContext } from '@trag/core/shared';
import { RecruitmentAnalyzer } from './analyzer';
import { RecruitmentService } from './recruitment.service';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const AT = '2026-11-30T09:00:00.000Z';

async function buildActor(database: TragDatabase, agencyId: string): Promise<Actor> {
  const id = newId();
  await database.db
    .insertInto('users')
    .values({
      id,
      agency_id: agencyId,
      unit_id: null,
      username: `u-${id.slice(0, 8)}`,
      display_name: 'Analyst',
      email: null,
      role: 'analyst',
      password_hash: 'x',
      locale: 'en',
      disabled: 0,
      totp_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return {
    userId: id,
    username: `u-${id.slice(0, 8)}`,
    displayName: 'Analyst',
    agencyId,
    unitId: null,
    role: 'analyst',
    ip: '127.0.0.1',
    via: 'session',
  };
}

describeEachDialect('recruitment store', (dialect) => {
  let database: TragDatabase;
  let ctx: CoreContext;
  let actor: Actor;
  let outsider: Actor;
  let caseId: string;
  let service: RecruitmentService;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    let t = Date.parse(AT);
    ctx = { database, clock: { now: () => new Date((t += 1000)) }, dataDir: '/nonexistent' };
    const agencyId = newId();
    await database.db
      .insertInto('agencies')
      .values({
        id: agencyId,
        name: 'Police',
        country: 'BA',
        kind: 'police',
        reference_prefix: 'TST',
        require_totp: 0,
        created_at: AT,
      })
      .execute();
    actor = await buildActor(database, agencyId);
    outsider = await buildActor(database, agencyId);
    caseId = (
      await new CaseService(ctx).create(actor, { title: 'Oglasi za rad u Austriji', type: 'labour_exploitation' })
    ).id;
    service = new RecruitmentService(ctx);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('refuses a file with a malformed line when all-or-nothing, naming the line, and stores nothing', async () => {
    await expect(
      service.importItems(actor, caseId, { bytes: fixture('ads.jsonl'), format: 'jsonl', mode: 'all_or_nothing' }),
    ).rejects.toMatchObject({
      code: 'import_lines_malformed',
      details: { errors: [{ line: 2, message: 'not valid JSON' }] },
    });
    expect((await service.listItems(actor, caseId, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('imports CSV with a column mapping, skipping bad lines, sorted by score with network signals', async () => {
    const outcome = await service.importItems(actor, caseId, {
      bytes: fixture('ads.csv'),
      format: 'csv',
      mapping: { id: 'id', text: 'text', url: 'url' },
      mode: 'skip_bad',
    });
    expect(outcome.itemsImported).toBe(3);
    expect(outcome.errors).toEqual([{ line: 5, message: 'the "text" field is missing or empty' }]);
    const list = await service.listItems(actor, caseId, { limit: 10, offset: 0 });
    expect(list.rows.map((r) => r.external_id)).toEqual(['ad-1', 'ad-2', 'ad-3']);
    expect(list.rows[0]!.flagged).toBe(1);
  });

  it('reads Windows-1251 Cyrillic and Windows-1250 Latin text files', async () => {
    const cyr = await service.importItems(actor, caseId, {
      bytes: fixture('ads-cp1251.txt'),
      format: 'text',
      mode: 'skip_bad',
    });
    expect(cyr.encoding).toBe('windows-1251');
    expect(cyr.itemsImported).toBe(2);
    const lat = await service.importItems(actor, caseId, {
      bytes: fixture('ads-cp1250.txt'),
      format: 'text',
      encoding: 'windows-1250',
      mode: 'skip_bad',
    });
    expect(lat.itemsImported).toBe(1);
    const list = await service.listItems(actor, caseId, { limit: 50, offset: 0 });
    expect(list.rows.some((r) => r.text.startsWith('Потребне девојке'))).toBe(true);
    expect(list.rows.some((r) => r.text.includes('smještaj'))).toBe(true);
  });

  it('cancels an import without leaving anything behind', async () => {
    const before = (await service.listItems(actor, caseId, { limit: 1, offset: 0 })).total;
    const controller = new AbortController();
    controller.abort();
    await expect(
      service.importItems(
        actor,
        caseId,
        { bytes: fixture('ads.csv'), format: 'csv', mode: 'skip_bad' },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ code: 'import_cancelled' });
    expect((await service.listItems(actor, caseId, { limit: 1, offset: 0 })).total).toBe(before);
  });

  it('cancelled once analysis is done (while saving), an import leaves nothing behind either', async () => {
    const cancelCase = (await new CaseService(ctx).create(actor, { title: 'Cancel', type: 'labour_exploitation' })).id;
    const controller = new AbortController();
    await expect(
      service.importItems(
        actor,
        cancelCase,
        { bytes: fixture('ads.csv'), format: 'csv', mode: 'skip_bad' },
        { signal: controller.signal, onSaving: () => controller.abort() },
      ),
    ).rejects.toMatchObject({ code: 'import_cancelled' });
    expect((await service.listItems(actor, cancelCase, { limit: 1, offset: 0 })).total).toBe(0);
    const imports = await database.db
      .selectFrom('recruitment_imports')
      .select('id')
      .where('case_id', '=', cancelCase)
      .execute();
    expect(imports).toEqual([]);
  });

  it('stores texts and fields exactly as read, whatever characters they hold (bulk insert quoting)', async () => {
    const quotingCase = (await new CaseService(ctx).create(actor, { title: 'Quoting', type: 'labour_exploitation' }))
      .id;
    const records = [
      { id: 'q1', text: 'Quotes "x", a backslash \\ and {braces, commas}', url: 'https://x.rs/"q"', source: 'NULL' },
      { id: 'q2', text: 'NULL', posted_at: '2026-11-01T10:00:00Z' },
      { id: 'q3', text: 'Line one\nline two\ttab, Ћирилица и ä — viber +381 64 555 1111', source: '{}' },
    ];
    const lines = records.map((r) => JSON.stringify(r));
    const outcome = await service.importItems(actor, quotingCase, {
      bytes: Buffer.from(lines.join('\n')),
      format: 'jsonl',
      mode: 'all_or_nothing',
    });
    expect(outcome.itemsImported).toBe(3);
    const rows = (await service.listItems(actor, quotingCase, { limit: 10, offset: 0 })).rows;
    for (const record of records) {
      const row = rows.find((r) => r.external_id === record.id)!;
      expect({ text: row.text, url: row.url, source: row.source, posted_at: row.posted_at }).toEqual({
        text: record.text,
        url: record.url ?? null,
        source: record.source ?? null,
        posted_at: record.posted_at ?? null,
      });
    }
    const phone = rows.find((r) => r.external_id === 'q3')!;
    const detail = await service.getItem(actor, phone.id);
    expect(detail.identifiers.map((i) => [i.type, i.value])).toContainEqual(['viber', '+381645551111']);
  });

  it('shows an item with its highlighted indicators and identifiers, and keeps analysts’ marks', async () => {
    const top = (await service.listItems(actor, caseId, { limit: 1, offset: 0 })).rows[0]!;
    const detail = await service.getItem(actor, top.id);
    const upfront = detail.analysis.indicators.find((i) => i.id === 'rec_upfront_fee');
    expect(upfront && top.text.slice(upfront.start, upfront.end)).toMatch(/kotizacija/i);
    expect(detail.identifiers.map((i) => i.type)).toContain('phone');
    const marked = await service.markItem(actor, top.id, 'relevant');
    expect(marked.relevance).toBe('relevant');
    await expect(service.getItem(outsider, top.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('builds the network (one phone across many items) and exports GraphML, CSV and FollowTheMoney', async () => {
    const view = await service.network(actor, caseId);
    const phone = view.identifiers.find((i) => i.key === 'phone:+381641112222')!;
    expect(phone.degree).toBeGreaterThanOrEqual(4);
    const graphml = await service.exportNetwork(actor, caseId, 'graphml');
    expect(graphml.body).toContain('<graphml');
    expect(graphml.body).toContain('+381641112222');
    const csv = await service.exportNetwork(actor, caseId, 'csv');
    expect(csv.body.split('\r\n')[0]).toBe('type,value,items,first_seen,last_seen,sources,item_ids');
    const ftm = (await service.exportNetwork(actor, caseId, 'ftm')).body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { schema: string });
    expect(new Set(ftm.map((e) => e.schema))).toEqual(new Set(['LegalEntity', 'PlainText', 'UnknownLink']));
  });

  it('counts the on-screen network in the database, the same as building it from every link', async () => {
    const full = await service.network(actor, caseId);
    const byId = (items: Array<{ id: string }>) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    const counted = await service.network(actor, caseId, { limit: 1000, itemsPerIdentifier: 1000 });
    expect(counted.identifiers).toEqual(full.identifiers);
    expect(counted.edges).toEqual(full.edges);
    expect(byId(counted.items)).toEqual(byId(full.items));
    expect(counted.totals).toEqual(full.totals);
    expect(counted.truncated).toBe(false);

    const top = await service.network(actor, caseId, { minDegree: 2, limit: 1, itemsPerIdentifier: 2 });
    const shared = full.identifiers.filter((i) => i.degree >= 2);
    expect(top.identifiers).toEqual([{ ...shared[0]!, itemIds: shared[0]!.itemIds.slice(0, 2) }]);
    expect(top.edges).toHaveLength(2);
    expect(top.totals).toEqual({
      identifiers: shared.length,
      items: new Set(shared.flatMap((i) => i.itemIds)).size,
      edges: shared.reduce((sum, i) => sum + i.degree, 0),
    });
    expect(top.truncated).toBe(true);
  });
  it('adds a phone from the network to the case as an entity, once', async () => {
    const first = await service.addIdentifierToCase(actor, caseId, { type: 'phone', value: '+381641112222' });
    const again = await service.addIdentifierToCase(actor, caseId, { type: 'phone', value: '+381641112222' });
    expect(again.entityId).toBe(first.entityId);
    expect(again.created).toBe(false);
    await expect(
      service.addIdentifierToCase(actor, caseId, { type: 'phone', value: '+38160000000' }),
    ).rejects.toMatchObject({
      code: 'recruitment_identifier_not_found',
    });
  });
  it('shows the template ads of a case: one cluster across scripts, its slots, the phone its copies share', async () => {
    const templateCase = (
      await new CaseService(ctx).create(actor, { title: 'Template ads', type: 'labour_exploitation' })
    ).id;
    const ad = (city: string, phone: string) =>
      `Tražimo konobarice za rad u ${city}, plata 2500 EUR mjesečno, smještaj i hrana besplatni, ` +
      `bez iskustva i bez jezika, javite se odmah na Viber ${phone}`;
    const lines = [
      { id: 'a', text: ad('Beču', '+381 64 777 8888') },
      { id: 'b', text: ad('Gracu', '+381 64 777 8888') },
      // The same ad in Serbian Cyrillic, another city, same phone.
      {
        id: 'c',
        text: 'Тражимо конобарице за рад у Линцу, плата 2500 EUR мјесечно, смјештај и храна бесплатни, без искуства и без језика, јавите се одмах на Viber +381 64 777 8888',
      },
      {
        id: 'd',
        text: 'Prodajem polovni bicikl u odličnom stanju, cijena 150 KM, preuzimanje u Tuzli, zvati poslije 17h.',
      },
    ];
    await service.importItems(actor, templateCase, {
      bytes: Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')),
      format: 'jsonl',
      mode: 'all_or_nothing',
    });
    const view = await service.templates(actor, templateCase);
    expect(view.itemsCompared).toBe(4);
    expect(view.clusters).toHaveLength(1);
    const [cluster] = view.clusters;
    expect(cluster!.size).toBe(3);
    expect(cluster!.members.map((m) => m.external_id).sort()).toEqual(['a', 'b', 'c']);
    expect(cluster!.sharedIdentifiers).toContainEqual({ type: 'phone', value: '+381647778888', items: 3 });
    expect(cluster!.slots.length).toBeGreaterThan(0);
    expect(cluster!.template).toMatch(/\{slot1\}/);
    await expect(service.templates(outsider, templateCase)).rejects.toMatchObject({ kind: 'not_found' });
  });
  it('groups templates from the signatures stored at import, the same as from re-read texts, and shows a flood in part', async () => {
    const floodCase = (await new CaseService(ctx).create(actor, { title: 'Flood', type: 'labour_exploitation' })).id;
    const cities = ['Beču', 'Gracu', 'Linzu', 'Salzburgu', 'Minhenu', 'Frankfurtu', 'Štutgartu'];
    const lines = [
      // One ad posted 70 times with the city and the number changed: a flood bigger than the view lists.
      ...Array.from({ length: 70 }, (_, i) => ({
        id: `flood-${i}`,
        text:
          `HITNO tražimo radnike na gradilištu u ${cities[i % cities.length]}, plata 2800 EUR, smještaj plaćen, ` +
          `bez iskustva, putni troškovi plaćeni, javite se na Viber +381 64 ${String(1000000 + i).slice(1)}`,
      })),
      { id: 'short', text: 'Posao, javite se.' },
      { id: 'other', text: 'Prodajem polovni bicikl u odličnom stanju, cijena 150 KM, preuzimanje u Tuzli.' },
    ];
    await service.importItems(actor, floodCase, {
      bytes: Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')),
      format: 'jsonl',
      mode: 'all_or_nothing',
    });
    const stored = await database.db
      .selectFrom('recruitment_items')
      .select(['external_id', 'minhash'])
      .where('case_id', '=', floodCase)
      .execute();
    const signatureOf = new Map(stored.map((r) => [r.external_id, r.minhash]));
    expect(signatureOf.get('flood-0')).toHaveLength(512); // 96 uint32 as base64
    expect(signatureOf.get('short')).toBe(''); // too short to compare

    const view = await service.templates(actor, floodCase);
    expect(view).toMatchObject({ itemsCompared: 72, clustersTotal: 1 });
    const [flood] = view.clusters;
    expect(flood!.size).toBe(70);
    expect(flood!.members).toHaveLength(50);
    expect(flood!.template).toMatch(/\{slot\d\}/);

    // Items imported before signatures were kept (null) are re-read, give the same view, and keep their signature.
    await database.db
      .updateTable('recruitment_items')
      .set({ minhash: null })
      .where('case_id', '=', floodCase)
      .execute();
    expect(await service.templates(actor, floodCase)).toEqual(view);
    const again = await database.db
      .selectFrom('recruitment_items')
      .select(['external_id', 'minhash'])
      .where('case_id', '=', floodCase)
      .execute();
    expect(new Map(again.map((r) => [r.external_id, r.minhash]))).toEqual(signatureOf);
  });
  it('stores for each item exactly what analyzeBatch gives (network signals included)', async () => {
    const batchCase = (await new CaseService(ctx).create(actor, { title: 'Batch', type: 'labour_exploitation' })).id;
    const texts = [
      'Posao u Austriji, bez iskustva, smještaj plaćen, kotizacija 200 EUR unaprijed. Viber +381 64 555 1111',
      'Konobarice za Beč, bez iskustva, pošaljite kopiju pasoša. Viber +381 64 555 1111',
      'Rad u Njemačkoj, plata 4000 EUR, hitno, javite se na Viber +381 64 555 1111',
      'Prodajem bicikl, 100 KM, Tuzla.',
    ];
    await service.importItems(actor, batchCase, {
      bytes: Buffer.from(texts.join('\n\n')),
      format: 'text',
      mode: 'all_or_nothing',
    });
    const expected = new RecruitmentAnalyzer().analyzeBatch(texts.map((text, i) => ({ id: String(i), text })));
    const rows = (await service.listItems(actor, batchCase, { limit: 10, offset: 0 })).rows;
    for (const [i, text] of texts.entries()) {
      const row = rows.find((r) => r.text === text)!;
      const e = expected[i]!;
      expect({ score: Number(row.score), flagged: row.flagged === 1, language: row.language }).toEqual({
        score: e.score,
        flagged: e.flagged,
        language: e.language,
      });
      expect(JSON.parse(row.analysis)).toEqual(
        JSON.parse(
          JSON.stringify({ indicators: e.indicators, reasons: e.reasons, languageEvidence: e.languageEvidence }),
        ),
      );
    }
    expect(expected.some((e) => e.indicators.some((h) => h.family === 'network'))).toBe(true);
  });

  /** Runs `body` with the import's thread settings set as given (restored afterwards). */
  async function withThreads<T>(workers: string, body: () => Promise<T>): Promise<T> {
    const saved = [process.env.TRAG_IMPORT_WORKERS, process.env.TRAG_IMPORT_WORKER_MIN_ITEMS];
    process.env.TRAG_IMPORT_WORKERS = workers;
    process.env.TRAG_IMPORT_WORKER_MIN_ITEMS = '1';
    try {
      return await body();
    } finally {
      if (saved[0] === undefined) delete process.env.TRAG_IMPORT_WORKERS;
      else process.env.TRAG_IMPORT_WORKERS = saved[0];
      if (saved[1] === undefined) delete process.env.TRAG_IMPORT_WORKER_MIN_ITEMS;
      else process.env.TRAG_IMPORT_WORKER_MIN_ITEMS = saved[1];
    }
  }

  it('on worker threads, stores for each item exactly what analyzeBatch gives, across chunks', async () => {
    const threadCase = (await new CaseService(ctx).create(actor, { title: 'Threads', type: 'labour_exploitation' })).id;
    // 1,200 items: three analysis chunks and two write chunks; shared phones, reposts across chunks, short items
    // (whose template signatures depend on their place in the whole collection)
    const texts = Array.from({ length: 1200 }, (_, i) =>
      i % 11 === 0
        ? `kratko ${i}`
        : i % 7 === 0
          ? 'Posao u Austriji, bez iskustva, smještaj plaćen, kotizacija 200 EUR unaprijed. Viber +381 64 555 1111'
          : `Oglas ${i}: rad u Njemačkoj, plata ${2000 + (i % 5) * 500} EUR, bez iskustva, hitno. Viber +381 64 ${String(100 + (i % 40))} 2222`,
    );
    const outcome = await withThreads('2', () =>
      service.importItems(actor, threadCase, {
        bytes: Buffer.from(texts.join('\n\n')),
        format: 'text',
        mode: 'all_or_nothing',
      }),
    );
    const expected = new RecruitmentAnalyzer().analyzeBatch(texts.map((text, i) => ({ id: String(i), text })));
    expect(outcome.itemsImported).toBe(1200);
    expect(outcome.flagged).toBe(expected.filter((e) => e.flagged).length);
    const rows = (await service.listItems(actor, threadCase, { limit: 2000, offset: 0 })).rows;
    const byLine = new Map(rows.map((r) => [r.external_id, r]));
    for (const [i, e] of expected.entries()) {
      const row = byLine.get(`line-${i * 2 + 1}`)!;
      expect(row.text).toBe(texts[i]);
      expect({ score: Number(row.score), flagged: row.flagged === 1, language: row.language }).toEqual({
        score: e.score,
        flagged: e.flagged,
        language: e.language,
      });
      expect(row.analysis).toBe(
        JSON.stringify({ indicators: e.indicators, reasons: e.reasons, languageEvidence: e.languageEvidence }),
      );
    }
    expect(expected.some((e) => e.indicators.some((h) => h.id === 'rec_same_text_reposted'))).toBe(true);
    expect(expected.some((e) => e.indicators.some((h) => h.id === 'net_template_slots'))).toBe(true);
    expect(expected.some((e) => e.indicators.some((h) => h.matchedBy.startsWith('same phone')))).toBe(true);
  }, 120_000);

  it('cancelled while chunks are on worker threads, an import leaves nothing behind', async () => {
    const cancelCase = (await new CaseService(ctx).create(actor, { title: 'Cancel', type: 'labour_exploitation' })).id;
    const controller = new AbortController();
    const texts = Array.from({ length: 1500 }, (_, i) => `Oglas ${i}: rad u Njemačkoj, bez iskustva, hitno.`);
    await expect(
      withThreads('1', () =>
        service.importItems(
          actor,
          cancelCase,
          { bytes: Buffer.from(texts.join('\n\n')), format: 'text', mode: 'skip_bad' },
          { signal: controller.signal, onProgress: () => controller.abort() },
        ),
      ),
    ).rejects.toMatchObject({ code: 'import_cancelled' });
    expect((await service.listItems(actor, cancelCase, { limit: 1, offset: 0 })).total).toBe(0);
  }, 120_000);
});
