// The social worker's editor for the most used protected fields. Each save replaces whole groups on the server,
// so the current values of the group are kept and only the edited fields change.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { victims } from '@trag/contracts';
import { apiRequest } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { victimsApi } from './victims.api';

export const EDITABLE_FIELDS = [
  { group: 'identity', name: 'prs_FirstName', kind: 'text' },
  { group: 'identity', name: 'prs_SecondName', kind: 'text' },
  { group: 'identity', name: 'prs_Birthdate', kind: 'date' },
  { group: 'identity', name: 'prs_MobilePhone', kind: 'text' },
  { group: 'identity', name: 'prs_MailingCity', kind: 'text' },
  { group: 'health', name: 'healthNotes', kind: 'longtext' },
  { group: 'story', name: 'statement', kind: 'longtext' },
] as const;

type GroupName = (typeof EDITABLE_FIELDS)[number]['group'];

export function ProtectedEditor({ victim, onSaved }: { victim: victims.VictimRecord; onSaved(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const initial = Object.fromEntries(
    EDITABLE_FIELDS.map((f) => {
      const value = (victim.groups[f.group] as Record<string, unknown> | undefined)?.[f.name];
      return [f.name, typeof value === 'string' ? value : ''];
    }),
  );
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    const groups: Record<string, Record<string, unknown>> = {};
    for (const f of EDITABLE_FIELDS) {
      const group: GroupName = f.group;
      groups[group] ??= { ...((victim.groups[group] as Record<string, unknown> | undefined) ?? {}) };
      const value = (values[f.name] ?? '').trim();
      if (value === '') delete groups[group][f.name];
      else groups[group][f.name] = value;
    }
    try {
      await apiRequest('PUT', victimsApi.groups(victim.id), { groups });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <details>
      <summary>{t('victims:editor.title')}</summary>
      <form onSubmit={(e) => void save(e)}>
        <ErrorNotice error={error} />
        {saved && (
          <div className="notice" role="status">
            {t('victims:editor.saved')}
          </div>
        )}
        {EDITABLE_FIELDS.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`${id}-${f.name}`}>{t(`victims:fieldNames.${f.name}`)}</label>
            {f.kind === 'longtext' ? (
              <textarea
                id={`${id}-${f.name}`}
                rows={4}
                value={values[f.name]}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              />
            ) : (
              <input
                id={`${id}-${f.name}`}
                type={f.kind === 'date' ? 'date' : 'text'}
                value={values[f.name]}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              />
            )}
          </div>
        ))}
        <button type="submit" className="button button-primary">
          {t('victims:editor.save')}
        </button>
      </form>
    </details>
  );
}
