// Turns a password-policy problem into the AppError every caller (API, CLI, demo) reports.
import { invalid } from '../shared/errors';
import { checkPassword, PASSWORD_PROBLEM_MESSAGES, PASSWORD_MIN_LENGTH } from './password-policy';

export function assertPasswordAcceptable(password: string, username?: string): void {
  const problem = checkPassword(password, username === undefined ? {} : { username });
  if (problem) throw invalid(problem, PASSWORD_PROBLEM_MESSAGES[problem], { minLength: PASSWORD_MIN_LENGTH });
}
