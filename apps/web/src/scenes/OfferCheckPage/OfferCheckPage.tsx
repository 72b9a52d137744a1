// Public job-offer checker: no login, nothing stored. A person pastes an offer and sees its warning signs in plain
// words in their language, with the national anti-trafficking helplines (verified entries only, with sources).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { recruitment } from '@trag/contracts';
import { apiPost, ApiError } from '../../api/client';
import { LanguageSwitcher } from '../../components/language-switcher';
import { HighlightedText } from '../../features/recruitment/highlighted-text';
import '../../features/recruitment/recruitment.css';

export function OfferCheckPage() {
  const { t } = useTranslation('recruitment');
  const textId = useId();
  const [text, setText] = useState('');
  const [checkedText, setCheckedText] = useState('');
  const [result, setResult] = useState<recruitment.OfferCheckResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('offerCheck.title')} · Trag`;
  }, [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('offerCheck.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: recruitment.OfferCheckRequest = { text };
      setResult(await apiPost<recruitment.OfferCheckResponse>('/api/public/offer-check', body));
      setCheckedText(text);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t('offerCheck.tooMany'));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const plain = (flag: recruitment.OfferFlag) =>
    t(`offerCheck.indicators.${flag.indicatorId}`, { defaultValue: t(`offerCheck.families.${flag.family}`) });
  const uniqueFlags = result
    ? result.flags.filter((f, i, all) => all.findIndex((g) => g.indicatorId === f.indicatorId) === i)
    : [];

  return (
    <div className="login-page">
      <div className="login-top">
        <LanguageSwitcher />
      </div>
      <main id="main" className="offer-check">
        <h1>{t('offerCheck.title')}</h1>
        <p>{t('offerCheck.intro')}</p>
        <p>
          <small>{t('offerCheck.privacy')}</small>
        </p>
        <form onSubmit={(e) => void submit(e)}>
          <label htmlFor={textId}>{t('offerCheck.label')}</label>
          <textarea id={textId} value={text} maxLength={20000} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={busy}>
            {busy ? t('offerCheck.checking') : t('offerCheck.submit')}
          </button>
        </form>
        {error && (
          <p role="alert" className="error-notice">
            {error}
          </p>
        )}
        {result && (
          <section aria-live="polite">
            <p className={`offer-level offer-level-${result.level}`} data-testid="offer-level">
              {result.level === 'many'
                ? t('offerCheck.levelMany')
                : result.level === 'some'
                  ? t('offerCheck.levelSome')
                  : t('offerCheck.levelNone')}
            </p>
            {uniqueFlags.length > 0 && (
              <>
                <h2>{t('offerCheck.flagsHeading')}</h2>
                <ul className="offer-flags">
                  {uniqueFlags.map((flag) => (
                    <li key={flag.indicatorId} data-indicator={flag.indicatorId}>
                      {plain(flag)}
                      {flag.quote && (
                        <div className="offer-quote">
                          {t('offerCheck.quoteLabel')}: “{flag.quote}”
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
                <HighlightedText
                  text={checkedText}
                  spans={result.flags.map((f) => ({ start: f.start, end: f.end, label: plain(f) }))}
                />
              </>
            )}
          </section>
        )}
        {result && (
          <section>
            <h2>{t('offerCheck.helpHeading')}</h2>
            <p>{t('offerCheck.helpIntro')}</p>
            <ul className="offer-helplines">
              {result.helplines.map((h) => (
                <li key={`${h.country}-${h.phone}`}>
                  <strong>{t(`offerCheck.countries.${h.country}`, { defaultValue: h.country })}</strong>: {h.name} —{' '}
                  <a href={`tel:${h.phone.replace(/[^\d+]/g, '')}`}>{h.phone}</a>
                  <div className="offer-source">
                    {t('offerCheck.sourceLabel')}: {h.source} ({t('offerCheck.readOn', { date: h.readOn })})
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p>
          <small>{t('offerCheck.disclaimer')}</small>
        </p>
      </main>
    </div>
  );
}
