// The age v1 file format (https://age-encryption.org/v1), X25519 recipients only, with the payload encrypted by
// Node's native ChaCha20-Poly1305 so a gigabyte streams at native speed (the pure-JS cipher of the age-encryption
// package runs about six times slower here). Keys, recipients ("age1…") and identities ("AGE-SECRET-KEY-1…") are the
// same as age's; files written here are decrypted by the `age` CLI and vice versa (see package-format.test.ts).
//
//   header:  "age-encryption.org/v1\n" + per recipient "-> X25519 <ephemeral share>\n<wrapped file key>\n"
//            + "--- " + base64(HMAC-SHA256(HKDF(fileKey, "", "header"), header up to "---")) + "\n"
//   wrap:    ChaCha20-Poly1305(HKDF(X25519(e, R), E‖R, "age-encryption.org/v1/X25519"), nonce 0, fileKey)
//   payload: 16-byte nonce, then 64 KiB chunks, ChaCha20-Poly1305(HKDF(fileKey, nonce, "payload"),
//            11-byte big-endian counter ‖ last-chunk flag)
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { x25519 } from '@noble/curves/ed25519.js';
import { bech32 } from '@scure/base';

const VERSION_LINE = 'age-encryption.org/v1';
const X25519_INFO = 'age-encryption.org/v1/X25519';
const CHUNK = 64 * 1024;
const TAG = 16;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');
const unb64 = (text: string) => {
  if (!/^[A-Za-z0-9+/]*$/.test(text)) throw new AgeFormatError('bad base64 in header');
  return Buffer.from(text, 'base64');
};
const hkdf = (ikm: Uint8Array, salt: Uint8Array, info: string) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(info), 32));

export class AgeFormatError extends Error {}

function aead(encrypt: boolean, key: Buffer, nonce: Buffer, data: Buffer): Buffer {
  if (encrypt) {
    const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
    return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
  }
  if (data.length < TAG) throw new AgeFormatError('chunk too short');
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  d.setAuthTag(data.subarray(data.length - TAG));
  try {
    return Buffer.concat([d.update(data.subarray(0, data.length - TAG)), d.final()]);
  } catch {
    throw new AgeFormatError('authentication failed (the file was changed or cut short)');
  }
}

export function recipientKey(recipient: string): Uint8Array {
  const { prefix, bytes } = bech32.decodeToBytes(recipient as `${string}1${string}`);
  if (prefix !== 'age' || bytes.length !== 32) throw new AgeFormatError('not an age X25519 recipient');
  return bytes;
}

export function identityKey(identity: string): Uint8Array {
  const { prefix, bytes } = bech32.decodeToBytes(identity.trim().toLowerCase() as `${string}1${string}`);
  if (prefix !== 'age-secret-key-' || bytes.length !== 32) throw new AgeFormatError('not an age X25519 identity');
  return bytes;
}

function header(fileKey: Buffer, recipients: string[]): Buffer {
  let text = `${VERSION_LINE}\n`;
  for (const recipient of recipients) {
    const r = recipientKey(recipient);
    const e = randomBytes(32);
    const share = x25519.getPublicKey(e);
    const shared = x25519.getSharedSecret(e, r);
    const wrapKey = hkdf(shared, Buffer.concat([share, r]), X25519_INFO);
    const body = b64(aead(true, wrapKey, Buffer.alloc(12), fileKey));
    text += `-> X25519 ${b64(share)}\n${body}\n`;
  }
  text += '---';
  const mac = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(text)
    .digest();
  return Buffer.from(`${text} ${b64(mac)}\n`);
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6); // 11-byte big-endian counter (high bytes zero), then the flag
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** A Transform: plaintext in, an age file out. */
export function ageEncryptStream(recipients: string[]): Transform {
  if (recipients.length === 0) throw new AgeFormatError('no recipients');
  const fileKey = randomBytes(16);
  const nonce = randomBytes(16);
  const key = hkdf(fileKey, nonce, 'payload');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let counter = 0;
  let started = false;
  const start = (push: (b: Buffer) => void) => {
    if (started) return;
    started = true;
    push(header(fileKey, recipients));
    push(nonce);
  };
  return new Transform({
    transform(chunk: Buffer, _enc, callback: TransformCallback) {
      start((b) => this.push(b));
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > CHUNK) {
        let all = Buffer.concat(pending, pendingBytes);
        // Keep at least one byte back: the last chunk is only known at the end.
        while (all.length > CHUNK) {
          this.push(aead(true, key, chunkNonce(counter++, false), all.subarray(0, CHUNK)));
          all = all.subarray(CHUNK);
        }
        pending = [all];
        pendingBytes = all.length;
      }
      callback();
    },
    flush(callback: TransformCallback) {
      start((b) => this.push(b));
      this.push(aead(true, key, chunkNonce(counter++, true), Buffer.concat(pending, pendingBytes)));
      callback();
    },
  });
}

function parseHeader(data: Buffer, identity: Uint8Array): { fileKey: Buffer; headerLength: number } | null {
  const end = data.indexOf('\n---');
  if (end < 0) return null;
  const macLineEnd = data.indexOf('\n', end + 4);
  if (macLineEnd < 0) return null;
  const text = data.subarray(0, end + 4).toString('latin1');
  const macLine = data.subarray(end + 1, macLineEnd).toString('latin1');
  const lines = text.split('\n');
  if (lines[0] !== VERSION_LINE) throw new AgeFormatError('not an age v1 file');
  const ownShare = x25519.getPublicKey(identity);
  let fileKey: Buffer | null = null;
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (!line.startsWith('-> ')) throw new AgeFormatError('malformed header');
    const args = line.slice(3).split(' ');
    const bodyParts: string[] = [];
    while (i + 1 < lines.length - 1 && !lines[i + 1]!.startsWith('-> ')) {
      bodyParts.push(lines[++i]!);
      if (bodyParts[bodyParts.length - 1]!.length < 64) break;
    }
    if (fileKey || args[0] !== 'X25519' || args.length !== 2) continue;
    const share = unb64(args[1]!);
    const body = unb64(bodyParts.join(''));
    if (share.length !== 32 || body.length !== 32) throw new AgeFormatError('malformed X25519 stanza');
    const shared = x25519.getSharedSecret(identity, share);
    const wrapKey = hkdf(shared, Buffer.concat([share, ownShare]), X25519_INFO);
    try {
      fileKey = aead(false, wrapKey, Buffer.alloc(12), body);
    } catch {
      // not for us
    }
  }
  if (!fileKey) throw new AgeFormatError('no identity matched any of the recipients');
  const mac = unb64(macLine.slice(4));
  const expected = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(text)
    .digest();
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
    throw new AgeFormatError('header MAC mismatch');
  return { fileKey, headerLength: macLineEnd + 1 };
}

/** A Transform: an age file in, plaintext out. Errors (wrong key, tampering, truncation) fail the stream. */
export function ageDecryptStream(identityText: string): Transform {
  const identity = identityKey(identityText);
  let buffer: Buffer = Buffer.alloc(0);
  let key: Buffer | null = null;
  let counter = 0;
  const sealed = CHUNK + TAG;
  return new Transform({
    transform(chunk: Buffer, _enc, callback: TransformCallback) {
      try {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        if (!key) {
          if (buffer.length > 64 * 1024 && buffer.indexOf('\n---') < 0) throw new AgeFormatError('header too long');
          const parsed = parseHeader(buffer, identity);
          if (!parsed) return callback();
          if (buffer.length < parsed.headerLength + 16) return callback();
          const nonce = buffer.subarray(parsed.headerLength, parsed.headerLength + 16);
          key = hkdf(parsed.fileKey, nonce, 'payload');
          buffer = buffer.subarray(parsed.headerLength + 16);
        }
        while (buffer.length > sealed) {
          this.push(aead(false, key, chunkNonce(counter++, false), buffer.subarray(0, sealed)));
          buffer = buffer.subarray(sealed);
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!key) throw new AgeFormatError('the file ends inside its header');
        const last = aead(false, key, chunkNonce(counter++, true), buffer);
        if (last.length === 0 && counter > 1) throw new AgeFormatError('empty last chunk');
        this.push(last);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
