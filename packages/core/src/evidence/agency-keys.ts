// Each agency's Ed25519 signing key for custody ledgers and bundle manifests. Generated on first use; the private
// key is kept in `<dataDir>/keys/<agency>.ed25519.pem` (mode 600, PKCS#8 PEM), the public key beside it as
// `<agency>.ed25519.pub.pem` (SPKI PEM). The fingerprint (SHA-256 of the DER public key) is what an agency
// publishes so that a court can check that a bundle's key is really theirs:
//   openssl pkey -pubin -in key.pem -outform DER | sha256sum
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { keyFingerprint, type LedgerSigner } from './custody-ledger';

export interface AgencyKey extends LedgerSigner {
  agencyId: string;
  publicKey: KeyObject;
  publicKeyPem: string;
}

/** File-name-safe form of an agency id (UUIDs pass unchanged). */
function fileStem(agencyId: string): string {
  return /^[A-Za-z0-9_-]{1,100}$/.test(agencyId)
    ? agencyId
    : createHash('sha256').update(agencyId).digest('hex').slice(0, 32);
}

export class AgencyKeyring {
  private readonly dir: string;
  private readonly cache = new Map<string, Promise<AgencyKey>>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'keys');
  }

  /** The agency's key, generated and stored on first use. */
  get(agencyId: string): Promise<AgencyKey> {
    let key = this.cache.get(agencyId);
    if (!key) {
      key = this.load(agencyId);
      this.cache.set(agencyId, key);
      key.catch(() => this.cache.delete(agencyId));
    }
    return key;
  }

  private async load(agencyId: string): Promise<AgencyKey> {
    const stem = fileStem(agencyId);
    const privatePath = path.join(this.dir, `${stem}.ed25519.pem`);
    const publicPath = path.join(this.dir, `${stem}.ed25519.pub.pem`);
    let privatePem: string;
    try {
      privatePem = await fs.readFile(privatePath, 'utf8');
    } catch {
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      const pair = generateKeyPairSync('ed25519');
      privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      try {
        // 'wx': if another process created it meanwhile, keep theirs.
        await fs.writeFile(privatePath, privatePem, { mode: 0o600, flag: 'wx' });
      } catch {
        privatePem = await fs.readFile(privatePath, 'utf8');
      }
    }
    const privateKey = createPrivateKey(privatePem);
    const publicKey = createPublicKey(privateKey);
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await fs.writeFile(publicPath, publicKeyPem, { mode: 0o644 });
    return { agencyId, privateKey, publicKey, publicKeyPem, fingerprint: keyFingerprint(publicKey) };
  }
}

/** "ab12 cd34 …" grouping for people reading a fingerprint aloud. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)?.join(' ') ?? fingerprint;
}
