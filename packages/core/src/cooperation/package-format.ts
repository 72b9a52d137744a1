// The cooperation package: one ZIP (entries stored, not compressed) a partner can read with standard tools.
//
//   envelope.json   {format:"trag-package/1", packageId, sender, recipients, created, expires, handling, grading,
//                    purpose, legalBasis, payload:{sha256,size}} — the exact bytes are what is signed
//   envelope.sig    Ed25519 signature (raw 64 bytes) over envelope.json, by the sender's signing key
//                    (openssl pkeyutl -verify -rawin -pubin -inkey sender.pem -in envelope.json -sigfile envelope.sig)
//   payload.age     the age file (X25519, one stanza per recipient) holding the inner ZIP:
//                      manifest.json  {format:"trag-package-manifest/1", packageId, entities, notes, evidence[…]}
//                      manifest.sig   Ed25519 over manifest.json
//                      evidence/<sha256>   each original, as collected
//
// Everything is streamed: the inner ZIP is written through age into a temporary file while its SHA-256 is computed,
// then the outer ZIP is assembled; opening reverses this with the same constant memory. Nothing here touches the
// database — the service decides what to store, and only after verifyPackage has accepted the file.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ageDecryptStream, ageEncryptStream } from './age-stream';
import yazl from 'yazl';
import { cooperation, type evidence } from '@trag/contracts';
import { openArchive, HashingStream, type OpenArchive } from '@trag/core/evidence';
import { AppError, newId } from '@trag/core/shared';
import type { CooperationIdentity } from './agency-identity';

export const PACKAGE_FORMAT = 'trag-package/1';
export const MANIFEST_FORMAT = 'trag-package-manifest/1';
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];
export const SOURCE_GRADES = ['A', 'B', 'C', 'D'] as const;
export const INFORMATION_GRADES = [1, 2, 3, 4] as const;

/** Codes whose material may not be passed on to anyone else (re-export is refused). */
export function handlingForbidsOnwardSharing(code: HandlingCode): boolean {
  return cooperation.ONWARD_SHARING_FORBIDDEN_CODES.includes(code);
}

export interface PackageEnvelope {
  format: typeof PACKAGE_FORMAT;
  packageId: string;
  sender: { fingerprint: string; agencyName: string; country: string };
  recipients: string[];
  created: string;
  expires: string;
  handling: { code: HandlingCode; restrictions: string };
  grading: { source: (typeof SOURCE_GRADES)[number]; information: (typeof INFORMATION_GRADES)[number] };
  purpose: string;
  legalBasis: string;
  payload: { sha256: string; size: number };
}

export interface ManifestEntity {
  type: string;
  label: string;
  identifier: string | null;
  attributes: Record<string, string>;
}
export interface ManifestNote {
  body: string;
  created: string;
}
export interface ManifestEvidence {
  exhibitNumber: string;
  fileName: string;
  mediaType: string;
  description: string;
  size: number;
  sha256: string;
  path: string;
  /** The sender's id of the item (bound into every custody entry hash). */
  senderItemId: string;
  /** The sender's custody ledger for the item, including the entry recording this transfer. */
  custody: evidence.CustodyEntry[];
}
export interface PackageManifest {
  format: typeof MANIFEST_FORMAT;
  packageId: string;
  caseTitle: string;
  entities: ManifestEntity[];
  notes: ManifestNote[];
  evidence: ManifestEvidence[];
}

export interface EvidenceSource {
  exhibitNumber: string;
  fileName: string;
  mediaType: string;
  description: string;
  size: number;
  sha256: string;
  senderItemId: string;
  custody: evidence.CustodyEntry[];
  open(): Promise<Readable>;
}

export interface BuildPackageInput {
  sender: CooperationIdentity;
  senderAgency: { name: string; country: string };
  recipients: Array<{ fingerprint: string; ageRecipient: string }>;
  packageId?: string;
  created: string;
  expires: string;
  handling: PackageEnvelope['handling'];
  grading: PackageEnvelope['grading'];
  purpose: string;
  legalBasis: string;
  caseTitle: string;
  entities: ManifestEntity[];
  notes: ManifestNote[];
  evidence: EvidenceSource[];
  /** Where the package is written. */
  out: string;
}

export const REJECTION_CODES = [
  'package_corrupt',
  'package_unsigned',
  'package_format_unknown',
  'package_bad_signature',
  'package_payload_mismatch',
  'package_expired',
  'package_not_addressed_to_us',
  'package_replayed',
  'package_unknown_sender',
  'package_manifest_invalid',
  'package_evidence_mismatch',
  'package_undecryptable',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

const REJECTION_MESSAGES: Record<RejectionCode, string> = {
  package_corrupt: 'The file is not a complete Trag package (damaged or cut short). Ask the sender to send it again.',
  package_unsigned: 'The package carries no signature; it cannot be trusted and was not imported.',
  package_format_unknown: 'The package is in a format this version of Trag does not know.',
  package_bad_signature:
    'The signature does not match the sender: the package was changed or forged. Nothing was stored.',
  package_payload_mismatch: 'The encrypted contents do not match what the sender signed: the package was changed.',
  package_expired: 'The package has expired; ask the sender for a new one.',
  package_not_addressed_to_us: 'The package is not addressed to this agency.',
  package_replayed: 'This package was already received; a second copy is refused.',
  package_unknown_sender:
    'The sender is not a trusted partner yet. The package is quarantined until the partner is accepted.',
  package_manifest_invalid: 'The contents list inside the package is missing, unsigned or malformed.',
  package_evidence_mismatch: 'An evidence file inside the package does not match its recorded hash.',
  package_undecryptable: 'The package cannot be decrypted with this agency\u2019s key.',
};

export class PackageRejected extends AppError {
  constructor(
    readonly reason: RejectionCode,
    detail?: string,
  ) {
    super(
      reason === 'package_unknown_sender' ? 'forbidden' : reason === 'package_replayed' ? 'conflict' : 'invalid',
      reason,
      REJECTION_MESSAGES[reason],
      { details: detail ? { reason, detail } : { reason } },
    );
  }
}

const reject = (reason: RejectionCode, detail?: string) => new PackageRejected(reason, detail);

export function publicKeyFromBase64(spki: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
}

/** Builds a package file; returns the envelope (already signed and written). Memory stays flat for any size. */
export async function buildPackage(input: BuildPackageInput): Promise<PackageEnvelope> {
  if (input.recipients.length === 0)
    throw new AppError('invalid', 'package_no_recipient', 'Choose at least one partner.');
  const packageId = input.packageId ?? newId();
  const manifest: PackageManifest = {
    format: MANIFEST_FORMAT,
    packageId,
    caseTitle: input.caseTitle,
    entities: input.entities,
    notes: input.notes,
    evidence: input.evidence.map((e) => ({
      exhibitNumber: e.exhibitNumber,
      fileName: e.fileName,
      mediaType: e.mediaType,
      description: e.description,
      size: e.size,
      sha256: e.sha256,
      path: `evidence/${e.sha256}`,
      senderItemId: e.senderItemId,
      custody: e.custody,
    })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const inner = new yazl.ZipFile();
  inner.addBuffer(manifestBytes, 'manifest.json', { compress: false });
  inner.addBuffer(sign(null, manifestBytes, input.sender.signing.privateKey), 'manifest.sig', { compress: false });
  const added = new Set<string>();
  // Evidence streams are opened lazily, one at a time, as yazl reaches them.
  for (const e of input.evidence) {
    if (added.has(e.sha256)) continue;
    added.add(e.sha256);
    inner.addReadStreamLazy(`evidence/${e.sha256}`, { compress: false, size: e.size }, (cb) => {
      e.open().then(
        (stream) => cb(null, stream),
        (error: Error) => cb(error, undefined as unknown as Readable),
      );
    });
  }
  inner.end();

  const payloadFile = `${input.out}.payload.tmp`;
  try {
    const hashing = new HashingStream();
    await pipeline(
      inner.outputStream,
      ageEncryptStream(input.recipients.map((r) => r.ageRecipient)),
      hashing,
      createWriteStream(payloadFile, { mode: 0o600 }),
    );
    const envelope: PackageEnvelope = {
      format: PACKAGE_FORMAT,
      packageId,
      sender: {
        fingerprint: input.sender.fingerprint,
        agencyName: input.senderAgency.name,
        country: input.senderAgency.country,
      },
      recipients: input.recipients.map((r) => r.fingerprint),
      created: input.created,
      expires: input.expires,
      handling: input.handling,
      grading: input.grading,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      payload: { sha256: hashing.digest(), size: hashing.bytes },
    };
    const envelopeBytes = Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
    const outer = new yazl.ZipFile();
    outer.addBuffer(envelopeBytes, 'envelope.json', { compress: false });
    outer.addBuffer(sign(null, envelopeBytes, input.sender.signing.privateKey), 'envelope.sig', { compress: false });
    outer.addFile(payloadFile, 'payload.age', { compress: false });
    outer.end();
    await pipeline(outer.outputStream, createWriteStream(input.out, { mode: 0o600 }));
    return envelope;
  } finally {
    await fs.rm(payloadFile, { force: true });
  }
}

export interface ReadEnvelope {
  envelope: PackageEnvelope;
  envelopeBytes: Buffer;
  signature: Buffer;
}

function isEnvelope(value: unknown): value is PackageEnvelope {
  const v = value as Partial<PackageEnvelope> | null;
  return (
    !!v &&
    typeof v === 'object' &&
    v.format === PACKAGE_FORMAT &&
    typeof v.packageId === 'string' &&
    typeof v.sender?.fingerprint === 'string' &&
    Array.isArray(v.recipients) &&
    v.recipients.every((r) => typeof r === 'string') &&
    typeof v.created === 'string' &&
    typeof v.expires === 'string' &&
    HANDLING_CODES.includes(v.handling?.code as HandlingCode) &&
    SOURCE_GRADES.includes(v.grading?.source as 'A') &&
    INFORMATION_GRADES.includes(v.grading?.information as 1) &&
    typeof v.payload?.sha256 === 'string' &&
    typeof v.payload?.size === 'number'
  );
}

async function withArchive<T>(file: string, fn: (archive: OpenArchive) => Promise<T>): Promise<T> {
  let archive: OpenArchive;
  try {
    archive = await openArchive(file);
  } catch (error) {
    throw reject('package_corrupt', (error as Error).message);
  }
  try {
    return await fn(archive);
  } finally {
    archive.close();
  }
}

/** Reads the envelope and its signature (small); does not judge them yet. */
export async function readEnvelope(file: string): Promise<ReadEnvelope> {
  return withArchive(file, async (archive) => {
    const envelopeEntry = archive.byName.get('envelope.json');
    if (!envelopeEntry || !archive.byName.get('payload.age')) throw reject('package_corrupt', 'missing entries');
    const sigEntry = archive.byName.get('envelope.sig');
    if (!sigEntry) throw reject('package_unsigned');
    let envelopeBytes: Buffer;
    let signature: Buffer;
    try {
      envelopeBytes = await readBytes(archive, envelopeEntry, 1 << 20);
      signature = await readBytes(archive, sigEntry, 1024);
    } catch (error) {
      throw reject('package_corrupt', (error as Error).message);
    }
    if (signature.length === 0) throw reject('package_unsigned');
    let parsed: unknown;
    try {
      parsed = JSON.parse(envelopeBytes.toString('utf8'));
    } catch {
      throw reject('package_corrupt', 'envelope is not JSON');
    }
    if (!isEnvelope(parsed)) throw reject('package_format_unknown');
    return { envelope: parsed, envelopeBytes, signature };
  });
}

async function readBytes(archive: OpenArchive, entry: Parameters<OpenArchive['open']>[0], max: number) {
  if (entry.size > max) throw reject('package_corrupt', `${entry.name} too large`);
  const chunks: Buffer[] = [];
  for await (const chunk of await archive.open(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface VerifyContext {
  /** This agency's identity (the recipient). */
  identity: CooperationIdentity;
  /** Signing key (base64 SPKI) of a partner by fingerprint, or null for a stranger; `trusted` false = not accepted yet. */
  partner(fingerprint: string): Promise<{ signingKey: string; trusted: boolean } | null>;
  /** Whether a package id was received before. */
  seen(packageId: string): Promise<boolean>;
  now: Date;
}

export interface VerifiedPackage extends ReadEnvelope {
  senderKey: KeyObject;
  /** False when the payload hash is left to openPackage (checked in the same pass as decryption). */
  payloadChecked: boolean;
}

/**
 * Every check that needs no decryption, in an order that tells the truth about the file: well-formed and signed,
 * signed by the partner it names, the signed payload hash matches, addressed to us, not expired, not seen before.
 * A signed package from a stranger (or a partner not accepted yet) is rejected as package_unknown_sender so the
 * caller can quarantine it.
 */
export async function verifyPackage(
  file: string,
  ctx: VerifyContext,
  options: { deferPayloadHash?: boolean } = {},
): Promise<VerifiedPackage> {
  const read = await readEnvelope(file);
  const { envelope, envelopeBytes, signature } = read;
  const partner = await ctx.partner(envelope.sender.fingerprint);
  if (!partner) throw reject('package_unknown_sender');
  const senderKey = publicKeyFromBase64(partner.signingKey);
  if (!verify(null, envelopeBytes, senderKey, signature)) throw reject('package_bad_signature');
  if (!options.deferPayloadHash) await checkPayloadHash(file, envelope);
  if (!envelope.recipients.includes(ctx.identity.fingerprint)) throw reject('package_not_addressed_to_us');
  const expires = Date.parse(envelope.expires);
  if (!Number.isFinite(expires) || expires <= ctx.now.getTime()) throw reject('package_expired');
  if (await ctx.seen(envelope.packageId)) throw reject('package_replayed');
  if (!partner.trusted) throw reject('package_unknown_sender');
  return { ...read, senderKey, payloadChecked: !options.deferPayloadHash };
}

async function checkPayloadHash(file: string, envelope: PackageEnvelope): Promise<void> {
  await withArchive(file, async (archive) => {
    const entry = archive.byName.get('payload.age')!;
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of await archive.open(entry)) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
    } catch (error) {
      throw reject('package_corrupt', (error as Error).message);
    }
    if (hash.digest('hex') !== envelope.payload.sha256 || size !== envelope.payload.size) {
      throw reject('package_payload_mismatch');
    }
  });
}

export interface OpenedPackage {
  manifest: PackageManifest;
  /** A stream of one evidence original (by sha256), already checked against its hash. */
  openEvidence(sha256: string): Promise<Readable>;
  close(): Promise<void>;
}

/**
 * Decrypts the payload into a temporary inner ZIP (under `tmpDir`), checks the manifest signature and every
 * evidence file's hash. Call only after verifyPackage. The caller must close() to remove the temporary file.
 */
export async function openPackage(
  file: string,
  verified: VerifiedPackage,
  identity: CooperationIdentity,
  tmpDir: string,
): Promise<OpenedPackage> {
  await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const innerFile = path.join(tmpDir, `inner-${newId()}.zip`);
  const cleanup = () => fs.rm(innerFile, { force: true });
  try {
    await withArchive(file, async (archive) => {
      const source = await archive.open(archive.byName.get('payload.age')!);
      // The payload hash is re-checked in the same pass as decryption (and is the only check when deferred).
      const hashing = new HashingStream();
      try {
        await pipeline(
          source,
          hashing,
          ageDecryptStream(identity.ageIdentity),
          createWriteStream(innerFile, { mode: 0o600 }),
        );
      } catch (error) {
        const message = (error as Error).message;
        if (/no identity matched/.test(message)) throw reject('package_undecryptable', message);
        throw reject(verified.payloadChecked ? 'package_corrupt' : 'package_payload_mismatch', message);
      }
      const { payload } = verified.envelope;
      if (hashing.digest() !== payload.sha256 || hashing.bytes !== payload.size)
        throw reject('package_payload_mismatch');
    });
    const inner = await openArchive(innerFile).catch((error: Error) => {
      throw reject('package_manifest_invalid', error.message);
    });
    try {
      const mEntry = inner.byName.get('manifest.json');
      const sEntry = inner.byName.get('manifest.sig');
      if (!mEntry || !sEntry) throw reject('package_manifest_invalid', 'manifest missing');
      const manifestBytes = await readBytes(inner, mEntry, 256 << 20);
      const manifestSig = await readBytes(inner, sEntry, 1024);
      if (!verify(null, manifestBytes, verified.senderKey, manifestSig)) {
        throw reject('package_manifest_invalid', 'manifest signature');
      }
      const manifest = JSON.parse(manifestBytes.toString('utf8')) as PackageManifest;
      if (
        manifest.format !== MANIFEST_FORMAT ||
        manifest.packageId !== verified.envelope.packageId ||
        !Array.isArray(manifest.entities) ||
        !Array.isArray(manifest.notes) ||
        !Array.isArray(manifest.evidence)
      ) {
        throw reject('package_manifest_invalid', 'manifest fields');
      }
      for (const e of manifest.evidence) {
        const entry = inner.byName.get(`evidence/${e.sha256}`);
        if (!entry || !/^[0-9a-f]{64}$/.test(e.sha256)) throw reject('package_evidence_mismatch', e.exhibitNumber);
        const hashing = new HashingStream();
        await pipeline(await inner.open(entry), hashing, new Writable({ write: (_c, _e, cb) => cb() }));
        if (hashing.digest() !== e.sha256 || hashing.bytes !== e.size) {
          throw reject('package_evidence_mismatch', e.exhibitNumber);
        }
      }
      return {
        manifest,
        openEvidence: (sha256: string) => {
          const entry = inner.byName.get(`evidence/${sha256}`);
          if (!entry) throw reject('package_evidence_mismatch', sha256);
          return inner.open(entry);
        },
        close: async () => {
          inner.close();
          await cleanup();
        },
      };
    } catch (error) {
      inner.close();
      throw error;
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The full read path (verify + decrypt + check) for tools and benchmarks. */
export async function verifyAndOpenPackage(file: string, ctx: VerifyContext, tmpDir: string): Promise<OpenedPackage> {
  const verified = await verifyPackage(file, ctx, { deferPayloadHash: true });
  return openPackage(file, verified, ctx.identity, tmpDir);
}
