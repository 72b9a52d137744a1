// The court bundle: one ZIP that carries everything needed to check it, and nothing that must be trusted.
//
//   manifest.json          this file's BundleManifest (UTF-8 JSON)
//   manifest.json.sig      Ed25519 signature (base64) of the exact bytes of manifest.json, by the exporting agency
//   originals/<exhibit>/<file name>   the originals, byte for byte, stored (not compressed)
//   ledgers/<exhibit>.jsonl            each item's custody ledger, one JSON entry per line (custody-ledger.ts)
//   keys/<fingerprint>.pem             the public key (SPKI PEM) of every agency that signed something
//   case-uco.jsonld        the same facts in the CASE/UCO ontology (JSON-LD)
//   report.pdf             the exhibit report for people
//   SHA256SUMS             `sha256sum -c SHA256SUMS` checks every other file
//   README.txt             how to verify with standard tools
import type { CustodyActor } from './custody-ledger';

export const BUNDLE_FORMAT = 'trag-evidence-bundle';
export const BUNDLE_VERSION = 1;

export interface BundleAgency {
  agencyId: string;
  name: string;
  fingerprint: string;
  /** Path of the SPKI PEM public key inside the bundle. */
  publicKey: string;
}

export interface BundleItem {
  exhibit: string;
  itemId: string;
  sha256: string;
  size: number;
  fileName: string;
  mediaType: string;
  description: string;
  source: string | null;
  legalBasis: string | null;
  location: string | null;
  device: string | null;
  collectedBy: string;
  collectedAt: string;
  /** Path of the original inside the bundle. */
  original: string;
  /** Path of the custody ledger inside the bundle. */
  ledger: string;
  /** Last ledger entry at export time. */
  ledgerHead: { seq: number; hash: string };
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  bundleId: string;
  createdAt: string;
  createdBy: CustodyActor;
  case: { id: string; reference: string; title: string };
  /** Fingerprint of the exporting agency's key, which signs manifest.json. */
  signedBy: string;
  agencies: BundleAgency[];
  items: BundleItem[];
  /** Marks synthetic (demo/training) material, so it can never be mistaken for real evidence. */
  synthetic?: boolean;
}

/** A name safe inside a ZIP and on every file system: letters, digits, dot, dash, underscore. */
export function safeArchiveName(name: string, fallback = 'file'): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return cleaned === '' ? fallback : cleaned;
}

export function originalPath(exhibit: string, fileName: string): string {
  return `originals/${safeArchiveName(exhibit, 'exhibit')}/${safeArchiveName(fileName)}`;
}

export function ledgerPath(exhibit: string): string {
  return `ledgers/${safeArchiveName(exhibit, 'exhibit')}.jsonl`;
}

export function keyPath(fingerprint: string): string {
  return `keys/${fingerprint}.pem`;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Shape check of a manifest read from an untrusted bundle; returns the reasons it is unusable. */
export function manifestProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['manifest.json is not a JSON object.'];
  const m = value as Partial<BundleManifest>;
  if (m.format !== BUNDLE_FORMAT) problems.push(`manifest.json is not a ${BUNDLE_FORMAT} manifest.`);
  if (m.version !== BUNDLE_VERSION) problems.push(`Unsupported bundle version ${String(m.version)}.`);
  if (typeof m.signedBy !== 'string' || !HEX64.test(m.signedBy)) problems.push('manifest.json names no signing key.');
  if (!Array.isArray(m.agencies)) problems.push('manifest.json lists no agencies.');
  if (!Array.isArray(m.items)) {
    problems.push('manifest.json lists no items.');
  } else {
    m.items.forEach((item: Partial<BundleItem>, index) => {
      if (
        typeof item !== 'object' ||
        item === null ||
        typeof item.exhibit !== 'string' ||
        typeof item.sha256 !== 'string' ||
        typeof item.original !== 'string' ||
        typeof item.ledger !== 'string' ||
        typeof item.itemId !== 'string'
      ) {
        problems.push(`Item ${index + 1} of manifest.json is incomplete.`);
      }
    });
  }
  return problems;
}

export function bundleReadme(manifest: BundleManifest): string {
  return `Trag evidence bundle ${manifest.bundleId}
Case: ${manifest.case.reference} — ${manifest.case.title}
Created: ${manifest.createdAt} by ${manifest.createdBy.name}
Signing key fingerprint (SHA-256 of the DER public key): ${manifest.signedBy}
${manifest.synthetic ? '\nSYNTHETIC MATERIAL FOR DEMONSTRATION AND TRAINING — NOT EVIDENCE.\n' : ''}
How to verify without Trag (Debian: coreutils, openssl 3):

1. Every file is intact:
     sha256sum -c SHA256SUMS
2. The key is the agency's key (compare with the fingerprint the agency published):
     openssl pkey -pubin -in keys/${manifest.signedBy}.pem -outform DER | sha256sum
3. The manifest was signed by that key:
     base64 -d manifest.json.sig > /tmp/manifest.sig
     openssl pkeyutl -verify -pubin -inkey keys/${manifest.signedBy}.pem -rawin -in manifest.json -sigfile /tmp/manifest.sig
4. Each custody ledger entry (ledgers/*.jsonl, one JSON object per line):
     hash      = SHA-256 of "trag-custody-v1\\n" + prevHash + "\\n" + canonical JSON of
                 {actor, at, details, event, itemId, keyFingerprint, seq, sha256} (keys sorted, no spaces)
     prevHash  = the previous line's hash (64 zeros for the first line)
     signature = Ed25519 over the 64 ASCII characters of hash, by keys/<keyFingerprint>.pem
     sha256    = the SHA-256 of the original in originals/ (must equal sha256sum of that file)

Or, with Trag installed:  npx trag evidence verify <this bundle>.zip
`;
}
