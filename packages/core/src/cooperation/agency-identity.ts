// An agency's cooperation identity: the Ed25519 signing key it already uses for custody ledgers (evidence's
// AgencyKeyring, `<dataDir>/keys/<agency>.ed25519.pem`), an age X25519 identity for receiving packages
// (`<dataDir>/keys/<agency>.age`, the standard "AGE-SECRET-KEY-1…" file that `age -d -i` reads) and the matching
// secret for hit/no-hit (`<dataDir>/keys/<agency>.oprf`, hex; the X25519 key of protocol trag-hit-v2 is derived
// from it, see hit-matching.ts). All generated on first use, mode 600.
//
// Fingerprint (what two officers compare by phone): SHA-256 hex of
//   "trag-partner-v1\n" + <signing key, base64 DER SPKI> + "\n" + <age recipient> + "\n" + <matching key, base64url> + "\n"
// shown in groups of four characters.
import { createHash, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AgencyKeyring, type AgencyKey } from '@trag/core/evidence';
import { generateMatchingKey, responderKey, type MatchingKeyPair, type ResponderKey } from './hit-matching';

export interface PartnerPublicKeys {
  /** Ed25519 public key, base64 of DER SubjectPublicKeyInfo. */
  signingKey: string;
  /** age X25519 recipient ("age1…"). */
  ageRecipient: string;
  /** Public half of the matching secret (ristretto255, base64url); kept for fingerprint continuity. */
  matchingKey: string;
}

export interface CooperationIdentity {
  agencyId: string;
  signing: AgencyKey;
  ageIdentity: string;
  matching: MatchingKeyPair;
  /** The hit/no-hit responder key derived from `matching.secretKey`. */
  hitKey: ResponderKey;
  publicKeys: PartnerPublicKeys;
  fingerprint: string;
}

export function partnerFingerprint(keys: PartnerPublicKeys): string {
  return createHash('sha256')
    .update(`trag-partner-v1\n${keys.signingKey}\n${keys.ageRecipient}\n${keys.matchingKey}\n`)
    .digest('hex');
}

/** "ab12 cd34 …": the first 32 hex digits in eight groups is what people read aloud; the full value is in the card. */
export function readableFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ');
}

export function spkiBase64(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

async function readOrCreate(file: string, create: () => Promise<string> | string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const value = await create();
    try {
      await fs.writeFile(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
      return value;
    } catch {
      return (await fs.readFile(file, 'utf8')).trim(); // another process won the race: keep theirs
    }
  }
}

const stemOf = (agencyId: string) =>
  /^[A-Za-z0-9_-]{1,100}$/.test(agencyId) ? agencyId : createHash('sha256').update(agencyId).digest('hex').slice(0, 32);

export class CooperationKeyring {
  private readonly dir: string;
  private readonly signing: AgencyKeyring;
  private readonly cache = new Map<string, Promise<CooperationIdentity>>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'keys');
    this.signing = new AgencyKeyring(dataDir);
  }

  get(agencyId: string): Promise<CooperationIdentity> {
    let identity = this.cache.get(agencyId);
    if (!identity) {
      identity = this.load(agencyId);
      this.cache.set(agencyId, identity);
      identity.catch(() => this.cache.delete(agencyId));
    }
    return identity;
  }

  private async load(agencyId: string): Promise<CooperationIdentity> {
    const stem = stemOf(agencyId);
    const signing = await this.signing.get(agencyId);
    const ageIdentity = await readOrCreate(path.join(this.dir, `${stem}.age`), () => generateX25519Identity());
    const ageRecipient = await identityToRecipient(ageIdentity);
    const oprfHex = await readOrCreate(path.join(this.dir, `${stem}.oprf`), () => {
      const pair = generateMatchingKey();
      return `${Buffer.from(pair.secretKey).toString('hex')}:${Buffer.from(pair.publicKey).toString('hex')}`;
    });
    const [secretHex, publicHex] = oprfHex.split(':');
    if (!secretHex || !publicHex) throw new Error('The matching key file is damaged.');
    const matching = {
      secretKey: new Uint8Array(Buffer.from(secretHex, 'hex')),
      publicKey: new Uint8Array(Buffer.from(publicHex, 'hex')),
    };
    const publicKeys: PartnerPublicKeys = {
      signingKey: spkiBase64(signing.publicKey),
      ageRecipient,
      matchingKey: Buffer.from(matching.publicKey).toString('base64url'),
    };
    return {
      agencyId,
      signing,
      ageIdentity,
      matching,
      hitKey: responderKey(matching.secretKey),
      publicKeys,
      fingerprint: partnerFingerprint(publicKeys),
    };
  }
}
