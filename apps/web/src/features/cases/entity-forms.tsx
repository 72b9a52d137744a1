// Add an entity (identifier or named thing) and link two entities of the case.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cases } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { casesApi } from './cases.api';

/** Format examples (not translated: they show the shape of the identifier, not words). */
const PLACEHOLDERS: Partial<Record<cases.EntityType, string>> = {
  phone: '+387 61 123 456',
  email: 'name@example.org',
  online_account: 'handle',
  website: 'https://example.org/offer',
  crypto_wallet: 'bc1q…',
  bank_account: 'BA39 1290 0794 0102 8494',
};

export const NAMED_TYPES: readonly cases.EntityType[] = ['person', 'organisation', 'location'];

export function entityName(entity: { label: string; identifierDisplay?: string | null }): string {
  return entity.label || entity.identifierDisplay || '—';
}

export function AddEntityForm({
  caseId,
  onAdded,
}: {
  caseId: string;
  onAdded(result: cases.EntityCreateResponse): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [type, setType] = useState<cases.EntityType>('person');
  const [label, setLabel] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [platform, setPlatform] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const named = NAMED_TYPES.includes(type);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setMessage(null);
    try {
      const body: cases.EntityCreateRequest = { type, source: 'manual' };
      if (label.trim()) body.label = label.trim();
      if (!named) body.identifier = identifier.trim();
      if (type === 'online_account') body.platform = platform.trim();
      const result = await apiPost<cases.EntityCreateResponse>(casesApi.entities(caseId), body);
      setMessage(
        result.created
          ? t('cases:entities.added', { name: entityName(result.entity) })
          : t('cases:entities.alreadyThere'),
      );
      setLabel('');
      setIdentifier('');
      onAdded(result);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <ErrorNotice error={error} />
      {message && (
        <p className="notice notice-success" role="status">
          {message}
        </p>
      )}
      <div className="form-row">
        <div className="field" style={{ flex: '0 1 180px' }}>
          <label htmlFor={`${id}-type`}>{t('cases:entities.type')}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as cases.EntityType)}>
            {cases.ENTITY_TYPES.map((entityType) => (
              <option key={entityType} value={entityType}>
                {t(`cases:entityTypes.${entityType}`)}
              </option>
            ))}
          </select>
        </div>
        {type === 'online_account' && (
          <div className="field" style={{ flex: '0 1 150px' }}>
            <label htmlFor={`${id}-platform`}>{t('cases:entities.platform')}</label>
            <input
              id={`${id}-platform`}
              required
              value={platform}
              placeholder="facebook"
              onChange={(e) => setPlatform(e.target.value)}
            />
          </div>
        )}
        {!named && (
          <div className="field">
            <label htmlFor={`${id}-identifier`}>{t('cases:entities.identifier')}</label>
            <input
              id={`${id}-identifier`}
              required
              value={identifier}
              placeholder={PLACEHOLDERS[type]}
              onChange={(e) => setIdentifier(e.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-label`}>{named ? t('cases:entities.name') : t('cases:entities.labelOptional')}</label>
          <input id={`${id}-label`} required={named} value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" className="button button-primary">
            {t('cases:entities.add')}
          </button>
        </div>
      </div>
    </form>
  );
}

export function AddLinkForm({
  caseId,
  entities,
  onAdded,
}: {
  caseId: string;
  entities: cases.Entity[];
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [type, setType] = useState<cases.LinkType>('uses');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setMessage(null);
    if (!from || !to || from === to) {
      setError(new Error(t('cases:links.pickTwo')));
      return;
    }
    try {
      const body: cases.EntityLinkCreateRequest = { fromEntityId: from, toEntityId: to, type, source: 'manual' };
      if (note.trim()) body.note = note.trim();
      await apiPost(casesApi.links(caseId), body);
      setMessage(t('cases:links.added'));
      setNote('');
      onAdded();
    } catch (err) {
      setError(err);
    }
  }

  const options = entities.map((entity) => (
    <option key={entity.id} value={entity.id}>
      {t(`cases:entityTypes.${entity.type}`)}: {entityName(entity)}
    </option>
  ));
  return (
    <form onSubmit={(e) => void submit(e)}>
      {error instanceof Error && !('status' in error) ? (
        <div className="notice notice-error" role="alert">
          {error.message}
        </div>
      ) : (
        <ErrorNotice error={error} />
      )}
      {message && (
        <p className="notice notice-success" role="status">
          {message}
        </p>
      )}
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('cases:links.from')}</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">{t('cases:links.choose')}</option>
            {options}
          </select>
        </div>
        <div className="field" style={{ flex: '0 1 170px' }}>
          <label htmlFor={`${id}-type`}>{t('cases:links.type')}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as cases.LinkType)}>
            {cases.LINK_TYPES.map((linkType) => (
              <option key={linkType} value={linkType}>
                {t(`cases:linkTypes.${linkType}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('cases:links.to')}</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('cases:links.choose')}</option>
            {options}
          </select>
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('cases:links.note')}</label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" className="button button-primary">
            {t('cases:links.add')}
          </button>
        </div>
      </div>
    </form>
  );
}
