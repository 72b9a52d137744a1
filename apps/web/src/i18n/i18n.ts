// UI strings: one JSON file per language and namespace under locales/<lang>/<namespace>.json.
// Every key of English must exist in every language (src/i18n/locales.test.ts fails otherwise).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

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

type Resources = Record<string, Record<string, Record<string, unknown>>>;
const modules = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Resources = {};
for (const [file, module] of Object.entries(modules)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  (resources[lang] ??= {})[ns] = module.default;
}

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('trag.language') : null;

void i18n.use(initReactI18next).init({
  resources,
  lng: stored ?? 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(code: LanguageCode): void {
  localStorage.setItem('trag.language', code);
  void i18n.changeLanguage(code);
  document.documentElement.lang = code;
}

export default i18n;
