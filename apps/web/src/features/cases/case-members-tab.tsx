// Who can open this case. Case leads add people from any agency (through the directory) and change roles.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cases, type identity } from '@trag/contracts';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../api/client';
import { queryString, useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { useCurrentUser } from '../../app/session';
import { useFormat } from '../../i18n/format';
import { useCaseContext } from './case-context';
import type { CaseTabProps } from './case-tabs';
import { casesApi } from './cases.api';

function AddMemberForm({ caseId, onAdded }: { caseId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<identity.DirectoryEntry[]>([]);
  const [userId, setUserId] = useState('');
  const [kind, setKind] = useState<'user' | 'unit'>('user');
  const [unitId, setUnitId] = useState('');
  const me = useCurrentUser();
  const units = useApi<identity.AgencyUnitListResponse>(`/api/agencies/${encodeURIComponent(me.agency.id)}/units`);
  const [role, setRole] = useState<cases.CaseRole>('investigator');
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    if (query.trim().length < 2) {
      setResults([]);
      return;
    }
    const timer = setTimeout(() => {
      apiGet<identity.DirectoryResponse>(`${casesApi.directory()}${queryString({ q: query.trim(), limit: 20 })}`)
        .then((r) => {
          setResults(r.users);
          setUserId(r.users[0]?.id ?? '');
        })
        .catch(setError);
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (kind === 'user' ? !userId : !unitId) return;
    setError(undefined);
    try {
      const body: cases.CaseMemberAddRequest =
        kind === 'user' ? { userId, caseRole: role } : { unitId, caseRole: role };
      await apiPost(casesApi.members(caseId), body);
      setQuery('');
      setResults([]);
      setUserId('');
      onAdded();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <ErrorNotice error={error} />
      <div className="form-row">
        <div className="field" style={{ flex: '0 1 150px' }}>
          <label htmlFor={`${id}-kind`}>{t('cases:members.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as 'user' | 'unit')}>
            <option value="user">{t('cases:members.person')}</option>
            <option value="unit">{t('cases:members.unitOfMyAgency')}</option>
          </select>
        </div>
        {kind === 'user' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-q`}>{t('cases:members.findPerson')}</label>
              <input
                id={`${id}-q`}
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                aria-describedby={`${id}-hint`}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-user`}>{t('cases:members.person')}</label>
              <select
                id={`${id}-user`}
                value={userId}
                onChange={(e) => setUserId(e.target.value)}
                disabled={results.length === 0}
              >
                {results.length === 0 && <option value="">{t('cases:members.noMatches')}</option>}
                {results.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.displayName} — {entry.agency.name} ({t(`common:roles.${entry.role}`)})
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('cases:members.unit')}</label>
            <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">{t('cases:links.choose')}</option>
              {(units.data?.units ?? []).map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field" style={{ flex: '0 1 170px' }}>
          <label htmlFor={`${id}-role`}>{t('cases:members.caseRole')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as cases.CaseRole)}>
            {cases.CASE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`cases:caseRoles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" className="button button-primary" disabled={kind === 'user' ? !userId : !unitId}>
            {t('cases:members.add')}
          </button>
        </div>
      </div>
      <p className="field-hint" id={`${id}-hint`} style={{ marginTop: '-0.3rem' }}>
        {t('cases:members.findHint')}
      </p>
    </form>
  );
}

export function CaseMembersTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const context = useCaseContext();
  const members = useApi<cases.CaseMemberListResponse>(casesApi.members(caseId));
  const [error, setError] = useState<unknown>(undefined);
  const canManage = context?.detail.can.manage ?? false;
  const refresh = () => {
    members.reload();
    context?.reload();
  };
  async function act(action: () => Promise<unknown>) {
    setError(undefined);
    try {
      await action();
      refresh();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <ErrorNotice error={error ?? members.error} />
      <section className="panel" aria-labelledby="member-list">
        <h2 id="member-list">{t('cases:members.title')}</h2>
        <p className="muted small">{t('cases:members.explanation')}</p>
        {members.loading && !members.data ? (
          <Loading />
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('cases:members.person')}</th>
                <th scope="col">{t('cases:fields.agency')}</th>
                <th scope="col">{t('cases:members.caseRole')}</th>
                <th scope="col">{t('cases:members.addedAt')}</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common:table.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {(members.data?.items ?? []).map((member) => (
                <tr key={member.id}>
                  <td>
                    {member.name}
                    {member.kind === 'unit' && (
                      <span className="badge" style={{ marginLeft: '0.4rem' }}>
                        {t('cases:members.unit')}
                      </span>
                    )}
                  </td>
                  <td>{member.agencyName}</td>
                  <td>
                    {canManage ? (
                      <>
                        <label className="visually-hidden" htmlFor={`member-role-${member.id}`}>
                          {t('cases:members.roleOf', { name: member.name })}
                        </label>
                        <select
                          id={`member-role-${member.id}`}
                          value={member.caseRole}
                          onChange={(e) =>
                            void act(() =>
                              apiPatch(casesApi.member(caseId, member.id), {
                                caseRole: e.target.value as cases.CaseRole,
                              }),
                            )
                          }
                        >
                          {cases.CASE_ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`cases:caseRoles.${r}`)}
                            </option>
                          ))}
                        </select>
                      </>
                    ) : (
                      t(`cases:caseRoles.${member.caseRole}`)
                    )}
                  </td>
                  <td>{format.date(member.addedAt)}</td>
                  {canManage && (
                    <td className="num">
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={() =>
                          window.confirm(t('cases:members.confirmRemove', { name: member.name })) &&
                          void act(() => apiDelete(casesApi.member(caseId, member.id)))
                        }
                      >
                        {t('cases:members.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canManage && (
        <section className="panel" aria-labelledby="add-member">
          <h2 id="add-member">{t('cases:members.addTitle')}</h2>
          <AddMemberForm caseId={caseId} onAdded={refresh} />
        </section>
      )}
    </>
  );
}
