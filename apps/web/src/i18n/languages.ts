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
 * Locales Intl may format dates and numbers with, best first. Browsers ship different locale data: Chromium has no
 * Bosnian, Macedonian or Albanian data (it even claims "bs" and then formats with the root locale), and no runtime
 * knows "cnr". The first candidate with real month names wins; Bosnian and Montenegrin fall back to Serbian Latin,
 * whose month names and date order they share.
 */
const INTL_CANDIDATES: Record<LanguageCode, string[]> = {
  en: ['en-GB', 'en'],
  bs: ['bs-Latn-BA', 'bs', 'sr-Latn-BA', 'sr-Latn'],
  'sr-Latn': ['sr-Latn-RS', 'sr-Latn'],
  'sr-Cyrl': ['sr-Cyrl-RS', 'sr-Cyrl', 'sr'],
  cnr: ['sr-Latn-ME', 'sr-Latn'],
  mk: ['mk-MK', 'mk'],
  sq: ['sq-AL', 'sq'],
};

/** Number-only fallbacks (same separators) when the runtime has no data for the language. */
const NUMBER_FALLBACK: Partial<Record<LanguageCode, string>> = { mk: 'de', sq: 'fr' };

export interface IntlChoice {
  /** The locale to format with. */
  locale: string;
  /** False when the runtime has no data for the language: format dates numerically, never with words. */
  hasData: boolean;
  /** The locale for numbers (its separators match the language even when `hasData` is false). */
  numberLocale: string;
}

function hasRealData(locale: string, code: string): boolean {
  if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) return false;
  const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 4, 15));
  if (/^M\d+$/.test(month)) return false; // root locale: no month names
  return code === 'en' || month !== 'May';
}

const resolved = new Map<string, IntlChoice>();

export function intlChoice(code: string): IntlChoice {
  const cached = resolved.get(code);
  if (cached) return cached;
  const language: LanguageCode = isLanguageCode(code) ? code : 'en';
  const found = INTL_CANDIDATES[language].find((candidate) => hasRealData(candidate, language));
  const choice: IntlChoice = found
    ? { locale: found, hasData: true, numberLocale: found }
    : { locale: 'en-GB', hasData: false, numberLocale: NUMBER_FALLBACK[language] ?? 'en-GB' };
  resolved.set(code, choice);
  return choice;
}

/** The BCP 47 locale Intl uses for a UI language (plural rules, dates and numbers). */
export function intlLocale(code: string): string {
  return intlChoice(code).locale;
}
