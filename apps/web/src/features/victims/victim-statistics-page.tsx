// Statistics page: k-anonymised counts of a closed year (small cells suppressed), with the CSV export.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { victims } from '@trag/contracts';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { useFormat } from '../../i18n/format';
import { victimsApi } from './victims.api';

export function VictimStatisticsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const lastYear = new Date().getUTCFullYear() - 1;
  const [year, setYear] = useState(lastYear);
  const stats = useApi<victims.StatisticsResponse>(victimsApi.statistics(year));
  const dimensions = [...new Set((stats.data?.cells ?? []).map((c) => c.dimension))];
  const max = Math.max(1, ...(stats.data?.cells ?? []).filter((c) => c.dimension !== 'total').map((c) => c.count ?? 0));

  return (
    <div className="page">
      <h1>{t('victims:stats.title')}</h1>
      <p className="muted">{t('victims:stats.hint', { k: stats.data?.k ?? 5 })}</p>
      <div className="field" style={{ maxWidth: '12rem' }}>
        <label htmlFor={`${id}-year`}>{t('victims:stats.year')}</label>
        <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {Array.from({ length: 6 }, (_, i) => lastYear - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={stats.error} />
      {stats.loading && !stats.data ? (
        <Loading />
      ) : stats.data ? (
        <>
          <p>
            <a className="button" href={victimsApi.statisticsCsv(year)}>
              {t('victims:stats.csv')}
            </a>{' '}
            <span className="muted small">
              {t('victims:stats.frozen', { date: format.dateTime(stats.data.releasedAt) })}
            </span>
          </p>
          {dimensions.map((dim) => (
            <section className="panel" key={dim} aria-label={t(`victims:stats.dimensions.${dim}`)}>
              <h2>{t(`victims:stats.dimensions.${dim}`)}</h2>
              <table className="data">
                <tbody>
                  {stats
                    .data!.cells.filter((c) => c.dimension === dim)
                    .map((c) => (
                      <tr key={c.value}>
                        <td>{c.value}</td>
                        <td className="num">
                          {c.count === null
                            ? t('victims:stats.suppressed', { k: stats.data!.k })
                            : format.number(c.count)}
                        </td>
                        <td style={{ width: '50%' }}>
                          {c.count !== null && dim !== 'total' && (
                            <div
                              aria-hidden="true"
                              style={{
                                background: 'var(--accent, #2b6cb0)',
                                height: '0.7rem',
                                width: `${(100 * c.count) / max}%`,
                              }}
                            />
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
