// Hit/no-hit matching of identifiers between agencies without disclosing anything else: a Diffie-Hellman private
// set intersection (2HashDH oblivious PRF, semi-honest) whose group operations are X25519 in OpenSSL (node:crypto)
// and whose hash onto the curve is RFC 9380 hash_to_curve (edwards25519_XMD:SHA-512_ELL2_RO_, @noble/curves).
//
//   responder (holds set Y, X25519 key k)              querier (holds identifiers X, fresh clamped a per request)
//   publishes index { F_k(y) : y ∈ Y }             →   caches it
//                                                  ←   X25519(a, H(x)) for each x ∈ X
//   X25519(k, ·) of each                           →   unblinds with a' ≡ a⁻¹ (mod ℓ): X25519(k, H(x)); hit ⇔ F_k(x) ∈ index
//
//   H(x)     = Montgomery u-coordinate of hash_to_curve(input(x)): a point of the prime-order subgroup (order ℓ)
//   F_k(x)   = trunc16(SHA-256("trag-hit-v2" ‖ len ‖ input(x) ‖ X25519(k, H(x))))
//
// Version 1 was the RFC 9497 VOPRF over ristretto255 with a DLEQ proof, all in JavaScript (≈3 ms per scalar
// multiplication); version 2 drops the proof (see docs/cooperation.md for why the semi-honest model is enough here)
// and runs every scalar multiplication natively (≈0.05 ms). The version is part of every hashed input, every
// index entry row and every request, so entries and partners of the other version are detected, never mixed.
import { createHash, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { ed25519, ed25519_hasher, ristretto255_oprf } from '@noble/curves/ed25519.js';

/** Protocol name: in inputs, index rows, requests and answers. */
export const HIT_PROTOCOL = 'trag-hit-v2';

/** Bytes of each PRF output kept in the published index: 16 bytes → false-match chance ≈ n / 2^128. */
export const INDEX_ENTRY_BYTES = 16;

export const MATCHABLE_TYPES = ['phone', 'email', 'crypto_wallet', 'iban', 'online_account', 'document'] as const;
export type MatchableType = (typeof MATCHABLE_TYPES)[number];

/**
 * The agency's matching secret as stored in `keys/<agency>.oprf` (a ristretto255 key pair since version 1). The
 * public half stays on the partner card so fingerprints of existing partners do not change; version 2 derives its
 * X25519 key from the secret half (responderKey) and does not use the public half.
 */
export interface MatchingKeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export interface NormalisedIdentifier {
  type: MatchableType;
  /** The normalised key (E.164 phone, lower-case e-mail, checksummed wallet …). */
  value: string;
}

export class MatchingProtocolError extends Error {}

const encoder = new TextEncoder();
const HASH_TO_CURVE_DST = `${HIT_PROTOCOL}:edwards25519_XMD:SHA-512_ELL2_RO_`;
/** Order of the prime-order subgroup of Curve25519. */
export const GROUP_ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
const Fp = ed25519.Point.Fp;
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** The hashed input: protocol, type and normalised value, so a phone and a document number never collide. */
export function matchingInput(identifier: NormalisedIdentifier): Uint8Array {
  return encoder.encode(`${HIT_PROTOCOL}\u0000${identifier.type}\u0000${identifier.value}`);
}

export function generateMatchingKey(): MatchingKeyPair {
  const keys = ristretto255_oprf.voprf.generateKeyPair();
  return { secretKey: keys.secretKey, publicKey: keys.publicKey };
}

// ------------------------------------------------------------------------------------------------ scalars

const toBigLE = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).reverse().toString('hex') || '0'}`);
const toBytesLE = (n: bigint) => new Uint8Array(Buffer.from(n.toString(16).padStart(64, '0'), 'hex').reverse());

/** RFC 7748 clamping: multiple of 8 (clears the cofactor), bit 254 set, bit 255 clear. */
export function clampScalar(bytes: Uint8Array): Uint8Array {
  const k = Uint8Array.from(bytes);
  k[0]! &= 248;
  k[31]! &= 127;
  k[31]! |= 64;
  return k;
}

const isClamped = (n: bigint) => n % 8n === 0n && n >= 2n ** 254n && n < 2n ** 255n;

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new MatchingProtocolError('Scalar has no inverse.');
  return ((s0 % m) + m) % m;
}

/**
 * A clamped scalar a' with a·a' ≡ 1 (mod ℓ), or null when no representative inv + jℓ of the inverse is itself a
 * clamped scalar (about half of all a; the caller then draws another a).
 */
export function clampedInverse(clamped: Uint8Array): Uint8Array | null {
  const inverse = modInverse(toBigLE(clamped), GROUP_ORDER);
  const first = (2n ** 254n - inverse + GROUP_ORDER - 1n) / GROUP_ORDER;
  for (let j = first; inverse + j * GROUP_ORDER < 2n ** 255n; j++) {
    const candidate = inverse + j * GROUP_ORDER;
    if (isClamped(candidate)) return toBytesLE(candidate);
  }
  return null;
}

function privateKeyOf(clamped: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, clamped]), format: 'der', type: 'pkcs8' });
}

/** X25519(key, u) in OpenSSL; the u-coordinate travels as base64url (RFC 8037 JWK "x"). */
function x25519(key: KeyObject, u: string): Buffer {
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: u }, format: 'jwk' });
  return diffieHellman({ privateKey: key, publicKey });
}

// ------------------------------------------------------------------------------------------------ PRF

/** The responder's X25519 key, derived from its matching secret (HKDF-SHA-256, labelled with the protocol). */
export interface ResponderKey {
  readonly privateKey: KeyObject;
}

export function responderKey(matchingSecret: Uint8Array): ResponderKey {
  const derived = new Uint8Array(
    hkdfSync('sha256', matchingSecret, new Uint8Array(0), `${HIT_PROTOCOL} x25519 key`, 32),
  );
  return { privateKey: privateKeyOf(clampScalar(derived)) };
}

/** H(x): u-coordinate (base64url, 32 bytes little-endian) of the RFC 9380 random-oracle hash onto edwards25519. */
export function hashToPoint(input: Uint8Array): string {
  const point = ed25519_hasher.hashToCurve(input, { DST: HASH_TO_CURVE_DST });
  // Birational map to Curve25519, u = (1 + y) / (1 − y) with y = Y/Z, i.e. u = (Z + Y) / (Z − Y): one inversion.
  const { Y, Z } = point;
  if (Fp.eql(Y, Z)) throw new MatchingProtocolError('Identifier hashed to the neutral element.');
  return Buffer.from(Fp.toBytes(Fp.div(Fp.add(Z, Y), Fp.sub(Z, Y)))).toString('base64url');
}

function indexEntry(input: Uint8Array, evaluated: Uint8Array): string {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(input.length);
  return createHash('sha256')
    .update(HIT_PROTOCOL)
    .update(length)
    .update(input)
    .update(evaluated)
    .digest()
    .subarray(0, INDEX_ENTRY_BYTES)
    .toString('base64url');
}

/** Responder: the index entry of one of its own identifiers (computed when the identifier is indexed). */
export function responderIndexEntry(key: ResponderKey, identifier: NormalisedIdentifier): string {
  const input = matchingInput(identifier);
  return indexEntry(input, x25519(key.privateKey, hashToPoint(input)));
}

// ------------------------------------------------------------------------------------------------ protocol

export interface BlindedQuery {
  /** Sent to the responder: one blinded u-coordinate per distinct identifier. */
  blinded: string[];
  /** Kept by the querier until the answer arrives; never sent. */
  identifiers: NormalisedIdentifier[];
  unblindKey: KeyObject;
}

function distinctIdentifiers(identifiers: NormalisedIdentifier[]): NormalisedIdentifier[] {
  const seen = new Set<string>();
  return identifiers.filter((id) => {
    const key = `${id.type}\u0000${id.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A fresh clamped blind a and its clamped inverse a′ (redrawn until a′ exists). */
function drawBlind(): { blindKey: KeyObject; unblindKey: KeyObject } {
  for (;;) {
    const blind = clampScalar(randomBytes(32));
    const unblind = clampedInverse(blind);
    if (unblind) return { blindKey: privateKeyOf(blind), unblindKey: privateKeyOf(unblind) };
  }
}

/**
 * Querier, step 1: blind every distinct identifier with one fresh clamped scalar a for this request (the classic
 * DH-PSI of Huberman, Franklin and Hogg: hiding rests on DDH in the prime-order subgroup).
 */
export function blindQuery(identifiers: NormalisedIdentifier[]): BlindedQuery {
  const distinct = distinctIdentifiers(identifiers);
  const { blindKey, unblindKey } = drawBlind();
  return {
    blinded: distinct.map((id) => x25519(blindKey, hashToPoint(matchingInput(id))).toString('base64url')),
    identifiers: distinct,
    unblindKey,
  };
}

/** blindQuery for a server: same result, but lets other requests run between slices (≈0.5 ms per identifier). */
export async function blindQueryInSlices(identifiers: NormalisedIdentifier[], slice = 200): Promise<BlindedQuery> {
  const distinct = distinctIdentifiers(identifiers);
  const { blindKey, unblindKey } = drawBlind();
  const blinded: string[] = [];
  for (const id of distinct) {
    blinded.push(x25519(blindKey, hashToPoint(matchingInput(id))).toString('base64url'));
    if (blinded.length % slice === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { blinded, identifiers: distinct, unblindKey };
}

export interface EvaluatedAnswer {
  evaluated: string[];
}

const POINT = /^[A-Za-z0-9_-]{43}$/;

/** Responder, step 2: raise every blinded point to its key. Small-order inputs are refused by OpenSSL. */
export function evaluateQuery(key: ResponderKey, blinded: string[]): EvaluatedAnswer {
  return {
    evaluated: blinded.map((u, i) => {
      if (!POINT.test(u)) throw new MatchingProtocolError(`Item ${i + 1} is not a 32-byte curve point.`);
      try {
        return x25519(key.privateKey, u).toString('base64url');
      } catch {
        throw new MatchingProtocolError(`Item ${i + 1} is not a usable curve point.`);
      }
    }),
  };
}

/** Querier, step 3: unblind each answer and look it up in the responder's published index. */
export function finishQuery(
  query: BlindedQuery,
  answer: EvaluatedAnswer,
  responderIndex: ReadonlySet<string>,
): Array<{ identifier: NormalisedIdentifier; hit: boolean; entry: string }> {
  if (answer.evaluated.length !== query.identifiers.length) {
    throw new MatchingProtocolError('The answer does not have one evaluation per query item.');
  }
  return query.identifiers.map((identifier, i) => {
    const evaluated = answer.evaluated[i]!;
    if (!POINT.test(evaluated)) throw new MatchingProtocolError(`Answer ${i + 1} is not a 32-byte curve point.`);
    let unblinded: Buffer;
    try {
      unblinded = x25519(query.unblindKey, evaluated);
    } catch {
      throw new MatchingProtocolError(`Answer ${i + 1} is not a usable curve point.`);
    }
    const entry = indexEntry(matchingInput(identifier), unblinded);
    return { identifier, hit: responderIndex.has(entry), entry };
  });
}
