// Language picker. Applies at once on this device and, when signed in, saves the choice to the user's profile.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPatch } from '../api/client';
import { applyLanguage, isLanguageCode, LANGUAGES } from '../i18n/i18n';
import { useSession } from '../app/session';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('common:shell.language')}
      </label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          const code = event.target.value;
          if (!isLanguageCode(code)) return;
          applyLanguage(code);
          if (user) void apiPatch('/api/auth/me', { locale: code }).catch(() => undefined);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </div>
  );
}
