// The password rules, as a pure function: at least 12 characters, at most 256, not a common password (also not a
// common password with digits or symbols stuck on the end, "dragon123456"), not one repeated character, and not the
// username. Returns the first reason it fails, so the caller can say exactly what to change.
import { commonPasswords } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem =
  'password_too_short' | 'password_too_long' | 'password_too_common' | 'password_same_as_username';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  password_too_short: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long. A few unrelated words make a long password that is easy to remember.`,
  password_too_long: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
  password_too_common:
    'This password is on a list of commonly used passwords that attackers try first. Choose another.',
  password_same_as_username: 'The password must not contain the username. Choose another.',
};

export function checkPassword(password: string, context: { username?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return 'password_too_common';
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (stem.length > 0 && stem !== lower && list.has(stem)) return 'password_too_common';
  if (new Set(lower).size <= 2) return 'password_too_common';
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) return 'password_same_as_username';
  return null;
}
