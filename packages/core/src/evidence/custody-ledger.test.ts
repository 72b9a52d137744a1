import { createPublicKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendCustodyEntry, hashCustodyEntry, verifyCustodyLedger, type CustodyEntry } from './custody-ledger';
import { buildKey, buildLedger, tempDir } from './evidence.builders';
import { AgencyKeyring } from './agency-keys';
import { statSync } from 'node:fs';
import path from 'node:path';

const SHA = 'a'.repeat(64);

async function setup() {
  const dir = tempDir();
  const key = await buildKey(dir);
  const ledger = buildLedger(key, 'item-1', SHA, ['collected', 'viewed', 'downloaded', 'sealed']);
  const options = {
    itemId: 'item-1',
    sha256: SHA,
    keys: new Map([[key.fingerprint, key.publicKey]]),
    keyAgency: new Map([[key.fingerprint, key.agencyId]]),
    head: { seq: 4, hash: ledger[3]!.hash },
  };
  return { dir, key, ledger, options };
}

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('custody ledger', () => {
  it('holds when untouched', async () => {
    const { ledger, options } = await setup();
    expect(verifyCustodyLedger(ledger, options)).toEqual([]);
  });

  it('detects an edited entry', async () => {
    const { ledger, options } = await setup();
    const edited = ledger.map((e) => ({ ...e }));
    edited[1]!.actor = { ...edited[1]!.actor, name: 'Someone Else' };
    const problems = verifyCustodyLedger(edited, options);
    expect(problems[0]).toMatchObject({ seq: 2, code: 'ledger_entry_changed' });
  });

  it('detects a deleted entry', async () => {
    const { ledger, options } = await setup();
    const problems = verifyCustodyLedger([ledger[0]!, ledger[2]!, ledger[3]!], options);
    expect(codes(problems)).toContain('ledger_sequence_gap');
    expect(codes(problems)).toContain('ledger_link_broken');
  });

  it('detects reordered entries', async () => {
    const { ledger, options } = await setup();
    const problems = verifyCustodyLedger([ledger[0]!, ledger[2]!, ledger[1]!, ledger[3]!], options);
    expect(problems.find((p) => p.code === 'ledger_link_broken')?.seq).toBe(3);
  });

  it('detects removal of the newest entry through the recorded head', async () => {
    const { ledger, options } = await setup();
    expect(codes(verifyCustodyLedger(ledger.slice(0, 3), options))).toEqual(['ledger_head_mismatch']);
  });

  it('detects an entry edited and re-signed with another key', async () => {
    const { ledger, options } = await setup();
    const forger = await buildKey(tempDir(), 'agency-police-ba');
    // The forger rewrites entry 2 onwards and signs it all with their own key.
    const forged: CustodyEntry[] = [ledger[0]!];
    for (const entry of ledger.slice(1)) {
      forged.push(appendCustodyEntry(forged[forged.length - 1]!, { ...entry, details: { note: 'rewritten' } }, forger));
    }
    const problems = verifyCustodyLedger(forged, { ...options, head: { seq: 4, hash: forged[3]!.hash } });
    expect(problems[0]).toMatchObject({ seq: 2, code: 'ledger_unknown_key' });
  });

  it('detects an entry re-signed while still naming the agency key', async () => {
    const { ledger, options } = await setup();
    const forger = await buildKey(tempDir(), 'x');
    const edited = ledger.map((e) => ({ ...e }));
    const entry = edited[1]!;
    entry.details = { note: 'changed' };
    entry.hash = hashCustodyEntry(entry.prevHash, entry);
    entry.signature = sign(null, Buffer.from(entry.hash, 'ascii'), forger.privateKey).toString('base64');
    const problems = verifyCustodyLedger(edited, options);
    expect(codes(problems)).toContain('ledger_bad_signature');
  });

  it('detects a changed original through the hash every entry binds', async () => {
    const { ledger, options } = await setup();
    const problems = verifyCustodyLedger(ledger, { ...options, sha256: 'b'.repeat(64) });
    expect(problems).toEqual([expect.objectContaining({ seq: 1, code: 'ledger_blob_differs' })]);
  });

  it('detects entries moved between items', async () => {
    const { ledger, options } = await setup();
    expect(codes(verifyCustodyLedger(ledger, { ...options, itemId: 'item-2' }))).toContain('ledger_wrong_item');
  });

  it('stores the agency private key with mode 600 and reuses it', async () => {
    const { dir, key } = await setup();
    const again = await new AgencyKeyring(dir).get('agency-police-ba');
    expect(again.fingerprint).toBe(key.fingerprint);
    expect(statSync(path.join(dir, 'keys', 'agency-police-ba.ed25519.pem')).mode & 0o777).toBe(0o600);
    expect(createPublicKey(key.publicKeyPem).asymmetricKeyType).toBe('ed25519');
  });
});
