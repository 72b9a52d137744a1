// Hit/no-hit matching of identifiers between agencies without disclosing anything else: a private set
// intersection built on the RFC 9497 verifiable OPRF over ristretto255 (@noble/curves, audited).
//
//   responder (holds set Y, OPRF key k)            querier (holds identifiers X)
//   publishes index { trunc(F_k(y)) : y ∈ Y }  →   caches it
//                                              ←   blinded r·H(x) for each x ∈ X
//   k·r·H(x) + one DLEQ proof (batch)          →   verifies the proof, unblinds: F_k(x); hit ⇔ trunc(F_k(x)) ∈ index
//
// The responder sees only uniformly random blinded points, so it learns nothing about X. The querier learns F_k
// only for the identifiers it submitted (the proof binds every answer to the responder's published key), so the
// index reveals nothing about non-matching y: F_k(y) is pseudorandom without k, and guessing phone numbers
// offline is impossible because each guess needs an online, rate-limited, audited evaluation by the responder.
// See docs/cooperation.md for the full argument.
import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';

const suite = ristretto255_oprf.voprf;
// The full (unblinded) evaluation exists on every mode at run time (RFC 9497 §3.3.2 Evaluate) but is typed on
// some modes only; name it once here.
const evaluateUnblinded = (suite as unknown as { evaluate(secretKey: Uint8Array, input: Uint8Array): Uint8Array })
  .evaluate;

/** Bytes of each OPRF output kept in the published index: 16 bytes → false-match chance ≈ n / 2^128. */
export const INDEX_ENTRY_BYTES = 16;

export const MATCHABLE_TYPES = ['phone', 'email', 'crypto_wallet', 'iban', 'online_account', 'document'] as const;
export type MatchableType = (typeof MATCHABLE_TYPES)[number];

export interface MatchingKeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export interface NormalisedIdentifier {
  type: MatchableType;
  /** The normalised key (E.164 phone, lower-case e-mail, checksummed wallet …). */
  value: string;
}

const encoder = new TextEncoder();

/** The OPRF input: type and normalised value, so a phone and a document number never collide. */
export function matchingInput(identifier: NormalisedIdentifier): Uint8Array {
  return encoder.encode(`trag-hit-v1\u0000${identifier.type}\u0000${identifier.value}`);
}

export function generateMatchingKey(): MatchingKeyPair {
  const keys = suite.generateKeyPair();
  return { secretKey: keys.secretKey, publicKey: keys.publicKey };
}

function indexEntry(output: Uint8Array): string {
  return Buffer.from(sha256(output).subarray(0, INDEX_ENTRY_BYTES)).toString('base64url');
}

/** Responder: the index entry of one of its own identifiers (computed when the identifier is stored). */
export function responderIndexEntry(secretKey: Uint8Array, identifier: NormalisedIdentifier): string {
  return indexEntry(evaluateUnblinded(secretKey, matchingInput(identifier)));
}

export interface BlindedQuery {
  /** Sent to the responder. */
  blinded: string[];
  /** Kept by the querier until the answer arrives; never sent. */
  secrets: Array<{ identifier: NormalisedIdentifier; blind: Uint8Array; blinded: Uint8Array }>;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

/** Querier, step 1: blind each identifier with a fresh random scalar. */
export function blindQuery(identifiers: NormalisedIdentifier[]): BlindedQuery {
  const secrets = identifiers.map((identifier) => {
    const { blind, blinded } = suite.blind(matchingInput(identifier));
    return { identifier, blind, blinded };
  });
  return { blinded: secrets.map((s) => b64(s.blinded)), secrets };
}

export interface EvaluatedAnswer {
  evaluated: string[];
  proof: string;
}

export class MatchingProtocolError extends Error {}

/** Responder, step 2: evaluate the blinded points with its key and prove it used the published key. */
export function evaluateQuery(keys: MatchingKeyPair, blinded: string[]): EvaluatedAnswer {
  let points: Uint8Array[];
  try {
    points = blinded.map(unb64);
    const answer = suite.blindEvaluateBatch(keys.secretKey, keys.publicKey, points);
    return { evaluated: answer.evaluated.map(b64), proof: b64(answer.proof) };
  } catch (error) {
    throw new MatchingProtocolError(`Not a valid blinded query: ${(error as Error).message}`);
  }
}

/**
 * Querier, step 3: verify the proof against the responder's public key, unblind, and look each result up in the
 * responder's published index. Throws MatchingProtocolError if the answer was not made with the published key.
 */
export function finishQuery(
  query: BlindedQuery,
  answer: EvaluatedAnswer,
  responderPublicKey: Uint8Array,
  responderIndex: ReadonlySet<string>,
): Array<{ identifier: NormalisedIdentifier; hit: boolean; entry: string }> {
  if (answer.evaluated.length !== query.secrets.length) {
    throw new MatchingProtocolError('The answer does not have one evaluation per query item.');
  }
  let outputs: Uint8Array[];
  try {
    outputs = suite.finalizeBatch(
      query.secrets.map((s, i) => ({
        input: matchingInput(s.identifier),
        blind: s.blind,
        blinded: s.blinded,
        evaluated: unb64(answer.evaluated[i]!),
      })),
      responderPublicKey,
      unb64(answer.proof),
    );
  } catch (error) {
    throw new MatchingProtocolError(`The partner's answer failed verification: ${(error as Error).message}`);
  }
  return query.secrets.map((s, i) => {
    const entry = indexEntry(outputs[i]!);
    return { identifier: s.identifier, hit: responderIndex.has(entry), entry };
  });
}
