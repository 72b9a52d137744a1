// The bundled list of common passwords: the "passwords-common" dictionary of @zxcvbn-ts/language-common
// (MIT licence, https://github.com/zxcvbn-ts/zxcvbn, ~49,000 passwords most frequently found in public breach
// corpora, as compiled by the zxcvbn-ts project). Loaded once, lazily, as a lower-cased set.
import { dictionary } from '@zxcvbn-ts/language-common';

export const COMMON_PASSWORDS_SOURCE =
  '@zxcvbn-ts/language-common 4.x, dictionary "passwords-common" (MIT, github.com/zxcvbn-ts/zxcvbn)';

let cached: Set<string> | null = null;

export function commonPasswords(): Set<string> {
  if (!cached) cached = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return cached;
}
