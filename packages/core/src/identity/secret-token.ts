// Random bearer secrets (session cookies, API tokens) and the SHA-256 digests that are stored instead of them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_TOKEN_PREFIX = 'trag_';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The CSRF token of a session: derived from its secret, so it needs no storage and dies with the session. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update('trag-csrf\n').update(sessionToken).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomSecret(32)}`;
}
