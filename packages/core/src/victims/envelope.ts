// Envelope encryption, the pure part: AES-256-GCM boxes, master-key ids, data-key wrapping.
//
// Format of a sealed box (text, so it stores the same on SQLite and PostgreSQL):
//   "v1:" + base64( iv[12] ‖ tag[16] ‖ ciphertext )
// The additional authenticated data (AAD) binds a box to where it belongs (record id, field group, key id), so a
// ciphertext copied into another record or group fails to open instead of showing the wrong person's data.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../shared/errors';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'v1:';

export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Buffer, plaintext: Buffer | string, aad: string): string {
  if (key.length !== KEY_BYTES)
    throw new AppError('internal', 'bad_key_length', 'Encryption key has the wrong length.');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([
    cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
    cipher.final(),
  ]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Opens a box; throws `decryption_failed` when the key, the AAD or the bytes are wrong (never says which). */
export function open(key: Buffer, sealed: string, aad: string): Buffer {
  if (!sealed.startsWith(PREFIX)) throw decryptionFailed();
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw decryptionFailed();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw decryptionFailed();
  }
}

function decryptionFailed(): AppError {
  return new AppError(
    'internal',
    'decryption_failed',
    'A protected record could not be decrypted. The master key may be wrong, or the data was altered.',
  );
}

/**
 * Public name of a master key: the first 16 hex digits of HMAC-SHA256(key, label). Stored beside every wrapped
 * data key so that the server knows which master key opens it (and can refuse to start with a key that opens none).
 */
export function masterKeyId(key: Buffer): string {
  return 'mk-' + createHmac('sha256', key).update('trag/master-key-id/v1').digest('hex').slice(0, 16);
}

export function dataKeyAad(dataKeyId: string, scope: string): string {
  return `trag/data-key/v1|${dataKeyId}|${scope}`;
}

export function wrapDataKey(master: Buffer, dataKeyId: string, scope: string, dataKey: Buffer): string {
  return seal(master, dataKey, dataKeyAad(dataKeyId, scope));
}

export function unwrapDataKey(master: Buffer, dataKeyId: string, scope: string, wrapped: string): Buffer {
  const key = open(master, wrapped, dataKeyAad(dataKeyId, scope));
  if (key.length !== KEY_BYTES) throw decryptionFailed();
  return key;
}
