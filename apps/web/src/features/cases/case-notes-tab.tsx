import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { MarkdownView } from '../../components/markdown-view';
import { useFormat } from '../../i18n/format';
import { useCaseContext } from './case-context';
import type { CaseTabProps } from './case-tabs';
import { casesApi } from './cases.api';

export function CaseNotesTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const context = useCaseContext();
  const notes = useApi<cases.CaseNoteListResponse>(casesApi.notes(caseId));
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setError(undefined);
    try {
      await apiPost(casesApi.notes(caseId), { body } satisfies cases.CaseNoteCreateRequest);
      setBody('');
      notes.reload();
      context?.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="grid-main-side">
      <section className="panel" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('cases:notes.title')}</h2>
        <ErrorNotice error={notes.error} />
        {notes.loading && !notes.data ? (
          <Loading />
        ) : (notes.data?.items ?? []).length === 0 ? (
          <p className="empty">{t('cases:notes.empty')}</p>
        ) : (
          <ul className="plain rows">
            {notes.data!.items.map((note) => (
              <li key={note.id}>
                <div className="row-meta" style={{ marginBottom: '0.3rem' }}>
                  <strong style={{ color: 'var(--text)' }}>{note.author.displayName}</strong>
                  {note.author.agencyName && ` · ${note.author.agencyName}`} ·{' '}
                  <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time>
                </div>
                <MarkdownView source={note.body} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {context?.detail.can.edit && (
        <section className="panel" aria-labelledby="add-note">
          <h2 id="add-note">{t('cases:notes.add')}</h2>
          <form onSubmit={(e) => void submit(e)}>
            <ErrorNotice error={error} />
            <div className="field">
              <label htmlFor={`${id}-body`}>{t('cases:notes.body')}</label>
              <textarea
                id={`${id}-body`}
                rows={8}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                aria-describedby={`${id}-hint`}
              />
              <span className="field-hint" id={`${id}-hint`}>
                {t('cases:form.markdownHint')}
              </span>
            </div>
            <button type="submit" className="button button-primary" disabled={!body.trim()}>
              {t('cases:notes.save')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
