import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  blindQuery,
  evaluateQuery,
  finishQuery,
  generateMatchingKey,
  MatchingProtocolError,
  responderIndexEntry,
  type NormalisedIdentifier,
} from './hit-matching';

const phone = (n: string): NormalisedIdentifier => ({ type: 'phone', value: n });

describe('hit/no-hit matching (OPRF-based PSI)', () => {
  const responderKeys = generateMatchingKey();
  const responderSet = [
    phone('+38761123456'),
    phone('+38164111222'),
    { type: 'email', value: 'boss@example.org' } as const,
  ];
  const index = new Set(responderSet.map((id) => responderIndexEntry(responderKeys.secretKey, id)));

  it('finds the shared identifiers and no others', () => {
    const mine = [phone('+38761123456'), phone('+38761123457'), { type: 'email', value: 'boss@example.org' } as const];
    const query = blindQuery(mine);
    const answer = evaluateQuery(responderKeys, query.blinded);
    const results = finishQuery(query, answer, responderKeys.publicKey, index);
    expect(results.map((r) => r.hit)).toEqual([true, false, true]);
  });

  it('keeps identifier types apart', () => {
    const query = blindQuery([{ type: 'document', value: '+38761123456' }]);
    const results = finishQuery(query, evaluateQuery(responderKeys, query.blinded), responderKeys.publicKey, index);
    expect(results[0]!.hit).toBe(false);
  });

  it('rejects an answer computed with a different key than the published one', () => {
    const query = blindQuery([phone('+38761123456')]);
    const impostor = generateMatchingKey();
    const answer = evaluateQuery(impostor, query.blinded);
    expect(() => finishQuery(query, answer, responderKeys.publicKey, index)).toThrow(MatchingProtocolError);
  });

  it('blinds the same identifier differently every time, so the responder cannot link or look up queries', () => {
    const a = blindQuery([phone('+38761123456')]);
    const b = blindQuery([phone('+38761123456')]);
    expect(a.blinded[0]).not.toEqual(b.blinded[0]);
  });

  it('gives an observer or the querier no offline way to test guesses against the transcript or the index', () => {
    // A recorded exchange for a non-matching number, and the responder's whole published index.
    const secretNumber = phone('+38761999001');
    const query = blindQuery([secretNumber]);
    const answer = evaluateQuery(responderKeys, query.blinded);
    const transcript = new Set([...query.blinded, ...answer.evaluated, answer.proof, ...index]);
    // Brute force over the neighbourhood of the number with everything computable without the responder's key:
    // plain and salted hashes, and OPRF outputs under keys the attacker can make up.
    const attackerKey = generateMatchingKey();
    let found = 0;
    for (let n = 0; n < 50; n++) {
      const guess = phone(`+387619990${String(n).padStart(2, '0')}`);
      const candidates = [
        createHash('sha256').update(guess.value).digest('base64url'),
        createHash('sha256').update(`phone:${guess.value}`).digest('base64url').slice(0, 22),
        responderIndexEntry(attackerKey.secretKey, guess),
      ];
      for (const candidate of candidates) if (transcript.has(candidate)) found += 1;
    }
    expect(found).toBe(0);
    // Responder's non-matching identifiers stay hidden too: the index entries match none of the querier's guesses.
    expect([...index].some((e) => e === responderIndexEntry(attackerKey.secretKey, responderSet[1]!))).toBe(false);
  });

  it('rejects malformed blinded points with a clear error', () => {
    expect(() => evaluateQuery(responderKeys, ['not-a-point'])).toThrow(MatchingProtocolError);
  });
});
