// Administrators register the learning platforms (Moodle …) that may launch Trag with LTI 1.3, and read the three
// URLs to enter in the LMS. The server decides who may; this panel is only shown to administrators.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { training } from '@trag/contracts';
import { apiDelete, apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/error-notice';
import { trainingApi } from './training.api';

const EMPTY = {
  issuer: '',
  clientId: '',
  deploymentIds: '',
  authorizationEndpoint: '',
  tokenEndpoint: '',
  jwksUrl: '',
};
const FIELDS = ['issuer', 'clientId', 'deploymentIds', 'authorizationEndpoint', 'tokenEndpoint', 'jwksUrl'] as const;

export function LtiPlatformsPanel() {
  const { t } = useTranslation();
  const list = useApi<training.LtiPlatformListResponse>(trainingApi.ltiPlatforms());
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<unknown>(undefined);

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await apiPost(trainingApi.ltiPlatforms(), {
        ...form,
        deploymentIds: form.deploymentIds
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean),
      });
      setForm(EMPTY);
      setError(undefined);
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function remove(id: string) {
    try {
      await apiDelete(trainingApi.ltiPlatform(id));
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  const tool = list.data?.tool;
  return (
    <section className="panel" aria-labelledby="training-lti">
      <h2 id="training-lti">{t('training:lti.title')}</h2>
      <ErrorNotice error={error ?? list.error} />
      {tool && (
        <dl>
          <dt>{t('training:lti.loginUrl')}</dt>
          <dd className="mono">{tool.loginUrl}</dd>
          <dt>{t('training:lti.launchUrl')}</dt>
          <dd className="mono">{tool.launchUrl}</dd>
          <dt>{t('training:lti.jwksUrl')}</dt>
          <dd className="mono">{tool.jwksUrl}</dd>
        </dl>
      )}
      <ul className="plain rows">
        {(list.data?.platforms ?? []).map((p) => (
          <li key={p.id}>
            <span className="mono">{p.issuer}</span> · {p.clientId} · {p.deploymentIds.join(', ')}{' '}
            <button type="button" className="button button-small" onClick={() => void remove(p.id)}>
              {t('training:lti.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} className="form-row">
        {FIELDS.map((field) => (
          <label key={field}>
            {t(`training:lti.fields.${field}`)}
            <input
              name={field}
              value={form[field]}
              onChange={(e) => setForm({ ...form, [field]: e.target.value })}
              required
            />
          </label>
        ))}
        <button type="submit" className="button">
          {t('training:lti.add')}
        </button>
      </form>
    </section>
  );
}
