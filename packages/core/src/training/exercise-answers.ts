// Checks a trainee's answer to a hands-on exercise against the truth generated from the same seed. Pure. Every
// part of an answer gets its own verdict and a reason the trainee can learn from (what the material shows).
import { latestForms, loadScreeningForms, summariseScreening, type ScreeningAnswer } from '../victims';
import {
  generateAdTemplates,
  generateChatEvidence,
  generateScreeningReferral,
  generateWalletTrace,
  type ExerciseKind,
} from './exercise-material';

export interface AnswerPart {
  part: string;
  correct: boolean;
  feedback: string;
}

export interface AnswerVerdict {
  correct: boolean;
  parts: AnswerPart[];
}

export type ExerciseAnswer =
  | { kind: 'ad-templates'; adId: string; phone: string }
  | { kind: 'wallet-trace'; exchange: string; depositAddress?: string | undefined }
  | { kind: 'chat-evidence'; bundleSha256: string; messages: number }
  | { kind: 'screening-referral'; present: string[]; suggestion: string; services: string[] };

/** What the checker needs beyond the seed: the bundle this trainee exported and whether they verified it. */
export interface AnswerContext {
  exportedBundle?: { sha256: string; verified: boolean } | null;
}

/** Digits only; 00 → international, a leading 0 → the Bosnian country code the material uses. */
export function phoneDigits(raw: string): string {
  let d = raw.replace(/\D/g, '');
  if (d.startsWith('00')) d = d.slice(2);
  else if (d.startsWith('0')) d = `387${d.slice(1)}`;
  return d;
}

function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

function setDiff(expected: string[], given: string[]) {
  const e = new Set(expected);
  const g = new Set(given);
  return { missed: expected.filter((x) => !g.has(x)), extra: given.filter((x) => !e.has(x)) };
}

function verdict(parts: AnswerPart[]): AnswerVerdict {
  return { correct: parts.every((p) => p.correct), parts };
}

export function checkAnswer(
  kind: ExerciseKind,
  seed: string,
  answer: ExerciseAnswer,
  context: AnswerContext = {},
): AnswerVerdict {
  if (answer.kind !== kind) {
    return verdict([{ part: 'kind', correct: false, feedback: `This is a ${kind} exercise.` }]);
  }
  switch (answer.kind) {
    case 'ad-templates': {
      const { truth } = generateAdTemplates(seed);
      const inMain = truth.templateAdIds.includes(answer.adId);
      const other = truth.otherTemplates.find((t) => t.adIds.includes(answer.adId));
      const phoneOk = phoneDigits(answer.phone) === phoneDigits(truth.linkPhone);
      return verdict([
        {
          part: 'template',
          correct: inMain,
          feedback: inMain
            ? `Right: ${answer.adId} belongs to the most-posted template (${truth.templateAdIds.length} ads).`
            : other
              ? `${answer.adId} belongs to a template posted ${other.adIds.length} times; the most-posted one was posted ${truth.templateAdIds.length} times.`
              : `${answer.adId} is not part of any repeated template; look for the largest group of near-identical ads.`,
        },
        {
          part: 'phone',
          correct: phoneOk,
          feedback: phoneOk
            ? 'Right: this number appears in ads of the most-posted template and of another template — one network.'
            : 'This number does not link the two templates; compare the phone numbers of each template’s ads.',
        },
      ]);
    }
    case 'wallet-trace': {
      const { truth } = generateWalletTrace(seed);
      const ok = sameName(answer.exchange, truth.exchange);
      const decoy = truth.otherExchanges.some((e) => sameName(e, answer.exchange));
      const parts: AnswerPart[] = [
        {
          part: 'exchange',
          correct: ok,
          feedback: ok
            ? `Right: ${Math.round(truth.share * 100)} % of the wallet's value reaches ${truth.exchange}.`
            : decoy
              ? `${answer.exchange} receives only a small peel; follow where most of the value goes.`
              : 'The traced value does not end at this exchange; run a forward trace from the wallet.',
        },
      ];
      if (answer.depositAddress) {
        const addrOk = answer.depositAddress.trim().toLowerCase() === truth.depositAddress;
        parts.push({
          part: 'depositAddress',
          correct: addrOk,
          feedback: addrOk
            ? 'Right: this is the deposit address to name in the data request to the exchange.'
            : 'This is not the deposit address where the traced value ends.',
        });
      }
      return verdict(parts);
    }
    case 'chat-evidence': {
      const { truth } = generateChatEvidence(seed);
      const bundle = context.exportedBundle ?? null;
      const countOk = answer.messages === truth.messages;
      const given = answer.bundleSha256.trim().toLowerCase();
      const bundleOk = bundle !== null && bundle.verified && given === bundle.sha256;
      return verdict([
        {
          part: 'messages',
          correct: countOk,
          feedback: countOk
            ? `Right: the chat has ${truth.messages} messages.`
            : 'The number of messages does not match the collected chat; read the collection report again.',
        },
        {
          part: 'bundle',
          correct: bundleOk,
          feedback: !bundle
            ? 'Collect the chat and export a bundle first.'
            : !bundle.verified
              ? 'Verify the exported bundle before you report its hash.'
              : bundleOk
                ? 'Right: this is the SHA-256 of the bundle you exported and verified.'
                : 'This is not the SHA-256 of your verified bundle; copy it from the verification report.',
        },
      ]);
    }
    case 'screening-referral': {
      const { truth } = generateScreeningReferral(seed);
      const form = latestForms(loadScreeningForms()).find((f) => f.id === 'ilo-forced-labour-11')!;
      const truthAnswers: Record<string, ScreeningAnswer> = Object.fromEntries(
        truth.present.map((id) => [id, { value: 'present', source: 'interview' }] as const),
      );
      // The form's own rule decides the expected next step; absent indicators are answered, not left open.
      for (const i of form.indicators) truthAnswers[i.id] ??= { value: 'absent', source: 'interview' };
      const expected = summariseScreening(form, truthAnswers).suggestion.id;
      const indicators = setDiff(truth.present, answer.present);
      const services = setDiff(truth.services, answer.services);
      const why = (ids: string[]) => ids.map((id) => `${id} (“${truth.evidence[id]}”)`).join('; ');
      return verdict([
        {
          part: 'indicators',
          correct: indicators.missed.length === 0 && indicators.extra.length === 0,
          feedback:
            indicators.missed.length === 0 && indicators.extra.length === 0
              ? `Right: ${truth.present.length} indicator(s) present.`
              : [
                  indicators.missed.length ? `Missed: ${why(indicators.missed)}.` : '',
                  indicators.extra.length
                    ? `Not shown by any statement: ${indicators.extra.join(', ')} — record only what you heard, saw or read.`
                    : '',
                ]
                  .filter(Boolean)
                  .join(' '),
        },
        {
          part: 'suggestion',
          correct: answer.suggestion === expected,
          feedback:
            answer.suggestion === expected
              ? `Right: ${expected}.`
              : `With ${truth.present.length} indicator(s) present the form suggests ${expected}.`,
        },
        {
          part: 'services',
          correct: services.missed.length === 0 && services.extra.length === 0,
          feedback:
            services.missed.length === 0 && services.extra.length === 0
              ? 'Right: the referral covers every need the person named.'
              : [
                  services.missed.length ? `Missed needs: ${why(services.missed)}.` : '',
                  services.extra.length ? `Not asked for: ${services.extra.join(', ')}.` : '',
                ]
                  .filter(Boolean)
                  .join(' '),
        },
      ]);
    }
  }
}
