// The victims domain's encryption runtime: master keyring + data-key vault, opened once per data folder.
import type { CoreContext } from '../shared/context';
import { open, seal } from './envelope';
import { DataKeyVault, vaultPath } from './key-vault';
import { loadMasterKeyring, type MasterKeyring } from './master-key';

export interface VictimProtectionOptions {
  /** Where TRAG_MASTER_KEY / TRAG_MASTER_KEY_PREVIOUS are read (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Demo/development: generate <dataDir>/keys/master.key when no key is configured. */
  allowGeneratedKey: boolean;
  /** Vault file (default <dataDir>/keys/data-keys.sqlite). */
  vaultFile?: string;
}

export class VictimProtection {
  constructor(
    readonly keyring: MasterKeyring,
    readonly vault: DataKeyVault,
  ) {}

  get notice(): string | null {
    return this.keyring.notice;
  }

  /** A new data key for one record. */
  newRecordKey(recordId: string): { keyId: string; key: Buffer } {
    const { id, key } = this.vault.create(recordId);
    return { keyId: id, key };
  }

  recordKey(keyId: string, recordId: string): Buffer {
    return this.vault.get(keyId, recordId);
  }

  /** Encrypts one JSON value for (record, slot); slot names the field group or the kind of protected text. */
  sealJson(key: Buffer, recordId: string, slot: string, value: unknown): string {
    return seal(key, JSON.stringify(value), fieldAad(recordId, slot));
  }

  openJson<T>(key: Buffer, recordId: string, slot: string, sealed: string): T {
    return JSON.parse(open(key, sealed, fieldAad(recordId, slot)).toString('utf8')) as T;
  }

  shred(keyId: string): boolean {
    return this.vault.shred(keyId);
  }

  async close(): Promise<void> {
    await this.vault.close();
  }
}

export function fieldAad(recordId: string, slot: string): string {
  return `trag/victim/v1|${recordId}|${slot}`;
}

/** Opens keyring + vault and checks that the keyring opens every key in the vault (else throws, naming the fix). */
export function createVictimProtection(
  ctx: Pick<CoreContext, 'dataDir' | 'clock'>,
  options: VictimProtectionOptions,
): VictimProtection {
  const keyring = loadMasterKeyring({
    env: options.env ?? process.env,
    dataDir: ctx.dataDir,
    allowGeneratedKey: options.allowGeneratedKey,
  });
  const vault = new DataKeyVault(options.vaultFile ?? vaultPath(ctx.dataDir), keyring, ctx.clock);
  try {
    vault.checkKeyring();
  } catch (error) {
    void vault.close();
    throw error;
  }
  return new VictimProtection(keyring, vault);
}

const opened = new Map<string, VictimProtection>();

/** The shared instance for a data folder (API routes, CLI and demo loader in one process use the same vault). */
export function victimProtectionFor(
  ctx: Pick<CoreContext, 'dataDir' | 'clock'>,
  options: VictimProtectionOptions,
): VictimProtection {
  const existing = opened.get(ctx.dataDir);
  if (existing) return existing;
  const created = createVictimProtection(ctx, options);
  opened.set(ctx.dataDir, created);
  return created;
}

export async function closeVictimProtection(dataDir: string): Promise<void> {
  const existing = opened.get(dataDir);
  opened.delete(dataDir);
  if (existing) await existing.close();
}
