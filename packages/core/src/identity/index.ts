// The identity domain's public surface: accounts, organisations, sessions, tokens.
export {
  AuthService,
  normalizeUsername,
  actorFromUser,
  actorFromUserView,
  type Authentication,
  type LoginInput,
  type LoginResult,
} from './auth.service';
export { UserService, type CreateUserInput } from './user.service';
export { AgencyService, isAgencyKind, type CreateAgencyInput } from './agency.service';
export { AUTH_SETTINGS } from './auth-settings';
export { checkPassword, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password-policy';
export { COMMON_PASSWORDS_SOURCE } from './common-passwords';
export { csrfTokenFor, safeEqual, API_TOKEN_PREFIX } from './secret-token';
export { generateTotp } from './totp';
export { canManageAgency, canReadAgencyUsers } from './identity.policy';
export {
  loadIdentityDemo,
  demoActor,
  demoActorOfRole,
  demoPassword,
  type IdentityDemo,
  type IdentityDemoAccount,
  type DemoAgency,
} from './identity.demo';
