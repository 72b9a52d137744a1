// The chain of custody of one evidence item, as pure functions: data in, data out.
//
// Format (documented in docs/evidence.md so a court expert can re-check it with sha256sum and openssl):
//   content  = { itemId, seq, at, event, actor:{userId,name,agencyId}, sha256, details, keyFingerprint }
//   hash     = SHA-256 hex of  "trag-custody-v1\n" + prevHash + "\n" + canonicalJson(content)
//   prevHash = the previous entry's hash; the first entry links to 64 zeros
//   signature = Ed25519 signature (base64) over the ASCII bytes of `hash`, by the key whose fingerprint is named
//
// What the verifier detects: an edited entry (hash no longer matches), a deleted or reordered entry (sequence gap
// or broken link), a re-signed entry (signature by a key that is not the agency's, or not valid for the key it
// names), entries removed from the end (head recorded elsewhere: in the bundle manifest and the item row), and a
// changed original (every entry binds the SHA-256 of the original, which the verifier re-computes).
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json';

export const CUSTODY_EVENTS = [
  'collected',
  'viewed',
  'downloaded',
  'annotated',
  'exported',
  'transferred',
  'sealed',
  'released',
  'disposed',
] as const;
export type CustodyEvent = (typeof CUSTODY_EVENTS)[number];

export const LEDGER_GENESIS = '0'.repeat(64);
const DOMAIN = 'trag-custody-v1';

export interface CustodyActor {
  userId: string;
  name: string;
  agencyId: string;
}

export interface CustodyEntryContent {
  itemId: string;
  seq: number;
  at: string;
  event: CustodyEvent;
  actor: CustodyActor;
  /** SHA-256 of the original as held at the time of the event. */
  sha256: string;
  /** Facts of the event (recipient agency, reason, note, export id); never victim data. */
  details: Record<string, unknown>;
  keyFingerprint: string;
}

export interface TrustedTimestamp {
  /** The TSA that issued the token. */
  tsa: string;
  /** DER TimeStampResp (RFC 3161), base64, over SHA-256 of the entry hash bytes. */
  token: string;
  /** genTime reported by the TSA. */
  genTime: string;
}

export interface CustodyEntry extends CustodyEntryContent {
  prevHash: string;
  hash: string;
  signature: string;
  timestamp?: TrustedTimestamp | null;
}

export function isCustodyEvent(value: string): value is CustodyEvent {
  return (CUSTODY_EVENTS as readonly string[]).includes(value);
}

export function hashCustodyEntry(prevHash: string, content: CustodyEntryContent): string {
  return createHash('sha256')
    .update(`${DOMAIN}\n${prevHash}\n`)
    .update(
      canonicalJson({
        itemId: content.itemId,
        seq: content.seq,
        at: content.at,
        event: content.event,
        actor: { userId: content.actor.userId, name: content.actor.name, agencyId: content.actor.agencyId },
        sha256: content.sha256,
        details: content.details,
        keyFingerprint: content.keyFingerprint,
      }),
    )
    .digest('hex');
}

/** Fingerprint of an Ed25519 public key: SHA-256 (hex) of its DER SubjectPublicKeyInfo. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export interface LedgerSigner {
  fingerprint: string;
  privateKey: KeyObject;
}

/** Builds the next entry of a ledger: links it to `previous`, hashes and signs it. */
export function appendCustodyEntry(
  previous: Pick<CustodyEntry, 'seq' | 'hash'> | null,
  input: Omit<CustodyEntryContent, 'seq' | 'keyFingerprint'>,
  signer: LedgerSigner,
): CustodyEntry {
  const content: CustodyEntryContent = {
    ...input,
    seq: previous ? previous.seq + 1 : 1,
    keyFingerprint: signer.fingerprint,
  };
  const prevHash = previous?.hash ?? LEDGER_GENESIS;
  const hash = hashCustodyEntry(prevHash, content);
  const signature = sign(null, Buffer.from(hash, 'ascii'), signer.privateKey).toString('base64');
  return { ...content, prevHash, hash, signature, timestamp: null };
}

export type LedgerProblemCode =
  | 'ledger_empty'
  | 'ledger_wrong_item'
  | 'ledger_sequence_gap'
  | 'ledger_link_broken'
  | 'ledger_entry_changed'
  | 'ledger_unknown_key'
  | 'ledger_bad_signature'
  | 'ledger_blob_differs'
  | 'ledger_time_order'
  | 'ledger_not_collected_first'
  | 'ledger_head_mismatch';

export interface LedgerProblem {
  seq: number | null;
  code: LedgerProblemCode;
  message: string;
}

export interface LedgerVerifyOptions {
  itemId: string;
  /** SHA-256 the item's original must have (re-computed from the bytes by the caller). */
  sha256: string;
  /** Public keys by fingerprint that may sign this ledger (the agencies that held the item). */
  keys: Map<string, KeyObject>;
  /** Fingerprint → agency id, to check that an entry is signed by the key of the agency it names. */
  keyAgency?: Map<string, string>;
  /** Last entry as recorded elsewhere (manifest, item row); catches removal of the newest entries. */
  head?: { seq: number; hash: string } | null;
}

/** Checks a whole ledger and returns every problem found (empty when it holds). */
export function verifyCustodyLedger(entries: readonly CustodyEntry[], options: LedgerVerifyOptions): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  if (entries.length === 0) {
    return [{ seq: null, code: 'ledger_empty', message: 'The custody ledger has no entries.' }];
  }
  let prevHash = LEDGER_GENESIS;
  let prevAt = '';
  let blobReported = false;
  entries.forEach((entry, index) => {
    const expectedSeq = index + 1;
    const seq = entry.seq;
    if (index === 0 && entry.event !== 'collected') {
      problems.push({
        seq,
        code: 'ledger_not_collected_first',
        message: `The ledger starts with "${entry.event}" instead of "collected": its first entries are missing.`,
      });
    }
    if (entry.itemId !== options.itemId) {
      problems.push({ seq, code: 'ledger_wrong_item', message: `Entry #${seq} belongs to another item.` });
    }
    if (seq !== expectedSeq) {
      problems.push({
        seq,
        code: 'ledger_sequence_gap',
        message: `Entry #${seq} stands where #${expectedSeq} should: an entry was deleted, inserted or reordered.`,
      });
    }
    if (entry.prevHash !== prevHash) {
      problems.push({
        seq,
        code: 'ledger_link_broken',
        message: `Entry #${seq} does not link to the entry before it: an entry was deleted, inserted or reordered.`,
      });
    }
    const recomputed = hashCustodyEntry(entry.prevHash, entry);
    if (recomputed !== entry.hash) {
      problems.push({
        seq,
        code: 'ledger_entry_changed',
        message: `Entry #${seq} was changed after it was written: its content no longer matches its hash.`,
      });
    }
    const key = options.keys.get(entry.keyFingerprint);
    const keyAgency = options.keyAgency?.get(entry.keyFingerprint);
    if (!key || (keyAgency !== undefined && keyAgency !== entry.actor.agencyId)) {
      problems.push({
        seq,
        code: 'ledger_unknown_key',
        message: `Entry #${seq} is signed by a key that is not the key of the agency it names (fingerprint ${entry.keyFingerprint.slice(0, 16)}…).`,
      });
    } else if (!verifySignature(key, entry.hash, entry.signature)) {
      problems.push({
        seq,
        code: 'ledger_bad_signature',
        message: `Entry #${seq} has a signature that does not match the agency's key: it was altered or re-signed.`,
      });
    }
    if (entry.sha256 !== options.sha256 && !blobReported) {
      blobReported = true;
      problems.push({
        seq,
        code: 'ledger_blob_differs',
        message: `The original's SHA-256 is not the one recorded in the ledger at entry #${seq}: the file was changed or replaced.`,
      });
    }
    if (entry.at < prevAt) {
      problems.push({
        seq,
        code: 'ledger_time_order',
        message: `Entry #${seq} is dated before the entry that precedes it.`,
      });
    }
    prevAt = entry.at;
    prevHash = entry.hash;
  });
  const last = entries[entries.length - 1]!;
  if (options.head && (options.head.seq !== last.seq || options.head.hash !== last.hash)) {
    problems.push({
      seq: last.seq,
      code: 'ledger_head_mismatch',
      message: `The ledger ends at entry #${last.seq} but its recorded head is entry #${options.head.seq}: entries were removed or replaced.`,
    });
  }
  return problems;
}

function verifySignature(key: KeyObject, hash: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(hash, 'ascii'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** One JSON object per line, the ledger file format inside bundles. */
export function ledgerToJsonLines(entries: readonly CustodyEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

export function ledgerFromJsonLines(text: string): CustodyEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CustodyEntry);
}
