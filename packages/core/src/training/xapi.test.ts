import { describe, expect, it } from 'vitest';
import { parseChoiceTags } from './choice-tags';
import { choiceStatement, initializedStatement, validateStatement, type StatementContext } from './xapi';

const ctx: StatementContext = {
  homePage: 'https://trag.example.org/',
  actorKey: '6f1c1f0e-3a55-4f57-8a40-0f0b8c1f2d11',
  attemptId: '0d6b7a4e-6d8a-4a47-9a8e-5f3f7f7c2b10',
  scenarioSlug: 'labour-exploitation-interview',
  scenarioVersion: 1,
  language: 'sr-Latn',
  timestamp: '2026-11-30T09:00:00.000Z',
};

describe('xAPI statements', () => {
  it('builds a choice statement with a pseudonymous account actor, IRIs and the rule in the result', () => {
    const s = choiceStatement(ctx, {
      step: 3,
      knot: 'companion',
      choiceId: 'companion.0.c-1',
      text: 'Let Suresh stay',
      tags: parseChoiceTags(['rule:R02', 'score:-3']),
      critical: true,
    });
    expect(validateStatement(s)).toEqual([]);
    expect(s.actor).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://trag.example.org', name: ctx.actorKey },
    });
    expect(s.object.id).toBe(
      'https://trag.example.org/xapi/activities/scenario/labour-exploitation-interview/v1/knot/companion',
    );
    expect(s.result).toMatchObject({ response: 'companion.0.c-1', score: { raw: -3 }, success: false });
    expect(s.context?.registration).toBe(ctx.attemptId);
    expect(JSON.stringify(s)).not.toContain('Let Suresh stay');
  });

  it('rejects statements missing what the specification requires', () => {
    const good = initializedStatement(ctx);
    expect(validateStatement(good)).toEqual([]);
    expect(validateStatement({ ...good, id: 'not-a-uuid' })).toContain('id must be a UUID');
    expect(validateStatement({ ...good, verb: { id: 'answered' } })).toContain('verb.id must be an IRI');
    expect(validateStatement({ ...good, object: { id: 'scenario 1' } })).toContain('object.id must be an IRI');
    expect(validateStatement({ ...good, timestamp: '30.11.2026' })).toContain(
      'timestamp must be an ISO 8601 date-time',
    );
    expect(validateStatement({ ...good, actor: { mbox: 'mailto:a@b.c', account: good.actor.account } })).toEqual(
      expect.arrayContaining([
        'actor must have exactly one inverse functional identifier',
        'actor must be pseudonymous (no mbox, no name)',
      ]),
    );
    expect(validateStatement({ ...good, actor: undefined })).toContain('actor is required');
  });
});
