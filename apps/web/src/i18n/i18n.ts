// UI strings: one JSON file per language and namespace under locales/<lang>/<namespace>.json.
// Every key of English must exist in every language (src/i18n/locales.test.ts fails otherwise).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import { intlChoice, isLanguageCode, LANGUAGES, type LanguageCode } from './languages';

export { intlLocale, isLanguageCode, LANGUAGES, type LanguageCode } from './languages';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
const modules = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Resources = {};
for (const [file, module] of Object.entries(modules)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  (resources[lang] ??= {})[ns] = module.default;
}

const STORAGE_KEY = 'trag.language';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
const initial: LanguageCode = isLanguageCode(stored) ? stored : 'en';

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((l) => l.code),
  nonExplicitSupportedLngs: false,
  load: 'currentOnly',
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});
// "{{count, number}}" in a message: the same number locale as the rest of the UI (Chromium has no Montenegrin,
// Macedonian or Albanian data, for which intlChoice picks a locale with the same separators).
i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
  typeof value === 'number' ? new Intl.NumberFormat(intlChoice(lng ?? 'en').numberLocale).format(value) : String(value),
);
if (typeof document !== 'undefined') document.documentElement.lang = initial;

/** Switches the UI language on this device (the caller saves it to the user's profile when signed in). */
export function applyLanguage(code: LanguageCode): void {
  localStorage.setItem(STORAGE_KEY, code);
  document.documentElement.lang = code;
  if (i18n.language !== code) void i18n.changeLanguage(code);
}

export default i18n;
