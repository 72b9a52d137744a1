import { Type, type Static } from '@sinclair/typebox';

export const IndicatorFamily = Type.Union([
  Type.Literal('forced_labour'),
  Type.Literal('deceptive_recruitment'),
  Type.Literal('sexual_exploitation'),
  Type.Literal('smuggling'),
  Type.Literal('network'),
]);

/** POST /api/public/offer-check: one job offer pasted by anyone; nothing is stored. */
export const OfferCheckRequest = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  { additionalProperties: false },
);
export type OfferCheckRequest = Static<typeof OfferCheckRequest>;

export const OfferFlag = Type.Object({
  indicatorId: Type.String(),
  family: IndicatorFamily,
  title: Type.String(),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
  quote: Type.String(),
  weight: Type.Number(),
});
export type OfferFlag = Static<typeof OfferFlag>;

export const OfferHelpline = Type.Object({
  country: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  source: Type.String(),
  readOn: Type.String(),
});
export type OfferHelpline = Static<typeof OfferHelpline>;

export const OfferCheckResponse = Type.Object({
  language: Type.String(),
  level: Type.Union([Type.Literal('none'), Type.Literal('some'), Type.Literal('many')]),
  score: Type.Number(),
  flags: Type.Array(OfferFlag),
  helplines: Type.Array(OfferHelpline),
});
export type OfferCheckResponse = Static<typeof OfferCheckResponse>;
