import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CooperationKeyring, type CooperationIdentity } from './agency-identity';
import {
  buildPackage,
  verifyAndOpenPackage,
  verifyPackage,
  type BuildPackageInput,
  type VerifyContext,
} from './package-format';
import { openArchive } from '@trag/core/evidence';

const dir = mkdtempSync(path.join(tmpdir(), 'trag-coop-pkg-'));
let alice: CooperationIdentity; // sender (BA)
let bob: CooperationIdentity; // recipient (RS)
let carol: CooperationIdentity; // stranger

const blob = Buffer.from('screenshot of a fake job advert');
const blobSha = createHash('sha256').update(blob).digest('hex');

beforeAll(async () => {
  alice = await new CooperationKeyring(path.join(dir, 'a')).get('agency-a');
  bob = await new CooperationKeyring(path.join(dir, 'b')).get('agency-b');
  carol = await new CooperationKeyring(path.join(dir, 'c')).get('agency-c');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function input(out: string, over: Partial<BuildPackageInput> = {}): BuildPackageInput {
  return {
    sender: alice,
    senderAgency: { name: 'Agency A', country: 'BA' },
    recipients: [{ fingerprint: bob.fingerprint, ageRecipient: bob.publicKeys.ageRecipient }],
    created: '2026-11-30T09:00:00.000Z',
    expires: '2026-12-30T09:00:00.000Z',
    handling: { code: 'H2', restrictions: '' },
    grading: { source: 'B', information: 2 },
    purpose: 'Joint investigation',
    legalBasis: 'MLA treaty art. 1',
    caseTitle: 'Synthetic case',
    entities: [{ type: 'phone', label: '+38761000000', identifier: '+38761000000', attributes: {} }],
    notes: [{ body: 'note', created: '2026-11-30T09:00:00.000Z' }],
    evidence: [
      {
        exhibitNumber: 'A-1',
        fileName: 'ad.txt',
        mediaType: 'text/plain',
        description: 'advert',
        size: blob.length,
        sha256: blobSha,
        senderItemId: 'item-1',
        custody: [],
        open: async () => Readable.from([blob]),
      },
    ],
    out,
    ...over,
  };
}

const ctx = (over: Partial<VerifyContext> = {}): VerifyContext => ({
  identity: bob,
  partner: async (fp) => (fp === alice.fingerprint ? { signingKey: alice.publicKeys.signingKey, trusted: true } : null),
  seen: async () => false,
  now: new Date('2026-12-01T00:00:00Z'),
  ...over,
});

describe('cooperation package format', () => {
  it('round-trips: the recipient verifies, decrypts and finds entities, notes and the evidence original', async () => {
    const out = path.join(dir, 'ok.zip');
    const envelope = await buildPackage(input(out));
    const opened = await verifyAndOpenPackage(out, ctx(), path.join(dir, 'tmp'));
    expect(opened.manifest.packageId).toBe(envelope.packageId);
    expect(opened.manifest.entities[0]!.identifier).toBe('+38761000000');
    const chunks: Buffer[] = [];
    for await (const c of await opened.openEvidence(blobSha)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(blob)).toBe(true);
    await opened.close();
  });

  it('rejects a package from an unknown sender, a forged signature and one addressed to someone else', async () => {
    const out = path.join(dir, 'carol.zip');
    await buildPackage(input(out, { sender: carol }));
    await expect(verifyPackage(out, ctx())).rejects.toMatchObject({ code: 'package_unknown_sender' });
    // carol claims to be alice
    const forged = path.join(dir, 'forged.zip');
    await buildPackage(input(forged, { sender: { ...carol, fingerprint: alice.fingerprint } }));
    await expect(verifyPackage(forged, ctx())).rejects.toMatchObject({ code: 'package_bad_signature' });
    const other = path.join(dir, 'other.zip');
    await buildPackage(
      input(other, { recipients: [{ fingerprint: carol.fingerprint, ageRecipient: carol.publicKeys.ageRecipient }] }),
    );
    await expect(verifyPackage(other, ctx())).rejects.toMatchObject({ code: 'package_not_addressed_to_us' });
  });

  it('rejects expired, replayed, truncated and tampered packages', async () => {
    const out = path.join(dir, 'base.zip');
    await buildPackage(input(out));
    await expect(verifyPackage(out, ctx({ now: new Date('2027-01-01T00:00:00Z') }))).rejects.toMatchObject({
      code: 'package_expired',
    });
    await expect(verifyPackage(out, ctx({ seen: async () => true }))).rejects.toMatchObject({
      code: 'package_replayed',
    });
    const bytes = await fs.readFile(out);
    const truncated = path.join(dir, 'truncated.zip');
    await fs.writeFile(truncated, bytes.subarray(0, bytes.length - 300));
    await expect(verifyPackage(truncated, ctx())).rejects.toMatchObject({ code: 'package_corrupt' });
    // flip one byte inside payload.age (entries are stored, so its data sits at a known offset)
    const archive = await openArchive(out);
    const entry = archive.byName.get('payload.age')!;
    const offset = await archive.dataOffset(entry);
    archive.close();
    const tampered = Buffer.from(bytes);
    tampered[offset + 200] = tampered[offset + 200]! ^ 0xff;
    const tamperedFile = path.join(dir, 'tampered.zip');
    await fs.writeFile(tamperedFile, tampered);
    await expect(verifyPackage(tamperedFile, ctx())).rejects.toMatchObject({ code: 'package_payload_mismatch' });
    // The one-pass path (hash checked while decrypting) reaches the same verdict and leaves no temporary file.
    const tmp = path.join(dir, 'tmp-tampered');
    await expect(verifyAndOpenPackage(tamperedFile, ctx(), tmp)).rejects.toMatchObject({
      code: 'package_payload_mismatch',
    });
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it('rejects an unsigned package', async () => {
    const out = path.join(dir, 'tosign.zip');
    await buildPackage(input(out));
    const yazl = (await import('yazl')).default;
    const archive = await openArchive(out);
    const zip = new yazl.ZipFile();
    for (const name of ['envelope.json', 'payload.age']) {
      zip.addReadStream(await archive.open(archive.byName.get(name)!), name, { compress: false });
    }
    zip.end();
    const unsigned = path.join(dir, 'unsigned.zip');
    const { pipeline } = await import('node:stream/promises');
    const { createWriteStream } = await import('node:fs');
    await pipeline(zip.outputStream, createWriteStream(unsigned));
    archive.close();
    await expect(verifyPackage(unsigned, ctx())).rejects.toMatchObject({ code: 'package_unsigned' });
  });
});

describe('cooperation package with standard tools', () => {
  const hasTool = (tool: string) => {
    try {
      execFileSync('which', [tool]);
      return true;
    } catch {
      return false;
    }
  };

  it.skipIf(!hasTool('age') || !hasTool('openssl') || !hasTool('unzip'))(
    'verifies with openssl, checks with sha256 and decrypts payload.age with the age CLI',
    async () => {
      const out = path.join(dir, 'tools.zip');
      const envelope = await buildPackage(input(out));
      const work = path.join(dir, 'tools');
      await fs.mkdir(work, { recursive: true });
      execFileSync('unzip', ['-q', '-o', out, '-d', work]);
      const pem = path.join(work, 'sender.pem');
      await fs.writeFile(pem, `-----BEGIN PUBLIC KEY-----\n${alice.publicKeys.signingKey}\n-----END PUBLIC KEY-----\n`);
      const verified = execFileSync('openssl', [
        'pkeyutl',
        '-verify',
        '-rawin',
        '-pubin',
        '-inkey',
        pem,
        '-in',
        path.join(work, 'envelope.json'),
        '-sigfile',
        path.join(work, 'envelope.sig'),
      ]).toString();
      expect(verified).toMatch(/Signature Verified Successfully/);
      const payload = await fs.readFile(path.join(work, 'payload.age'));
      expect(createHash('sha256').update(payload).digest('hex')).toBe(envelope.payload.sha256);
      const identityFile = path.join(work, 'bob.age');
      await fs.writeFile(identityFile, `${bob.ageIdentity}\n`, { mode: 0o600 });
      execFileSync('age', [
        '-d',
        '-i',
        identityFile,
        '-o',
        path.join(work, 'inner.zip'),
        path.join(work, 'payload.age'),
      ]);
      execFileSync('unzip', ['-q', '-o', path.join(work, 'inner.zip'), '-d', path.join(work, 'inner')]);
      const manifest = JSON.parse(await fs.readFile(path.join(work, 'inner', 'manifest.json'), 'utf8'));
      expect(manifest.packageId).toBe(envelope.packageId);
      const original = await fs.readFile(path.join(work, 'inner', 'evidence', blobSha));
      expect(original.equals(blob)).toBe(true);
    },
  );
});
