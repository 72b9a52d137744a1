// RFC 3161 round trip against a local TSA run with Debian's `openssl ts -reply`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@trag/db/testing';
import { CaseService } from '../cases';
import { buildActor, buildAgency } from '../cases/cases.builders';
import { fixedClock } from '../shared';
import { tempDir } from './evidence.builders';
import { EvidenceService } from './evidence.service';
import { Rfc3161Authority, timestampRequest, verifyTimestampWithOpenssl } from './trusted-timestamp';

const TSA_CONFIG = `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ./serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ tsa_ext ]
basicConstraints = critical,CA:FALSE
extendedKeyUsage = critical,timeStamping
keyUsage = critical,digitalSignature
`;

function openssl(dir: string, ...args: string[]): void {
  const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
}

describe('RFC 3161 trusted timestamps', () => {
  let dir: string;
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    dir = tempDir('trag-tsa-');
    writeFileSync(path.join(dir, 'tsa.cnf'), TSA_CONFIG);
    writeFileSync(path.join(dir, 'serial'), '01\n');
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    openssl(
      dir,
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '30',
      '-subj',
      '/CN=Trag Test Root',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    openssl(dir, 'req', ...ec, '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Trag Test TSA');
    openssl(
      dir,
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'tsa.crt',
      '-days',
      '30',
      '-extfile',
      'tsa.cnf',
      '-extensions',
      'tsa_ext',
    );
    // The local TSA: each POSTed TimeStampReq is answered by `openssl ts -reply`.
    let n = 0;
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        n += 1;
        const query = path.join(dir, `q${n}.der`);
        const reply = path.join(dir, `r${n}.der`);
        writeFileSync(query, Buffer.concat(chunks));
        const result = spawnSync(
          'openssl',
          [
            'ts',
            '-reply',
            '-config',
            'tsa.cnf',
            '-queryfile',
            query,
            '-inkey',
            'tsa.key',
            '-signer',
            'tsa.crt',
            '-out',
            reply,
          ],
          { cwd: dir },
        );
        if (result.status !== 0) {
          response.writeHead(500).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(reply));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/tsa`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('builds a request openssl can read', () => {
    const file = path.join(dir, 'own-query.der');
    writeFileSync(file, timestampRequest(Buffer.from('a'.repeat(64))));
    const result = spawnSync('openssl', ['ts', '-query', '-in', file, '-text'], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/Hash Algorithm: sha256/);
    expect(result.stdout).toMatch(/Certificate required: yes/);
  });

  it('stamps an entry hash; openssl verifies the token, and refuses it for another hash', async () => {
    const hash = 'e4a327561443004255d86a4256456be8242aeccc38791cd80c69b21b2937b3db';
    const stamp = await new Rfc3161Authority(url).stamp(hash);
    expect(stamp.genTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const trust = { caFile: path.join(dir, 'ca.crt'), untrustedFile: path.join(dir, 'tsa.crt') };
    expect(verifyTimestampWithOpenssl(hash, stamp, trust).ok).toBe(true);
    expect(verifyTimestampWithOpenssl('f'.repeat(64), stamp, trust).ok).toBe(false);
  });

  it('time-stamps every custody entry when the service has a TSA', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const ctx = { database, clock: fixedClock('2026-11-30T10:00:00.000Z'), dataDir: tempDir() };
      const agency = await buildAgency(database);
      const actor = await buildActor(database, { agencyId: agency.id });
      const caseId = (await new CaseService(ctx).create(actor, { title: 'TSA', type: 'other' })).id;
      const service = new EvidenceService(ctx, { tsa: new Rfc3161Authority(url) });
      const item = await service.collect(
        actor,
        caseId,
        { fileName: 'a.txt', description: 'x' },
        Readable.from([Buffer.from('x')]),
      );
      const detail = await service.view(actor, item.id);
      expect(detail.custody.map((c) => c.timestamped)).toEqual([true, true]);
      const row = await database.db
        .selectFrom('evidence_custody')
        .select(['hash', 'timestamp'])
        .where('seq', '=', 1)
        .executeTakeFirstOrThrow();
      const trust = { caFile: path.join(dir, 'ca.crt'), untrustedFile: path.join(dir, 'tsa.crt') };
      expect(verifyTimestampWithOpenssl(row.hash, JSON.parse(row.timestamp!), trust).ok).toBe(true);
    } finally {
      await database.destroy();
    }
  });

  it('names an unreachable TSA', async () => {
    await expect(new Rfc3161Authority('http://127.0.0.1:9/tsa', 2000).stamp('a'.repeat(64))).rejects.toMatchObject({
      code: 'evidence_tsa_unreachable',
    });
  });
});
