import { describe, expect, it } from 'vitest';
import { InMemoryTraceGraph, trace } from '../crypto';
import { parseWhatsAppText } from '../evidence';
import { extractIdentifiers, findTemplates, normalizeText } from '../recruitment';
import { checkAnswer, phoneDigits } from './exercise-answers';
import {
  EXERCISE_KINDS,
  generateAdTemplates,
  generateChatEvidence,
  generateMaterial,
  generateScreeningReferral,
  generateWalletTrace,
} from './exercise-material';

const SEEDS = ['alpha', 'session-42', 'x'];

describe('exercise material', () => {
  it('is the same for the same seed and differs between seeds', () => {
    for (const kind of EXERCISE_KINDS) {
      expect(JSON.stringify(generateMaterial(kind, 's1'))).toBe(JSON.stringify(generateMaterial(kind, 's1')));
      expect(JSON.stringify(generateMaterial(kind, 's1'))).not.toBe(JSON.stringify(generateMaterial(kind, 's2')));
      expect(generateMaterial(kind, 's1').synthetic).toBe(true);
    }
  });

  it.each(SEEDS)('ad templates (%s): 200 ads whose largest template and link phone Trag’s own tools find', (seed) => {
    const { material, truth } = generateAdTemplates(seed);
    expect(material.ads).toHaveLength(200);
    expect(new Set(material.ads.map((a) => a.id)).size).toBe(200);
    // Solvable with the recruitment module: the largest cluster is the generated template.
    const clusters = findTemplates(material.ads).sort((a, b) => b.ids.length - a.ids.length);
    const largest = new Set(clusters[0]!.ids);
    const overlap = truth.templateAdIds.filter((id) => largest.has(id)).length;
    expect(overlap / truth.templateAdIds.length).toBeGreaterThan(0.9);
    expect([...largest].every((id) => truth.templateAdIds.includes(id))).toBe(true);
    // The phone extractor reads the link phone in both templates.
    const phonesOf = (ids: string[]) =>
      new Set(
        ids.flatMap((id) =>
          extractIdentifiers(normalizeText(material.ads.find((a) => a.id === id)!.text))
            .filter((i) => i.type === 'phone')
            .map((i) => i.value),
        ),
      );
    const a = phonesOf(truth.templateAdIds);
    const b = phonesOf(truth.otherTemplates[0]!.adIds);
    expect([...a].filter((p) => b.has(p))).toEqual([truth.linkPhone]);
  });

  it.each(SEEDS)('wallet trace (%s): a forward trace ends mostly at the expected exchange', async (seed) => {
    const { material, truth } = generateWalletTrace(seed);
    const tags = new Map(material.tags.map((t) => [t.address, t.label]));
    for (const method of ['fifo', 'haircut'] as const) {
      const result = await trace(
        new InMemoryTraceGraph(material.transfers),
        { seed: { addresses: [material.seedAddress] }, direction: 'forward', method, maxHops: 10, maxNodes: 1000 },
        { stopAt: (n) => tags.get(n) ?? null },
      );
      const top = [...result.endpoints].sort((x, y) => y.amount - x.amount)[0]!;
      expect(top.node).toBe(truth.depositAddress);
      expect(top.stopReason).toBe(`exchange: ${truth.exchange}`);
      expect(top.share).toBeCloseTo(truth.share, 6);
    }
    expect(truth.share).toBeGreaterThan(0.6);
  });

  it('chat evidence: the evidence module reads the export with the expected number of messages', () => {
    const { material, truth } = generateChatEvidence('alpha');
    const chat = parseWhatsAppText(material.chatText, new Set());
    expect(chat.messages).toHaveLength(truth.messages);
    expect(chat.participants).toHaveLength(2);
  });

  it('screening: every indicator and need has the statement that shows it', () => {
    for (const seed of SEEDS) {
      const { material, truth } = generateScreeningReferral(seed);
      for (const id of [...truth.present, ...truth.services]) {
        expect(material.statements.map((s) => s.text)).toContain(truth.evidence[id]);
      }
      expect(truth.present.length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('answer checking', () => {
  it('ad templates: accepts any ad of the template and the phone however written', () => {
    const { truth } = generateAdTemplates('alpha');
    const local = `0${truth.linkPhone.slice(4)}`;
    const right = checkAnswer('ad-templates', 'alpha', {
      kind: 'ad-templates',
      adId: truth.templateAdIds[5]!,
      phone: local,
    });
    expect(right.correct).toBe(true);
    expect(phoneDigits('+387 61 123 456')).toBe(phoneDigits('00387 61 123456'));
    const wrong = checkAnswer('ad-templates', 'alpha', {
      kind: 'ad-templates',
      adId: truth.otherTemplates[0]!.adIds[0]!,
      phone: '+387 61 000 000',
    });
    expect(wrong.correct).toBe(false);
    expect(wrong.parts.map((p) => p.correct)).toEqual([false, false]);
    expect(wrong.parts[0]!.feedback).toMatch(/most-posted one was posted/);
  });

  it('wallet trace: names the decoy exchange as a peel', () => {
    const { truth } = generateWalletTrace('alpha');
    expect(
      checkAnswer('wallet-trace', 'alpha', {
        kind: 'wallet-trace',
        exchange: ` ${truth.exchange.toUpperCase()} `,
        depositAddress: truth.depositAddress,
      }).correct,
    ).toBe(true);
    const decoy = checkAnswer('wallet-trace', 'alpha', { kind: 'wallet-trace', exchange: truth.otherExchanges[0]! });
    expect(decoy.correct).toBe(false);
    expect(decoy.parts[0]!.feedback).toMatch(/small peel/);
  });

  it('chat evidence: needs an exported and verified bundle with the same hash', () => {
    const { truth } = generateChatEvidence('alpha');
    const answer = { kind: 'chat-evidence' as const, bundleSha256: 'AB'.repeat(32), messages: truth.messages };
    expect(checkAnswer('chat-evidence', 'alpha', answer).correct).toBe(false);
    expect(
      checkAnswer('chat-evidence', 'alpha', answer, { exportedBundle: { sha256: 'ab'.repeat(32), verified: false } })
        .parts[1]!.feedback,
    ).toMatch(/Verify/);
    expect(
      checkAnswer('chat-evidence', 'alpha', answer, { exportedBundle: { sha256: 'ab'.repeat(32), verified: true } })
        .correct,
    ).toBe(true);
  });

  it('screening: the expected next step follows the form’s own rule; misses are explained', () => {
    for (const seed of SEEDS) {
      const { truth } = generateScreeningReferral(seed);
      const suggestion = truth.present.length >= 3 ? 'refer_for_identification' : 'gather_more_information';
      const answer = {
        kind: 'screening-referral' as const,
        present: truth.present,
        suggestion,
        services: truth.services,
      };
      expect(checkAnswer('screening-referral', seed, answer).correct).toBe(true);
      const partial = checkAnswer('screening-referral', seed, {
        ...answer,
        present: truth.present.slice(1),
        services: [...truth.services, 'education'],
      });
      expect(partial.correct).toBe(false);
      expect(partial.parts[0]!.feedback).toContain(truth.evidence[truth.present[0]!]);
      expect(partial.parts[2]!.feedback).toMatch(/Not asked for: education/);
    }
  });

  it('refuses an answer of another kind', () => {
    expect(checkAnswer('wallet-trace', 'a', { kind: 'ad-templates', adId: 'ad-001', phone: '1' }).correct).toBe(false);
  });
});
