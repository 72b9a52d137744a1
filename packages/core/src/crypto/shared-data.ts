// Where the real test data lives: ../shared/data/crypto resolved from the repository root (tests and benches only).
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
export const CRYPTO_DATA_DIR = resolve(REPO_ROOT, '../shared/data/crypto');
export const cryptoDataPath = (...parts: string[]): string => resolve(CRYPTO_DATA_DIR, ...parts);
