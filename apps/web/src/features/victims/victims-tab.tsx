// The case page's "Victims" tab: pseudonymous records of the case, registration, and the selected record.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { victims } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice, Loading } from '../../components/error-notice';
import type { CaseTabProps } from '../cases/case-tabs';
import { VictimRecordPanel } from './victim-record-panel';
import { canDo, victimsApi } from './victims.api';

const GENDERS = ['Female', 'Male', 'TransgenderNonConforming', 'Unknown'];
const AGE_BANDS = ['0-11', '12-17', '18-24', '25-34', '35-49', '50+', 'unknown'];
const EXPLOITATION = ['sexual', 'labour', 'forced_criminality', 'begging', 'forced_marriage', 'organ_removal', 'other'];

export function VictimsTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = useId();
  const list = useApi<victims.VictimListResponse>(victimsApi.caseVictims(caseId));
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState({
    firstName: '',
    lastName: '',
    gender: 'Female',
    ageBand: '18-24',
    nationality: '',
    exploitation: 'labour',
  });
  const [error, setError] = useState<unknown>(undefined);
  const isSocialWorker = user.role === 'social_worker';

  async function register(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const body: victims.CreateVictimRequest = {
        classification: {
          gender: form.gender,
          ageBand: form.ageBand,
          isChild: form.ageBand === '0-11' || form.ageBand === '12-17',
          nationality: (form.nationality || 'XX').toUpperCase(),
          exploitationTypes: [form.exploitation],
          recruitmentMethod: 'Unknown',
        },
        ...(isSocialWorker && (form.firstName || form.lastName)
          ? { groups: { identity: { prs_FirstName: form.firstName, prs_SecondName: form.lastName } } }
          : {}),
      };
      const created = await apiPost<victims.VictimResponse>(victimsApi.caseVictims(caseId), body);
      setForm({ ...form, firstName: '', lastName: '' });
      list.reload();
      setSelected(created.victim.id);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="grid-main-side">
      <div>
        <section className="panel" aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>{t('victims:list.title')}</h2>
          <p className="muted">{t('victims:list.hint')}</p>
          <ErrorNotice error={list.error} />
          {list.loading && !list.data ? (
            <Loading />
          ) : (list.data?.victims ?? []).length === 0 ? (
            <p className="empty">{t('victims:list.empty')}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th>{t('victims:fields.code')}</th>
                  <th>{t('victims:fields.status')}</th>
                  <th>{t('victims:fields.classification')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data!.victims.map((v) => (
                  <tr key={v.id} aria-selected={selected === v.id}>
                    <td>
                      <button type="button" className="link-button mono" onClick={() => setSelected(v.id)}>
                        {v.code}
                      </button>
                    </td>
                    <td>{v.erased ? t('victims:status.erased') : t(`victims:status.${v.status}`)}</td>
                    <td>
                      {t(`victims:gender.${v.classification.gender}`)} · {v.classification.ageBand} ·{' '}
                      {v.classification.nationality}
                      {v.classification.isChild && ` · ${t('victims:fields.child')}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {selected && <VictimRecordPanel key={selected} victimId={selected} onChanged={list.reload} />}
      </div>
      {canDo(user.role, 'create') && (
        <section className="panel" aria-labelledby={`${id}-new`}>
          <h2 id={`${id}-new`}>{t('victims:create.title')}</h2>
          <form onSubmit={(e) => void register(e)}>
            <ErrorNotice error={error} />
            {isSocialWorker && (
              <>
                <div className="field">
                  <label htmlFor={`${id}-first`}>{t('victims:fields.firstName')}</label>
                  <input
                    id={`${id}-first`}
                    value={form.firstName}
                    onChange={(e) => setForm({ ...form, firstName: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-last`}>{t('victims:fields.lastName')}</label>
                  <input
                    id={`${id}-last`}
                    value={form.lastName}
                    onChange={(e) => setForm({ ...form, lastName: e.target.value })}
                  />
                </div>
              </>
            )}
            <div className="field">
              <label htmlFor={`${id}-gender`}>{t('victims:fields.gender')}</label>
              <select
                id={`${id}-gender`}
                value={form.gender}
                onChange={(e) => setForm({ ...form, gender: e.target.value })}
              >
                {GENDERS.map((g) => (
                  <option key={g} value={g}>
                    {t(`victims:gender.${g}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-age`}>{t('victims:fields.ageBand')}</label>
              <select
                id={`${id}-age`}
                value={form.ageBand}
                onChange={(e) => setForm({ ...form, ageBand: e.target.value })}
              >
                {AGE_BANDS.map((a) => (
                  <option key={a} value={a}>
                    {a === 'unknown' ? t('victims:fields.unknown') : a}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-nat`}>{t('victims:fields.nationality')}</label>
              <input
                id={`${id}-nat`}
                value={form.nationality}
                maxLength={2}
                placeholder="MK"
                aria-describedby={`${id}-nat-hint`}
                onChange={(e) => setForm({ ...form, nationality: e.target.value })}
              />
              <span className="field-hint" id={`${id}-nat-hint`}>
                {t('victims:fields.nationalityHint')}
              </span>
            </div>
            <div className="field">
              <label htmlFor={`${id}-expl`}>{t('victims:fields.exploitation')}</label>
              <select
                id={`${id}-expl`}
                value={form.exploitation}
                onChange={(e) => setForm({ ...form, exploitation: e.target.value })}
              >
                {EXPLOITATION.map((x) => (
                  <option key={x} value={x}>
                    {t(`victims:exploitation.${x}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-primary">
              {t('victims:create.submit')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
