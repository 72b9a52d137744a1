import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** Quick search from every page; opens the search page with the query. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!q.trim()) return;
    navigate(`/search?q=${encodeURIComponent(q.trim())}`);
    setQ('');
  }
  return (
    <form className="header-search" role="search" onSubmit={submit}>
      <label htmlFor="header-search" className="visually-hidden">
        {t('common:shell.quickSearch')}
      </label>
      <input
        id="header-search"
        type="search"
        placeholder={t('common:shell.quickSearchPlaceholder')}
        value={q}
        maxLength={200}
        onChange={(e) => setQ(e.target.value)}
      />
    </form>
  );
}
