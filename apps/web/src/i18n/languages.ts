// The seven UI languages and the Intl locale each one formats dates and numbers with.
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'bs', label: 'Bosanski' },
  { code: 'sr-Latn', label: 'Srpski (latinica)' },
  { code: 'sr-Cyrl', label: 'Српски (ћирилица)' },
  { code: 'cnr', label: 'Crnogorski' },
  { code: 'mk', label: 'Македонски' },
  { code: 'sq', label: 'Shqip' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export function isLanguageCode(value: string | null | undefined): value is LanguageCode {
  return LANGUAGES.some((l) => l.code === value);
}

/**
 * Locales Intl may format dates and numbers with, best first. Browsers ship different locale data (Chromium has no
 * Bosnian data, and no runtime knows "cnr"), so the first one the runtime supports wins.
 */
const INTL_CANDIDATES: Record<LanguageCode, string[]> = {
  en: ['en-GB', 'en'],
  bs: ['bs-Latn-BA', 'bs', 'hr-BA', 'hr', 'sr-Latn-BA'],
  'sr-Latn': ['sr-Latn-RS', 'sr-Latn', 'hr'],
  'sr-Cyrl': ['sr-Cyrl-RS', 'sr-Cyrl', 'sr'],
  cnr: ['sr-Latn-ME', 'sr-Latn', 'hr'],
  mk: ['mk-MK', 'mk'],
  sq: ['sq-AL', 'sq'],
};

const resolved = new Map<string, string>();

/** The BCP 47 locale Intl uses for dates and numbers in a UI language. */
export function intlLocale(code: string): string {
  const cached = resolved.get(code);
  if (cached) return cached;
  const candidates = isLanguageCode(code) ? INTL_CANDIDATES[code] : ['en-GB'];
  const supported = candidates.find((c) => Intl.DateTimeFormat.supportedLocalesOf([c]).length > 0) ?? 'en-GB';
  resolved.set(code, supported);
  return supported;
}
