// Follows a queued import (a platform background job): polls GET /api/jobs/:id, shows a progress bar with the
// phase (analysing, saving), offers "Cancel" while it runs, and hands the outcome (or the reason it failed) back.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { platform, recruitment } from '@trag/contracts';
import { apiGet, apiPost } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';

const POLL_MS = 500;
const jobPath = (jobId: string) => `/api/jobs/${encodeURIComponent(jobId)}`;

export type ImportJobEnd =
  | { status: 'succeeded'; outcome: recruitment.ImportResponse }
  | { status: 'failed'; error: string }
  | { status: 'cancelled' };

export function ImportProgress({ jobId, onEnd }: { jobId: string; onEnd(end: ImportJobEnd): void }) {
  const { t } = useTranslation('recruitment');
  const [job, setJob] = useState<platform.Job | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await apiGet<platform.Job>(jobPath(jobId));
        if (stopped) return;
        setJob(current);
        if (current.status === 'succeeded')
          onEnd({ status: 'succeeded', outcome: current.result as recruitment.ImportResponse });
        else if (current.status === 'failed') onEnd({ status: 'failed', error: current.error ?? '' });
        else if (current.status === 'cancelled') onEnd({ status: 'cancelled' });
        else timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(err);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, onEnd]);

  async function cancel() {
    try {
      setJob(await apiPost<platform.Job>(`${jobPath(jobId)}/cancel`));
    } catch (err) {
      setError(err);
    }
  }

  const percent = job?.progress ?? 0;
  const phase = job?.status === 'queued' ? 'queued' : job?.progressMessage === 'saving' ? 'saving' : 'analysing';
  return (
    <div className="recruitment-progress" data-testid="recruitment-progress">
      <label>
        {t(`tab.progress.${phase}`)}{' '}
        <progress max={100} value={percent}>
          {percent} %
        </progress>{' '}
        <span>{percent} %</span>
      </label>{' '}
      <button type="button" onClick={() => void cancel()} disabled={job?.cancelRequested === true}>
        {job?.cancelRequested ? t('tab.progress.cancelling') : t('tab.progress.cancel')}
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}
