// Short join codes for training sessions: 6 characters without look-alikes (no 0/O, 1/I/L), ~30 bits.
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newSessionCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Upper-cases and strips spaces and dashes, so "abc-def" typed on a phone still joins. */
export function normalizeSessionCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}
