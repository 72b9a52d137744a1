import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { ed25519, ed25519_hasher, x25519 } from '@noble/curves/ed25519.js';
import {
  blindQuery,
  blindQueryInSlices,
  clampedInverse,
  clampScalar,
  evaluateQuery,
  finishQuery,
  generateMatchingKey,
  GROUP_ORDER,
  hashToPoint,
  HIT_PROTOCOL,
  matchingInput,
  MatchingProtocolError,
  responderIndexEntry,
  responderKey,
  type NormalisedIdentifier,
} from './hit-matching';

const phone = (n: string): NormalisedIdentifier => ({ type: 'phone', value: n });
const bigLE = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('hit/no-hit matching (X25519 DH-PSI)', () => {
  const responder = responderKey(generateMatchingKey().secretKey);
  const responderSet = [
    phone('+38761123456'),
    phone('+38164111222'),
    { type: 'email', value: 'boss@example.org' } as const,
  ];
  const index = new Set(responderSet.map((id) => responderIndexEntry(responder, id)));

  it('finds the shared identifiers and no others', () => {
    const mine = [phone('+38761123456'), phone('+38761123457'), { type: 'email', value: 'boss@example.org' } as const];
    const query = blindQuery(mine);
    const results = finishQuery(query, evaluateQuery(responder, query.blinded), index);
    expect(results.map((r) => r.hit)).toEqual([true, false, true]);
  });

  it('keeps identifier types apart', () => {
    const query = blindQuery([{ type: 'document', value: '+38761123456' }]);
    expect(finishQuery(query, evaluateQuery(responder, query.blinded), index)[0]!.hit).toBe(false);
  });

  it('finds nothing when the answer was made with another key (a cheating responder only produces no-hits)', () => {
    const query = blindQuery([phone('+38761123456')]);
    const impostor = responderKey(generateMatchingKey().secretKey);
    expect(finishQuery(query, evaluateQuery(impostor, query.blinded), index)[0]!.hit).toBe(false);
  });

  it('hashes onto the prime-order subgroup of Curve25519 itself (not the twist)', () => {
    for (let i = 0; i < 20; i++) {
      const input = matchingInput(phone(`+3876100000${i}`));
      const point = ed25519_hasher.hashToCurve(input, { DST: `${HIT_PROTOCOL}:edwards25519_XMD:SHA-512_ELL2_RO_` });
      expect(point.isTorsionFree()).toBe(true);
      expect(hashToPoint(input)).toBe(b64(ed25519.utils.toMontgomery(point.toBytes())));
    }
  });

  it('property: unblinding inverts blinding, and unblinded values are the responder’s own index entries', () => {
    for (let round = 0; round < 25; round++) {
      const k = clampScalar(randomBytes(32));
      const a = clampScalar(randomBytes(32));
      const inverse = clampedInverse(a);
      if (!inverse) continue;
      // a' is itself a valid X25519 scalar and a·a' ≡ 1 (mod ℓ).
      expect(clampScalar(inverse)).toEqual(inverse);
      expect((bigLE(a) * bigLE(inverse)) % GROUP_ORDER).toBe(1n);
      const u = Buffer.from(hashToPoint(matchingInput(phone(`+3816${round}1234567`))), 'base64url');
      const blinded = x25519.getSharedSecret(a, u);
      const unblinded = x25519.getSharedSecret(inverse, x25519.getSharedSecret(k, blinded));
      expect(b64(unblinded)).toBe(b64(x25519.getSharedSecret(k, u)));
    }
    // Through the protocol functions (OpenSSL): every held identifier asked about is found, over many fresh blinds.
    const asked = Array.from({ length: 40 }, (_, i) => phone(`+3876200${String(i).padStart(4, '0')}`));
    const key = responderKey(generateMatchingKey().secretKey);
    const held = new Map(asked.filter((_, i) => i % 3 === 0).map((id) => [responderIndexEntry(key, id), id.value]));
    for (let round = 0; round < 5; round++) {
      const query = blindQuery(asked);
      const results = finishQuery(query, evaluateQuery(key, query.blinded), new Set(held.keys()));
      for (const r of results) expect(held.get(r.entry) === r.identifier.value).toBe(r.hit);
      expect(results.filter((r) => r.hit)).toHaveLength(held.size);
    }
  });

  it('draws another blind when the inverse has no clamped representative', () => {
    let none = 0;
    for (let i = 0; i < 200; i++) if (clampedInverse(clampScalar(randomBytes(32))) === null) none += 1;
    expect(none).toBeGreaterThan(0);
    expect(none).toBeLessThan(200);
  });

  it('blinds the same identifier differently every time, so the responder cannot link or look up queries', () => {
    const a = blindQuery([phone('+38761123456')]);
    const b = blindQuery([phone('+38761123456')]);
    expect(a.blinded[0]).not.toEqual(b.blinded[0]);
    expect(a.blinded[0]).not.toEqual(hashToPoint(matchingInput(phone('+38761123456'))));
  });

  it('blinds in slices for a server with the same outcome', async () => {
    const asked = Array.from({ length: 7 }, (_, i) => phone(`+3876100000${i}`));
    const query = await blindQueryInSlices([...asked, asked[0]!], 3);
    expect(query.blinded).toHaveLength(7);
    const results = finishQuery(query, evaluateQuery(responder, query.blinded), index);
    expect(results.some((r) => r.hit)).toBe(false);
    const held = await blindQueryInSlices([phone('+38761123456')], 3);
    expect(finishQuery(held, evaluateQuery(responder, held.blinded), index)[0]!.hit).toBe(true);
  });

  it('sends each distinct identifier once', () => {
    const query = blindQuery([phone('+38761123456'), phone('+38761123456'), phone('+38761123457')]);
    expect(query.blinded).toHaveLength(2);
    expect(new Set(query.blinded).size).toBe(2);
  });

  it('gives an observer or the querier no offline way to test guesses against the transcript or the index', () => {
    // A recorded exchange for a non-matching number, and the responder's whole published index.
    const secretNumber = phone('+38761999001');
    const query = blindQuery([secretNumber]);
    const answer = evaluateQuery(responder, query.blinded);
    const transcript = new Set([...query.blinded, ...answer.evaluated, ...index]);
    // Brute force over the neighbourhood of the number with everything computable without the responder's key:
    // plain and salted hashes, the unkeyed curve point, and PRF outputs under keys the attacker can make up.
    const attacker = responderKey(generateMatchingKey().secretKey);
    let found = 0;
    for (let n = 0; n < 50; n++) {
      const guess = phone(`+387619990${String(n).padStart(2, '0')}`);
      const candidates = [
        createHash('sha256').update(guess.value).digest('base64url'),
        createHash('sha256').update(`phone:${guess.value}`).digest('base64url').slice(0, 22),
        hashToPoint(matchingInput(guess)),
        responderIndexEntry(attacker, guess),
      ];
      for (const candidate of candidates) if (transcript.has(candidate)) found += 1;
    }
    expect(found).toBe(0);
    // Responder's non-matching identifiers stay hidden too: the index entries match none of the querier's guesses.
    expect(index.has(responderIndexEntry(attacker, responderSet[1]!))).toBe(false);
  });

  it('rejects malformed and small-order points with a clear error', () => {
    expect(() => evaluateQuery(responder, ['not-a-point'])).toThrow(MatchingProtocolError);
    // u = 0 and u = 1 generate subgroups of order 2 and 4: OpenSSL refuses the all-zero result.
    expect(() => evaluateQuery(responder, [b64(new Uint8Array(32))])).toThrow(MatchingProtocolError);
    const one = new Uint8Array(32);
    one[0] = 1;
    expect(() => evaluateQuery(responder, [b64(one)])).toThrow(MatchingProtocolError);
  });

  it('rejects an answer of the wrong length', () => {
    const query = blindQuery([phone('+38761123456')]);
    expect(() => finishQuery(query, { evaluated: [] }, index)).toThrow(MatchingProtocolError);
  });
});
