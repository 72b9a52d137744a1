// Checks a court bundle with nothing but the bundle: no server, no database, no network. For each item it
// re-hashes the original, checks the custody ledger (chain, signatures, keys, head, blob hash) and reports every
// problem; for the bundle as a whole it checks the keys' fingerprints, the manifest signature and SHA256SUMS.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { manifestProblems, type BundleManifest } from './bundle-format';
import { ledgerFromJsonLines, verifyCustodyLedger, keyFingerprint, type CustodyEntry } from './custody-ledger';
import { openArchive, type OpenArchive } from './zip-archive';
import { isAppError } from '../shared/errors';

export interface BundleProblem {
  code: string;
  message: string;
  /** Ledger entry concerned, when there is one. */
  seq?: number;
}

export interface BundleItemReport {
  exhibit: string;
  sha256: string;
  ok: boolean;
  problems: BundleProblem[];
}

export interface BundleReport {
  ok: boolean;
  items: BundleItemReport[];
  /** Problems of the bundle as a whole (keys, manifest signature, SHA256SUMS, unreadable archive). */
  problems: BundleProblem[];
  bundle: {
    bundleId: string | null;
    caseReference: string | null;
    createdAt: string | null;
    signedBy: string | null;
    synthetic: boolean;
  };
}

const MANIFEST_LIMIT = 64 * 1024 * 1024;
const LEDGER_LIMIT = 64 * 1024 * 1024;

async function hashEntry(archive: OpenArchive, name: string): Promise<{ sha256: string; size: number } | null> {
  const entry = archive.byName.get(name);
  if (!entry) return null;
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of await archive.open(entry)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

async function readBytes(archive: OpenArchive, name: string, limit: number): Promise<Buffer | null> {
  const entry = archive.byName.get(name);
  if (!entry) return null;
  if (entry.size > limit) throw new Error(`${name} is too large`);
  const chunks: Buffer[] = [];
  for await (const chunk of await archive.open(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function failed(problems: BundleProblem[]): BundleReport {
  return {
    ok: false,
    items: [],
    problems,
    bundle: { bundleId: null, caseReference: null, createdAt: null, signedBy: null, synthetic: false },
  };
}

export async function verifyBundle(file: string): Promise<BundleReport> {
  let archive: OpenArchive;
  try {
    archive = await openArchive(file);
  } catch (error) {
    const code = isAppError(error) ? error.code : 'bundle_unreadable';
    const message = error instanceof Error ? error.message : 'The bundle cannot be read.';
    return failed([{ code, message }]);
  }
  try {
    return await verifyOpenBundle(archive);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed([{ code: 'bundle_unreadable', message: `The bundle cannot be read: ${message}` }]);
  } finally {
    archive.close();
  }
}

async function verifyOpenBundle(archive: OpenArchive): Promise<BundleReport> {
  const problems: BundleProblem[] = [];
  const manifestBytes = await readBytes(archive, 'manifest.json', MANIFEST_LIMIT);
  if (!manifestBytes) return failed([{ code: 'bundle_no_manifest', message: 'The bundle has no manifest.json.' }]);
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as BundleManifest;
  } catch {
    return failed([{ code: 'bundle_manifest_invalid', message: 'manifest.json is not valid JSON.' }]);
  }
  const shape = manifestProblems(manifest);
  if (shape.length) return failed(shape.map((message) => ({ code: 'bundle_manifest_invalid', message })));

  // Keys: each file must have the fingerprint the manifest states.
  const keys = new Map<string, KeyObject>();
  const keyAgency = new Map<string, string>();
  for (const agency of manifest.agencies) {
    const pem = await readBytes(archive, agency.publicKey, 64 * 1024);
    if (!pem) {
      problems.push({ code: 'bundle_key_missing', message: `The public key ${agency.publicKey} is missing.` });
      continue;
    }
    try {
      const key = createPublicKey(pem.toString('utf8'));
      const fingerprint = keyFingerprint(key);
      if (fingerprint !== agency.fingerprint) {
        problems.push({
          code: 'bundle_key_mismatch',
          message: `The public key of ${agency.name} does not have the fingerprint the manifest states.`,
        });
        continue;
      }
      keys.set(fingerprint, key);
      keyAgency.set(fingerprint, agency.agencyId);
    } catch {
      problems.push({ code: 'bundle_key_invalid', message: `${agency.publicKey} is not a valid public key.` });
    }
  }

  // The manifest's signature by the exporting agency.
  const signature = await readBytes(archive, 'manifest.json.sig', 4096);
  const signer = keys.get(manifest.signedBy);
  if (!signature) {
    problems.push({ code: 'bundle_manifest_unsigned', message: 'manifest.json.sig is missing.' });
  } else if (!signer) {
    problems.push({
      code: 'bundle_signer_unknown',
      message: 'The key that signed the manifest is not in the bundle.',
    });
  } else if (!safeVerify(signer, manifestBytes, signature.toString('utf8').trim())) {
    problems.push({
      code: 'bundle_manifest_signature_invalid',
      message: 'manifest.json was changed after export: its signature does not match.',
    });
  }

  // Items: original bytes and custody ledger.
  const items: BundleItemReport[] = [];
  const itemHashes = new Map<string, string>();
  for (const item of manifest.items) {
    const itemProblems: BundleProblem[] = [];
    let actual: string | null = null;
    try {
      const hashed = await hashEntry(archive, item.original);
      if (!hashed) {
        itemProblems.push({ code: 'original_missing', message: `The original ${item.original} is missing.` });
      } else {
        actual = hashed.sha256;
        itemHashes.set(item.original, actual);
        if (hashed.sha256 !== item.sha256) {
          itemProblems.push({
            code: 'original_hash_mismatch',
            message: `The original ${item.original} does not match its recorded SHA-256: its bytes were changed.`,
          });
        }
        if (hashed.size !== item.size) {
          itemProblems.push({
            code: 'original_size_mismatch',
            message: `The original ${item.original} has ${hashed.size} bytes instead of ${item.size}.`,
          });
        }
      }
    } catch (error) {
      itemProblems.push({
        code: 'original_unreadable',
        message: `The original ${item.original} cannot be read: ${error instanceof Error ? error.message : 'damaged'}.`,
      });
    }
    let ledger: CustodyEntry[] | null = null;
    try {
      const text = await readBytes(archive, item.ledger, LEDGER_LIMIT);
      if (!text)
        itemProblems.push({ code: 'ledger_missing', message: `The custody ledger ${item.ledger} is missing.` });
      else ledger = ledgerFromJsonLines(text.toString('utf8'));
    } catch {
      itemProblems.push({ code: 'ledger_unreadable', message: `The custody ledger ${item.ledger} cannot be read.` });
    }
    if (ledger) {
      const ledgerProblems = verifyCustodyLedger(ledger, {
        itemId: item.itemId,
        sha256: actual ?? item.sha256,
        keys,
        keyAgency,
        head: item.ledgerHead,
      });
      for (const p of ledgerProblems) itemProblems.push({ code: p.code, message: p.message, seq: p.seq ?? undefined });
    }
    items.push({ exhibit: item.exhibit, sha256: item.sha256, ok: itemProblems.length === 0, problems: itemProblems });
  }

  // SHA256SUMS: every other file, so a changed report or key is noticed too.
  const sumsBytes = await readBytes(archive, 'SHA256SUMS', MANIFEST_LIMIT);
  const listed = new Set<string>(['SHA256SUMS']);
  if (!sumsBytes) {
    problems.push({ code: 'bundle_no_checksums', message: 'SHA256SUMS is missing.' });
  } else {
    for (const line of sumsBytes.toString('utf8').split('\n')) {
      const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!match) continue;
      const [, expected, name] = match as unknown as [string, string, string];
      listed.add(name);
      const known = itemHashes.get(name);
      const actual = known ?? (await hashEntry(archive, name))?.sha256 ?? null;
      if (actual === null) {
        if (!manifest.items.some((i) => i.original === name)) {
          problems.push({ code: 'bundle_file_missing', message: `${name} is listed in SHA256SUMS but missing.` });
        }
      } else if (actual !== expected && !manifest.items.some((i) => i.original === name)) {
        problems.push({ code: 'bundle_file_changed', message: `${name} does not match SHA256SUMS: it was changed.` });
      }
    }
    for (const entry of archive.entries) {
      if (!entry.isDirectory && !listed.has(entry.name)) {
        problems.push({ code: 'bundle_file_unlisted', message: `${entry.name} was added to the bundle after export.` });
      }
    }
  }

  const ok = problems.length === 0 && items.every((i) => i.ok);
  return {
    ok,
    items,
    problems,
    bundle: {
      bundleId: manifest.bundleId ?? null,
      caseReference: manifest.case?.reference ?? null,
      createdAt: manifest.createdAt ?? null,
      signedBy: manifest.signedBy,
      synthetic: manifest.synthetic === true,
    },
  };
}

function safeVerify(key: KeyObject, data: Buffer, signatureBase64: string): boolean {
  try {
    return verify(null, data, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
