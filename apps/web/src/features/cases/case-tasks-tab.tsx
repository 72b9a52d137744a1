import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { apiPatch, apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { useCaseContext } from './case-context';
import type { CaseTabProps } from './case-tabs';
import { casesApi } from './cases.api';
import { TaskList } from './task-list';

export function CaseTasksTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const id = useId();
  const context = useCaseContext();
  const tasks = useApi<cases.CaseTaskListResponse>(casesApi.tasks(caseId));
  const members = useApi<cases.CaseMemberListResponse>(casesApi.members(caseId));
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const canEdit = context?.detail.can.edit ?? false;
  const refresh = () => {
    tasks.reload();
    context?.reload();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const body: cases.CaseTaskCreateRequest = { title: title.trim() };
      if (owner) body.ownerUserId = owner;
      if (dueOn) body.dueOn = dueOn;
      await apiPost(casesApi.tasks(caseId), body);
      setTitle('');
      setDueOn('');
      refresh();
    } catch (err) {
      setError(err);
    }
  }
  async function toggle(task: cases.CaseTask) {
    setError(undefined);
    try {
      await apiPatch(casesApi.task(task.id), { status: task.status === 'done' ? 'open' : 'done' });
      refresh();
    } catch (err) {
      setError(err);
    }
  }
  const items = tasks.data?.items ?? [];
  const open = items.filter((task) => task.status === 'open');
  const done = items.filter((task) => task.status === 'done');
  const people = (members.data?.items ?? []).filter((m) => m.kind === 'user');

  return (
    <div className="grid-main-side">
      <div>
        <ErrorNotice error={error ?? tasks.error} />
        <section className="panel" aria-labelledby="open-tasks">
          <h2 id="open-tasks">{t('cases:tasks.open')}</h2>
          {tasks.loading && !tasks.data ? (
            <Loading />
          ) : (
            <TaskList items={open} showCase={false} onToggle={canEdit ? (task) => void toggle(task) : undefined} />
          )}
        </section>
        {done.length > 0 && (
          <section className="panel" aria-labelledby="done-tasks">
            <h2 id="done-tasks">{t('cases:tasks.done')}</h2>
            <TaskList items={done} showCase={false} onToggle={canEdit ? (task) => void toggle(task) : undefined} />
          </section>
        )}
      </div>
      {canEdit && (
        <section className="panel" aria-labelledby="add-task">
          <h2 id="add-task">{t('cases:tasks.add')}</h2>
          <form onSubmit={(e) => void submit(e)}>
            <div className="field">
              <label htmlFor={`${id}-title`}>{t('cases:tasks.taskTitle')}</label>
              <input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-owner`}>{t('cases:tasks.owner')}</label>
              <select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
                <option value="">{t('cases:tasks.unassigned')}</option>
                {people.map((m) => (
                  <option key={m.id} value={m.subjectId}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-due`}>{t('cases:tasks.dueOn')}</label>
              <input id={`${id}-due`} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
            </div>
            <button type="submit" className="button button-primary" disabled={!title.trim()}>
              {t('cases:tasks.create')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
