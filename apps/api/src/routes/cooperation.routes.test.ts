// Two real Trag instances talking to each other on loopback ports: instance A (Bosnia and Herzegovina) on SQLite,
// instance B (Serbia) on PostgreSQL. Packages, receipts, custody continuity, rejections, handling codes, hit/no-hit.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { cooperation } from '@trag/contracts';
import { AuditService } from '@trag/core/audit';
import { CaseService, EntityService } from '@trag/core/cases';
import {
  buildPackage,
  CooperationKeyring,
  signatureHeaders,
  signRequest,
  sha256Hex,
  type BuildPackageInput,
} from '@trag/core/cooperation';
import { EvidenceService } from '@trag/core/evidence';
import type { Actor } from '@trag/core/shared';
import { authHeaders, createTestAgency, createTestApp, createTestUser, type TestApp, type TestUser } from '../testing';

process.env.TRAG_COOPERATION_RATE_REQUESTS = '6';

interface Side {
  t: TestApp;
  base: string;
  agencyId: string;
  officer: TestUser;
  chief: TestUser;
  card: cooperation.PartnerCard;
  partnerId: string;
}

const actorOf = (u: TestUser): Actor => ({
  userId: u.id,
  username: u.username,
  displayName: u.displayName,
  agencyId: u.agencyId,
  unitId: null,
  role: u.role,
  ip: null,
  via: 'token',
});

async function side(dialect: 'sqlite' | 'postgres', country: string, name: string): Promise<Side> {
  const t = await createTestApp(dialect);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const agency = await createTestAgency(t, { country, name });
  const officer = await createTestUser(t, { role: 'investigator', agencyId: agency.id });
  const chief = await createTestUser(t, { role: 'supervisor', agencyId: agency.id });
  const base = `http://127.0.0.1:${port}`;
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/cooperation/card?endpoint=${encodeURIComponent(base)}&contact=${encodeURIComponent(`${name} duty desk`)}`,
    headers: await authHeaders(t, chief),
  });
  expect(res.statusCode).toBe(200);
  const body = res.json<cooperation.OwnCardResponse>();
  expect(body.qrSvg).toContain('<svg');
  return { t, base, agencyId: agency.id, officer, chief, card: body.card, partnerId: '' };
}

async function befriend(a: Side, b: Side): Promise<void> {
  const as = await authHeaders(a.t, a.chief);
  const added = await a.t.app.inject({
    method: 'POST',
    url: '/api/cooperation/partners',
    headers: as,
    payload: { card: b.card },
  });
  expect(added.statusCode).toBe(201);
  const partner = added.json<cooperation.Partner>();
  expect(partner.status).toBe('pending');
  expect(partner.fingerprintReadable.replace(/ /g, '')).toBe(b.card.fingerprint);
  const accepted = await a.t.app.inject({
    method: 'POST',
    url: `/api/cooperation/partners/${partner.id}/accept`,
    headers: as,
  });
  expect(accepted.json<cooperation.Partner>().status).toBe('trusted');
  a.partnerId = partner.id;
}

const advert = Buffer.from('Posao u Njemačkoj, 2000 EUR mjesečno, javite se na +387 61 123 456 (synthetic)');

describe('cooperation between two instances (SQLite ↔ PostgreSQL)', () => {
  let A: Side;
  let B: Side;
  let caseA: string;
  let evidenceA: string;
  let sentFile: string;

  beforeAll(async () => {
    A = await side('sqlite', 'BA', 'Synthetic Police BA');
    B = await side('postgres', 'RS', 'Synthetic Police RS');
    await befriend(A, B);
    await befriend(B, A);
    const officer = actorOf(A.officer);
    const created = await new CaseService(A.t.core).create(officer, {
      title: 'Fake job adverts',
      type: 'labour_exploitation',
    });
    caseA = created.id;
    const entities = new EntityService(A.t.core);
    await entities.create(officer, caseA, { type: 'phone', identifier: '+387 61 123 456', source: 'manual' });
    await entities.create(officer, caseA, { type: 'email', identifier: 'jobs.germany@example.org', source: 'manual' });
    await new CaseService(A.t.core).addNote(officer, caseA, 'Recruiter answers from a Serbian number at night.');
    const item = await new EvidenceService(A.t.core).collect(
      officer,
      caseA,
      { fileName: 'advert.txt', description: 'Advert text (synthetic)' },
      Readable.from([advert]),
    );
    evidenceA = item.id;
  }, 60_000);

  afterAll(async () => {
    await A?.t.close();
    await B?.t.close();
  });

  it('sends a package over HTTPS, imports it at the partner and gets the signed receipt back', async () => {
    const as = await authHeaders(A.t, A.officer);
    const entities = await new EntityService(A.t.core).list(actorOf(A.officer), caseA, {} as never);
    const notes = await new CaseService(A.t.core).listNotes(actorOf(A.officer), caseA);
    const res = await A.t.app.inject({
      method: 'POST',
      url: '/api/cooperation/packages',
      headers: as,
      payload: {
        caseId: caseA,
        partnerIds: [A.partnerId],
        entityIds: entities.items.map((e) => e.id),
        noteIds: notes.items.map((n) => n.id),
        evidenceIds: [evidenceA],
        handlingCode: 'H2',
        restrictions: 'Not to be passed on without the consent of the sender.',
        sourceGrade: 'B',
        informationGrade: 2,
        purpose: 'Identify the recruiter behind a labour-exploitation advert',
        legalBasis: 'Police cooperation agreement (synthetic)',
        expiresInDays: 30,
        deliver: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json<cooperation.PackageSummary>();
    expect(sent.deliveries).toEqual([{ partnerId: A.partnerId, ok: true, problem: null }]);
    expect(sent.status).toBe('delivered');
    const outRow = await A.t.core.database.db
      .selectFrom('coop_packages')
      .select('file_path')
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    sentFile = outRow.file_path!;

    const bs = await authHeaders(B.t, B.officer);
    const inbox = (
      await B.t.app.inject({ method: 'GET', url: '/api/cooperation/packages', headers: bs })
    ).json<cooperation.PackageListResponse>();
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ status: 'inbox', handlingCode: 'H2', packageId: sent.packageId });
    const imported = await B.t.app.inject({
      method: 'POST',
      url: `/api/cooperation/packages/${inbox.items[0]!.id}/import`,
      headers: bs,
      payload: { newCaseTitle: 'Received from BA: fake job adverts' },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const result = imported.json<cooperation.PackageImportResponse>();
    expect(result.created).toEqual({ entities: 2, notes: 1, evidence: 1 });
    expect(result.receiptDelivered).toBe(true);

    // Receipt arrived at the sender, signed.
    const back = (
      await A.t.app.inject({ method: 'GET', url: `/api/cooperation/packages/${sent.id}`, headers: as })
    ).json<cooperation.PackageSummary>();
    expect(back.status).toBe('receipted');
    expect(back.receipt?.verified).toBe(true);

    // Custody continues: "transferred to" on the sender, "received from" on the recipient, same original.
    const senderItem = await new EvidenceService(A.t.core).view(actorOf(A.officer), evidenceA);
    expect(
      senderItem.custody.some((c) => String(c.details.note ?? '').startsWith('Transferred to Synthetic Police RS')),
    ).toBe(true);
    const received = await new EvidenceService(B.t.core).list(actorOf(B.officer), result.caseId);
    expect(received.items).toHaveLength(1);
    expect(received.items[0]!.sha256).toBe(createHash('sha256').update(advert).digest('hex'));
    const receivedItem = await new EvidenceService(B.t.core).view(actorOf(B.officer), received.items[0]!.id);
    const note = receivedItem.custody
      .map((c) => String(c.details.note ?? ''))
      .find((n) => n.startsWith('Received from'));
    expect(note).toMatch(/Received from Synthetic Police BA \(BA\).*custody ledger of \d+ entries holds/);

    // Handling code shown with the material …
    const material = (
      await B.t.app.inject({ method: 'GET', url: `/api/cases/${result.caseId}/cooperation/material`, headers: bs })
    ).json<cooperation.CaseMaterialResponse>();
    expect(material.items).toHaveLength(4);
    expect(new Set(material.items.map((m) => m.handlingCode))).toEqual(new Set(['H2']));
    // … and enforced: H2 material cannot be passed on.
    const onward = await B.t.app.inject({
      method: 'POST',
      url: '/api/cooperation/packages',
      headers: bs,
      payload: {
        caseId: result.caseId,
        partnerIds: [B.partnerId],
        entityIds: material.items.filter((m) => m.recordType === 'entity').map((m) => m.recordId),
        noteIds: [],
        evidenceIds: [],
        handlingCode: 'H0',
        sourceGrade: 'B',
        informationGrade: 2,
        purpose: 'x',
        legalBasis: 'x',
        expiresInDays: 1,
      },
    });
    expect(onward.statusCode).toBe(403);
    expect(onward.json<{ error: { code: string } }>().error.code).toBe('handling_forbids_onward_sharing');
    // … not into a court bundle either, while the sender's own copy can still be exported by the sender.
    await expect(
      new EvidenceService(B.t.core).exportBundle(actorOf(B.officer), result.caseId, [received.items[0]!.id]),
    ).rejects.toMatchObject({ code: 'handling_forbids_onward_sharing' });
    expect(await fs.readdir(path.join(B.t.core.dataDir, 'exports')).catch(() => [])).toEqual([]);
    const own = await new EvidenceService(A.t.core).exportBundle(actorOf(A.officer), caseA, [evidenceA]);
    expect(own.itemCount).toBe(1);
    // H1 (not to be used in court without the sender's permission) may go into a package but not into a court bundle.
    const h1 = {
      record_id: evidenceA,
      record_type: 'evidence',
      case_id: caseA,
      package_row_id: 'h1-test',
      handling_code: 'H1',
      restrictions: '',
      details: '{}',
    };
    await A.t.core.database.db.insertInto('coop_material').values(h1).execute();
    await expect(
      new EvidenceService(A.t.core).exportBundle(actorOf(A.officer), caseA, [evidenceA]),
    ).rejects.toMatchObject({ code: 'handling_forbids_court_use' });
    await A.t.core.database.db.deleteFrom('coop_material').where('package_row_id', '=', 'h1-test').execute();
  }, 60_000);

  it('refuses a second copy of the same package (replay) and stores nothing', async () => {
    const bs = await authHeaders(B.t, B.officer);
    const before = (
      await B.t.app.inject({ method: 'GET', url: '/api/cooperation/packages', headers: bs })
    ).json<cooperation.PackageListResponse>();
    const res = await B.t.app.inject({
      method: 'POST',
      url: '/api/cooperation/packages/upload',
      headers: { ...bs, 'content-type': 'application/octet-stream' },
      payload: await fs.readFile(sentFile),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('package_replayed');
    const after = (
      await B.t.app.inject({ method: 'GET', url: '/api/cooperation/packages', headers: bs })
    ).json<cooperation.PackageListResponse>();
    expect(after.items).toHaveLength(before.items.length);
  });

  describe('rejects bad package files with a clear reason and keeps nothing', () => {
    async function upload(data: Buffer) {
      const bs = await authHeaders(B.t, B.officer);
      const res = await B.t.app.inject({
        method: 'POST',
        url: '/api/cooperation/packages/upload',
        headers: { ...bs, 'content-type': 'application/octet-stream' },
        payload: data,
      });
      const count = await B.t.core.database.db.selectFrom('coop_packages').select('id').execute();
      return { status: res.statusCode, code: res.json<{ error: { code: string } }>().error.code, rows: count.length };
    }
    async function build(over: Partial<BuildPackageInput>): Promise<Buffer> {
      const identity = await new CooperationKeyring(A.t.core.dataDir).get(A.agencyId);
      const out = path.join(A.t.core.dataDir, `test-${Math.random()}.zip`);
      await buildPackage({
        sender: identity,
        senderAgency: { name: 'Synthetic Police BA', country: 'BA' },
        recipients: [{ fingerprint: B.card.fingerprint, ageRecipient: B.card.ageRecipient }],
        created: '2026-11-30T08:00:00.000Z',
        expires: '2026-12-30T08:00:00.000Z',
        handling: { code: 'H0', restrictions: '' },
        grading: { source: 'A', information: 1 },
        purpose: 'test',
        legalBasis: 'test',
        caseTitle: 'test',
        entities: [],
        notes: [],
        evidence: [],
        out,
        ...over,
      });
      return fs.readFile(out);
    }

    it('tampered, truncated, expired, wrongly addressed', async () => {
      const base = (await B.t.core.database.db.selectFrom('coop_packages').select('id').execute()).length;
      const good = await build({});
      const tampered = Buffer.from(good);
      const at = tampered.indexOf(Buffer.from('age-encryption.org')) + 400;
      tampered[at] = tampered[at]! ^ 1;
      expect(await upload(tampered)).toEqual({ status: 400, code: 'package_payload_mismatch', rows: base });
      expect(await upload(good.subarray(0, good.length - 100))).toEqual({
        status: 400,
        code: 'package_corrupt',
        rows: base,
      });
      expect(await upload(await build({ expires: '2026-11-30T08:30:00.000Z' }))).toEqual({
        status: 400,
        code: 'package_expired',
        rows: base,
      });
      const stranger = await new CooperationKeyring(path.join(A.t.core.dataDir, 'stranger')).get('x');
      expect(
        await upload(
          await build({
            recipients: [{ fingerprint: stranger.fingerprint, ageRecipient: stranger.publicKeys.ageRecipient }],
          }),
        ),
      ).toEqual({ status: 400, code: 'package_not_addressed_to_us', rows: base });
      const files = await fs.readdir(path.join(B.t.core.dataDir, 'cooperation', B.agencyId, 'tmp')).catch(() => []);
      expect(files.filter((f) => f.startsWith('upload-'))).toEqual([]);
    });

    it('imports in one transaction: when the last step fails, nothing of the package is stored', async () => {
      const data = await build({
        entities: [{ type: 'phone', label: 'Recruiter', identifier: '+387 61 700 800', attributes: {} }],
        notes: [{ body: 'Seen at the bus station (synthetic).', created: '2026-11-29T10:00:00.000Z' }],
        evidence: [],
      });
      const bs = await authHeaders(B.t, B.officer);
      const uploaded = await B.t.app.inject({
        method: 'POST',
        url: '/api/cooperation/packages/upload',
        headers: { ...bs, 'content-type': 'application/octet-stream' },
        payload: data,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const packageRowId = uploaded.json<cooperation.PackageSummary>().id;
      const db = B.t.core.database.db;
      const counts = async () => {
        const n = async (table: 'cases' | 'entities' | 'case_notes' | 'coop_material' | 'audit_log') =>
          Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        return {
          cases: await n('cases'),
          entities: await n('entities'),
          notes: await n('case_notes'),
          material: await n('coop_material'),
          audit: await n('audit_log'),
        };
      };
      const before = await counts();
      // The very last write of the import (its audit entry, after case, entity, note and material rows) fails.
      const realRecord = AuditService.prototype.record;
      const spy = vi.spyOn(AuditService.prototype, 'record').mockImplementation(function (
        this: AuditService,
        actor,
        event,
        trx,
      ) {
        if (event.action === 'cooperation.package.import') return Promise.reject(new Error('disk full (test)'));
        return realRecord.call(this, actor, event, trx);
      });
      const failed = await B.t.app.inject({
        method: 'POST',
        url: `/api/cooperation/packages/${packageRowId}/import`,
        headers: bs,
        payload: { newCaseTitle: 'Must not exist' },
      });
      spy.mockRestore();
      expect(failed.statusCode).toBe(500);
      expect(await counts()).toEqual(before);
      const stillWaiting = await db
        .selectFrom('coop_packages')
        .select(['status', 'case_id', 'receipt'])
        .where('id', '=', packageRowId)
        .executeTakeFirstOrThrow();
      expect(stillWaiting).toEqual({ status: 'inbox', case_id: null, receipt: null });

      // Nothing half-done blocks a retry: the same package imports completely.
      const retried = await B.t.app.inject({
        method: 'POST',
        url: `/api/cooperation/packages/${packageRowId}/import`,
        headers: bs,
        payload: { newCaseTitle: 'Imported on the second try' },
      });
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.json<cooperation.PackageImportResponse>().created).toEqual({ entities: 1, notes: 1, evidence: 0 });
      const after = await counts();
      expect(after.cases).toBe(before.cases + 1);
      expect(after.material).toBe(before.material + 2);
    });

    it('quarantines a package from an unknown agency until the partner is accepted', async () => {
      const keyring = new CooperationKeyring(path.join(A.t.core.dataDir, 'me-agency'));
      const me = await keyring.get('me');
      const data = await build({ sender: me, senderAgency: { name: 'Synthetic Police ME', country: 'ME' } });
      const bs = await authHeaders(B.t, B.officer);
      const res = await B.t.app.inject({
        method: 'POST',
        url: '/api/cooperation/packages/upload',
        headers: { ...bs, 'content-type': 'application/octet-stream' },
        payload: data,
      });
      expect(res.statusCode).toBe(201);
      const summary = res.json<cooperation.PackageSummary>();
      expect(summary.status).toBe('quarantined');
      const refused = await B.t.app.inject({
        method: 'POST',
        url: `/api/cooperation/packages/${summary.id}/import`,
        headers: bs,
        payload: { newCaseTitle: 'x' },
      });
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('package_unknown_sender');
      // The supervisor adds and accepts the Montenegrin partner; now it imports.
      const { buildPartnerCard } = await import('@trag/core/cooperation');
      const card = buildPartnerCard(me, { name: 'Synthetic Police ME', country: 'ME', kind: 'police' }, null, null);
      const cs = await authHeaders(B.t, B.chief);
      const added = await B.t.app.inject({
        method: 'POST',
        url: '/api/cooperation/partners',
        headers: cs,
        payload: { card },
      });
      expect(added.statusCode, added.body).toBe(201);
      await B.t.app.inject({
        method: 'POST',
        url: `/api/cooperation/partners/${added.json<cooperation.Partner>().id}/accept`,
        headers: cs,
      });
      const ok = await B.t.app.inject({
        method: 'POST',
        url: `/api/cooperation/packages/${summary.id}/import`,
        headers: bs,
        payload: { newCaseTitle: 'From ME' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
    });
  });

  describe('partner-facing endpoints', () => {
    it('refuse unsigned, wrongly signed and replayed requests', async () => {
      const url = `/api/cooperation/agencies/${B.agencyId}/index`;
      const unsigned = await B.t.app.inject({ method: 'GET', url });
      expect(unsigned.statusCode).toBe(401);
      const identity = await new CooperationKeyring(A.t.core.dataDir).get(A.agencyId);
      const message = signRequest(identity, 'GET', url, sha256Hex(''), A.t.core.clock.now());
      const first = await B.t.app.inject({ method: 'GET', url, headers: signatureHeaders(message) });
      expect(first.statusCode, first.body).toBe(200);
      const again = await B.t.app.inject({ method: 'GET', url, headers: signatureHeaders(message) });
      expect(again.json<{ error: { code: string } }>().error.code).toBe('partner_request_replayed');
      const otherPath = signRequest(
        identity,
        'GET',
        `/api/cooperation/agencies/${B.agencyId}/other`,
        sha256Hex(''),
        A.t.core.clock.now(),
      );
      const wrong = await B.t.app.inject({ method: 'GET', url, headers: signatureHeaders(otherPath) });
      expect(wrong.json<{ error: { code: string } }>().error.code).toBe('partner_signature_invalid');
    });
  });

  describe('hit/no-hit', () => {
    it('finds the identifiers the partner holds, and no others, with a contact point only', async () => {
      const officer = actorOf(B.officer);
      const c = await new CaseService(B.t.core).create(officer, { title: 'Wallets', type: 'migrant_smuggling' });
      await new EntityService(B.t.core).create(officer, c.id, {
        type: 'phone',
        identifier: '+381 64 555 0101',
        source: 'manual',
      });
      const as = await authHeaders(A.t, A.officer);
      const res = await A.t.app.inject({
        method: 'POST',
        url: '/api/cooperation/hits',
        headers: as,
        payload: {
          partnerIds: [A.partnerId],
          purpose: 'Who else knows this recruiter?',
          identifiers: [
            { type: 'phone', value: '+381645550101' },
            { type: 'phone', value: '+387 61 123 456' },
            { type: 'phone', value: '+387 61 999 999' },
            { type: 'email', value: 'nobody@example.org' },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const [result] = res.json<cooperation.HitQueryResponse>().results;
      expect(result).toMatchObject({
        ok: true,
        agencyName: 'Synthetic Police RS',
        contact: 'Synthetic Police RS duty desk',
      });
      expect(result!.hits.map((h) => h.value).sort()).toEqual(['+381645550101', '+38761123456']);
      // Both sides audited the exchange; the responder's audit holds counts, never identifiers.
      const audit = await B.t.core.database.db
        .selectFrom('audit_log' as never)
        .selectAll()
        .execute()
        .catch(() => []);
      const text = JSON.stringify(audit);
      expect(text).not.toContain('38761123456');
    });

    it('recomputes index entries of an earlier protocol version and refuses requests of another version', async () => {
      const db = B.t.core.database.db;
      const current = await db
        .selectFrom('coop_index')
        .select(['entity_id', 'entry', 'protocol'])
        .where('agency_id', '=', B.agencyId)
        .orderBy('entity_id')
        .execute();
      expect(current.length).toBeGreaterThan(0);
      expect(current.every((r) => r.protocol === 'trag-hit-v2')).toBe(true);
      // As if these rows had been computed before the upgrade (what migration 0080 marks them as).
      await db
        .updateTable('coop_index')
        .set({ protocol: 'trag-hit-v1', entry: 'stale-v1-entry' })
        .where('agency_id', '=', B.agencyId)
        .execute();
      const refreshed = await B.t.app.inject({
        method: 'POST',
        url: '/api/cooperation/index/refresh',
        headers: await authHeaders(B.t, B.chief),
      });
      expect(refreshed.statusCode, refreshed.body).toBe(200);
      expect(refreshed.json<cooperation.IndexRefreshResponse>()).toMatchObject({
        indexed: current.length,
        added: current.length,
      });
      const after = await db
        .selectFrom('coop_index')
        .select(['entity_id', 'entry', 'protocol'])
        .where('agency_id', '=', B.agencyId)
        .orderBy('entity_id')
        .execute();
      expect(after).toEqual(current);

      // A version-1 querier (ristretto points, no protocol field) gets a clear refusal, not silent no-hits.
      const url = `/api/cooperation/agencies/${B.agencyId}/evaluate`;
      const body = JSON.stringify({ blinded: ['A'.repeat(43)], purpose: 'old partner' });
      const identity = await new CooperationKeyring(A.t.core.dataDir).get(A.agencyId);
      const message = signRequest(identity, 'POST', url, sha256Hex(body), A.t.core.clock.now());
      const old = await B.t.app.inject({
        method: 'POST',
        url,
        headers: { ...signatureHeaders(message), 'content-type': 'application/vnd.trag.signed+json' },
        payload: body,
      });
      expect(old.statusCode, old.body).toBe(400);
    });

    it('rate-limits a partner that floods queries', async () => {
      const as = await authHeaders(A.t, A.officer);
      let limited = false;
      for (let i = 0; i < 8 && !limited; i++) {
        const res = await A.t.app.inject({
          method: 'POST',
          url: '/api/cooperation/hits',
          headers: as,
          payload: {
            partnerIds: [A.partnerId],
            purpose: 'flood',
            identifiers: [{ type: 'phone', value: `+38761000${100 + i}` }],
          },
        });
        const [result] = res.json<cooperation.HitQueryResponse>().results;
        if (!result!.ok) {
          expect(result!.problem).toBe('hit_query_rate_limited');
          limited = true;
        }
      }
      expect(limited).toBe(true);
    });
  });
});
