import { Type, type Static } from '@sinclair/typebox';
import { CountryCode, DisplayName, LocaleSchema, Password, RoleSchema, Username } from './common.schema';

/** A user as their agency's administrators see it. */
export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  locale: LocaleSchema,
  agencyId: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type User = Static<typeof User>;

export const UserResponse = Type.Object({ user: User });
export type UserResponse = Static<typeof UserResponse>;
export const UserListResponse = Type.Object({ users: Type.Array(User) });
export type UserListResponse = Static<typeof UserListResponse>;

export const UserListQuery = Type.Object(
  { agencyId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

const Email = Type.String({ maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' });
const UnitId = Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]);

export const CreateUserRequest = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    role: RoleSchema,
    unitId: Type.Optional(UnitId),
    locale: Type.Optional(LocaleSchema),
    password: Password,
  },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;

export const UpdateUserRequest = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    role: Type.Optional(RoleSchema),
    unitId: Type.Optional(UnitId),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
export type UpdateUserRequest = Static<typeof UpdateUserRequest>;

export const ResetPasswordRequest = Type.Object({ newPassword: Password }, { additionalProperties: false });
export type ResetPasswordRequest = Static<typeof ResetPasswordRequest>;

/** The minimal cross-agency directory entry, so cases can add members from other agencies. */
export const DirectoryEntry = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  agency: Type.Object({ id: Type.String(), name: Type.String(), country: CountryCode }),
});
export type DirectoryEntry = Static<typeof DirectoryEntry>;

export const DirectoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type DirectoryQuery = Static<typeof DirectoryQuery>;

export const DirectoryResponse = Type.Object({ users: Type.Array(DirectoryEntry) });
export type DirectoryResponse = Static<typeof DirectoryResponse>;
