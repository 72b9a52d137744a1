import { Type, type Static } from '@sinclair/typebox';
import {
  AgencyKindSchema,
  CountryCode,
  DisplayName,
  LocaleSchema,
  Password,
  RoleSchema,
  TotpCode,
} from './common.schema';

export const CurrentUserAgency = Type.Object({
  id: Type.String(),
  name: Type.String(),
  country: CountryCode,
  kind: AgencyKindSchema,
  requireTotp: Type.Boolean(),
});

export const CurrentUser = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    locale: LocaleSchema,
    unitId: Type.Union([Type.String(), Type.Null()]),
    totpEnabled: Type.Boolean(),
    /** True while the agency requires TOTP and this user has not enrolled: only enrolment is possible. */
    totpEnrolmentRequired: Type.Boolean(),
    agency: CurrentUserAgency,
  },
  { $id: 'CurrentUser' },
);
export type CurrentUser = Static<typeof CurrentUser>;

export const LoginRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Password,
    totpCode: Type.Optional(TotpCode),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const CurrentUserResponse = Type.Object({ user: CurrentUser });
export type CurrentUserResponse = Static<typeof CurrentUserResponse>;
export const LoginResponse = CurrentUserResponse;
export type LoginResponse = CurrentUserResponse;
export const MeResponse = CurrentUserResponse;
export type MeResponse = CurrentUserResponse;

export const UpdateMeRequest = Type.Object(
  { locale: Type.Optional(LocaleSchema), displayName: Type.Optional(DisplayName) },
  { additionalProperties: false },
);
export type UpdateMeRequest = Static<typeof UpdateMeRequest>;

export const ChangePasswordRequest = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;

export const TotpSetupResponse = Type.Object({
  /** Base32 secret, to type into an authenticator app by hand. */
  secret: Type.String(),
  otpauthUrl: Type.String(),
  /** The otpauth URL as an SVG QR code. */
  qrSvg: Type.String(),
});
export type TotpSetupResponse = Static<typeof TotpSetupResponse>;

export const TotpCodeRequest = Type.Object({ code: TotpCode }, { additionalProperties: false });
export type TotpCodeRequest = Static<typeof TotpCodeRequest>;

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** The first characters of the secret, to recognise it. */
  prefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});
export type ApiToken = Static<typeof ApiToken>;

export const ApiTokenListResponse = Type.Object({ tokens: Type.Array(ApiToken) });
export type ApiTokenListResponse = Static<typeof ApiTokenListResponse>;

export const CreateApiTokenRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export type CreateApiTokenRequest = Static<typeof CreateApiTokenRequest>;

export const CreateApiTokenResponse = Type.Object({
  token: ApiToken,
  /** Shown once: send it as "Authorization: Bearer <secret>". Trag keeps only its hash. */
  secret: Type.String(),
});
export type CreateApiTokenResponse = Static<typeof CreateApiTokenResponse>;
