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

/** The BCP 47 locale Intl uses for dates and numbers (Intl has no data for "cnr": Montenegrin Latin uses sr-Latn-ME). */
export function intlLocale(code: string): string {
  switch (code) {
    case 'en':
      return 'en-GB';
    case 'bs':
      return 'bs-Latn-BA';
    case 'sr-Latn':
      return 'sr-Latn-RS';
    case 'sr-Cyrl':
      return 'sr-Cyrl-RS';
    case 'cnr':
      return 'sr-Latn-ME';
    case 'mk':
      return 'mk-MK';
    case 'sq':
      return 'sq-AL';
    default:
      return 'en-GB';
  }
}
