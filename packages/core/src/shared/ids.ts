import { randomUUID } from 'node:crypto';

/** Opaque record identifier (UUID v4). */
export function newId(): string {
  return randomUUID();
}
