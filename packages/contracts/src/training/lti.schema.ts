// Training: LTI 1.3 — platform registrations (administrators) and the launch endpoints' forms.
import { Type, type Static } from '@sinclair/typebox';

const Url = Type.String({ minLength: 8, maxLength: 500 });

export const LtiPlatformRequest = Type.Object(
  {
    issuer: Url,
    clientId: Type.String({ minLength: 1, maxLength: 200 }),
    deploymentIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 20 }),
    authorizationEndpoint: Url,
    tokenEndpoint: Url,
    jwksUrl: Url,
  },
  { additionalProperties: false },
);
export type LtiPlatformRequest = Static<typeof LtiPlatformRequest>;

export const LtiPlatformView = Type.Object({
  id: Type.String(),
  issuer: Type.String(),
  clientId: Type.String(),
  deploymentIds: Type.Array(Type.String()),
  authorizationEndpoint: Type.String(),
  tokenEndpoint: Type.String(),
  jwksUrl: Type.String(),
  createdAt: Type.String(),
});
export type LtiPlatformView = Static<typeof LtiPlatformView>;

export const LtiPlatformListResponse = Type.Object({
  platforms: Type.Array(LtiPlatformView),
  /** What to enter in the LMS: Trag's login, launch and JWKS URLs. */
  tool: Type.Object({ loginUrl: Type.String(), launchUrl: Type.String(), jwksUrl: Type.String() }),
});
export type LtiPlatformListResponse = Static<typeof LtiPlatformListResponse>;

export const LtiPlatformParams = Type.Object({ platformId: Type.String({ minLength: 1, maxLength: 64 }) });

/** OIDC third-party login initiation (query string or form). */
export const LtiLoginForm = Type.Object({
  iss: Type.String({ minLength: 1, maxLength: 500 }),
  login_hint: Type.String({ minLength: 1, maxLength: 2000 }),
  target_link_uri: Type.String({ minLength: 1, maxLength: 2000 }),
  lti_message_hint: Type.Optional(Type.String({ maxLength: 4000 })),
  client_id: Type.Optional(Type.String({ maxLength: 200 })),
  lti_deployment_id: Type.Optional(Type.String({ maxLength: 200 })),
});
export type LtiLoginForm = Static<typeof LtiLoginForm>;

export const LtiLaunchForm = Type.Object({
  id_token: Type.String({ minLength: 1, maxLength: 20000 }),
  state: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LtiLaunchForm = Static<typeof LtiLaunchForm>;

export const LtiPlayParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
export const LtiChoiceForm = Type.Object({ choiceId: Type.String({ minLength: 1, maxLength: 200 }) });

export const LtiJwks = Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) });

export const LtiOkResponse = Type.Object({ ok: Type.Literal(true) });
