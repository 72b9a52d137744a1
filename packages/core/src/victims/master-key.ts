// Where the server master key comes from, checked once at start-up.
//
//   TRAG_MASTER_KEY           base64 of 32 random bytes (`openssl rand -base64 32`): the current key.
//   TRAG_MASTER_KEY_PREVIOUS  comma-separated earlier keys, kept only while a rotation re-wraps data keys.
//   (demo/development only)   no variable: a key is generated once into <dataDir>/keys/master.key (mode 600).
//
// In production a missing or malformed key stops the server with a message that says what to do; the key itself
// never appears in a message, a log or the database.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { KEY_BYTES, generateKey, masterKeyId } from './envelope';

export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface MasterKeyring {
  current: MasterKey;
  /** Every usable key by id: the current one and those listed in TRAG_MASTER_KEY_PREVIOUS. */
  byId: ReadonlyMap<string, Buffer>;
  source: 'environment' | 'generated-file' | 'file';
  /** A line to print at start-up (e.g. "generated a development key at …"); never contains the key. */
  notice: string | null;
}

export interface MasterKeyOptions {
  env: Record<string, string | undefined>;
  dataDir: string;
  /** Demo and development mode: generate a key file when none is configured. Never true in production. */
  allowGeneratedKey: boolean;
}

export function masterKeyError(code: string, message: string): AppError {
  return new AppError('unavailable', code, message);
}

export function parseMasterKey(text: string, name: string): Buffer {
  const trimmed = text.trim();
  const bytes = Buffer.from(trimmed, 'base64');
  const canonical = bytes.toString('base64');
  if (trimmed === '' || canonical.replace(/=+$/, '') !== trimmed.replace(/=+$/, '') || bytes.length !== KEY_BYTES) {
    throw masterKeyError(
      'master_key_invalid',
      `${name} must be 32 random bytes written in base64 (44 characters), for example the output of ` +
        '"openssl rand -base64 32". The value given is not. Fix it and start Trag again.',
    );
  }
  return bytes;
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'master.key');
}

export function loadMasterKeyring(options: MasterKeyOptions): MasterKeyring {
  const previous = (options.env.TRAG_MASTER_KEY_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s, i) => parseMasterKey(s, `TRAG_MASTER_KEY_PREVIOUS (entry ${i + 1})`));

  let current: Buffer;
  let source: MasterKeyring['source'];
  let notice: string | null = null;
  const fromEnv = options.env.TRAG_MASTER_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    current = parseMasterKey(fromEnv, 'TRAG_MASTER_KEY');
    source = 'environment';
  } else {
    const file = keyFilePath(options.dataDir);
    if (existsSync(file)) {
      if (!options.allowGeneratedKey) throw missingKey();
      const mode = statSync(file).mode & 0o777;
      if ((mode & 0o077) !== 0) {
        throw masterKeyError(
          'master_key_file_permissions',
          `The master key file ${file} can be read by other users of this computer (mode ${mode.toString(8)}). ` +
            `Run "chmod 600 ${file}" and start Trag again.`,
        );
      }
      current = parseMasterKey(readFileSync(file, 'utf8'), file);
      source = 'file';
    } else {
      if (!options.allowGeneratedKey) throw missingKey();
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      current = generateKey();
      writeFileSync(file, current.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      source = 'generated-file';
      notice =
        `Demo/development mode: generated a master key for victim data at ${file} (mode 600). ` +
        'Production needs TRAG_MASTER_KEY set instead, kept outside the data folder and its backups.';
    }
  }
  const byId = new Map<string, Buffer>();
  for (const key of [current, ...previous]) byId.set(masterKeyId(key), key);
  return { current: { id: masterKeyId(current), key: current }, byId, source, notice };
}

function missingKey(): AppError {
  return masterKeyError(
    'master_key_missing',
    'Victim records are encrypted with a server master key, and none is configured. Set TRAG_MASTER_KEY to 32 ' +
      'random bytes in base64 (for example the output of "openssl rand -base64 32"), keep a copy somewhere safe ' +
      'outside the data folder and its backups, and start Trag again.',
  );
}
