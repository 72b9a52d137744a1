// Create or edit a case's core fields. Tags are typed comma-separated.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cases } from '@trag/contracts';
import { ErrorNotice } from '../../components/error-notice';

export interface CaseFormValues {
  title: string;
  type: cases.CaseType;
  reference: string;
  jurisdiction: string;
  openedOn: string;
  incidentFrom: string;
  incidentTo: string;
  tags: string;
  description: string;
  contactPoint: string;
}

export function emptyCaseForm(): CaseFormValues {
  return {
    title: '',
    type: 'labour_exploitation',
    reference: '',
    jurisdiction: '',
    openedOn: new Date().toISOString().slice(0, 10),
    incidentFrom: '',
    incidentTo: '',
    tags: '',
    description: '',
    contactPoint: '',
  };
}

export function caseFormFrom(detail: cases.CaseDetail): CaseFormValues {
  return {
    title: detail.title,
    type: detail.type,
    reference: detail.reference,
    jurisdiction: detail.jurisdiction ?? '',
    openedOn: detail.openedOn,
    incidentFrom: detail.incidentFrom ?? '',
    incidentTo: detail.incidentTo ?? '',
    tags: detail.tags.join(', '),
    description: detail.description,
    contactPoint: detail.contactPoint ?? '',
  };
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export function CaseForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  showReference,
}: {
  initial: CaseFormValues;
  submitLabel: string;
  onSubmit(values: CaseFormValues): Promise<void>;
  onCancel?(): void;
  showReference: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof CaseFormValues, value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const input = (key: keyof CaseFormValues, label: string, type = 'text', hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={values[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
      />
      {hint && (
        <span className="field-hint" id={`${id}-${key}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <form onSubmit={(e) => void submit(e)}>
      <ErrorNotice error={error} />
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('cases:fields.title')}</label>
        <input
          id={`${id}-title`}
          required
          maxLength={300}
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
        />
      </div>
      <div className="form-row align-top">
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('cases:fields.type')}</label>
          <select id={`${id}-type`} value={values.type} onChange={(e) => set('type', e.target.value)}>
            {cases.CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`cases:types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        {showReference && input('reference', t('cases:fields.reference'), 'text', t('cases:form.referenceHint'))}
        {input('jurisdiction', t('cases:fields.jurisdiction'))}
      </div>
      <div className="form-row align-top">
        {input('openedOn', t('cases:fields.openedOn'), 'date')}
        {input('incidentFrom', t('cases:fields.incidentFrom'), 'date')}
        {input('incidentTo', t('cases:fields.incidentTo'), 'date')}
      </div>
      {input('tags', t('cases:fields.tags'), 'text', t('cases:form.tagsHint'))}
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('cases:fields.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={6}
          value={values.description}
          aria-describedby={`${id}-description-hint`}
          onChange={(e) => set('description', e.target.value)}
        />
        <span className="field-hint" id={`${id}-description-hint`}>
          {t('cases:form.markdownHint')}
        </span>
      </div>
      {input('contactPoint', t('cases:fields.contactPoint'), 'text', t('cases:form.contactPointHint'))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
