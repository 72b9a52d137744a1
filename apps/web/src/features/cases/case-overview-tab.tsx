import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { apiPatch } from '../../api/client';
import { MarkdownView } from '../../components/markdown-view';
import { useFormat } from '../../i18n/format';
import { CaseForm, caseFormFrom, parseTags, type CaseFormValues } from './case-form';
import { useCaseContext } from './case-context';
import type { CaseTabProps } from './case-tabs';
import { casesApi } from './cases.api';
import { TagList } from './case-badges';

function toUpdateRequest(values: CaseFormValues, before: cases.CaseDetail): cases.CaseUpdateRequest {
  const body: cases.CaseUpdateRequest = {};
  if (values.title.trim() !== before.title) body.title = values.title.trim();
  if (values.type !== before.type) body.type = values.type;
  if (values.reference.trim() && values.reference.trim() !== before.reference) body.reference = values.reference.trim();
  if ((values.jurisdiction.trim() || null) !== before.jurisdiction)
    body.jurisdiction = values.jurisdiction.trim() || null;
  if (values.openedOn && values.openedOn !== before.openedOn) body.openedOn = values.openedOn;
  if ((values.incidentFrom || null) !== before.incidentFrom) body.incidentFrom = values.incidentFrom || null;
  if ((values.incidentTo || null) !== before.incidentTo) body.incidentTo = values.incidentTo || null;
  const tags = parseTags(values.tags);
  if (tags.join('\n') !== before.tags.join('\n')) body.tags = tags;
  if (values.description !== before.description) body.description = values.description;
  if ((values.contactPoint.trim() || null) !== before.contactPoint)
    body.contactPoint = values.contactPoint.trim() || null;
  return body;
}

export function CaseOverviewTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const context = useCaseContext();
  const [editing, setEditing] = useState(false);
  if (!context || context.detail.id !== caseId) return null;
  const { detail, reload } = context;

  if (editing) {
    return (
      <section className="panel" aria-labelledby="edit-case">
        <h2 id="edit-case">{t('cases:overview.edit')}</h2>
        <CaseForm
          initial={caseFormFrom(detail)}
          showReference
          submitLabel={t('common:actions.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            const body = toUpdateRequest(values, detail);
            if (Object.keys(body).length > 0) await apiPatch(casesApi.case(caseId), body);
            setEditing(false);
            reload();
          }}
        />
      </section>
    );
  }

  return (
    <div className="grid-main-side">
      <section className="panel" aria-labelledby="case-description">
        <div className="panel-header">
          <h2 id="case-description">{t('cases:fields.description')}</h2>
          {detail.can.edit && (
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              {t('common:actions.edit')}
            </button>
          )}
        </div>
        {detail.description.trim() ? (
          <MarkdownView source={detail.description} />
        ) : (
          <p className="empty">{t('cases:overview.noDescription')}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="case-facts">
        <h2 id="case-facts">{t('cases:overview.facts')}</h2>
        <dl className="facts stacked">
          <dt>{t('cases:fields.reference')}</dt>
          <dd className="mono">{detail.reference}</dd>
          <dt>{t('cases:fields.type')}</dt>
          <dd>{t(`cases:types.${detail.type}`)}</dd>
          <dt>{t('cases:fields.jurisdiction')}</dt>
          <dd>{detail.jurisdiction ?? '—'}</dd>
          <dt>{t('cases:fields.openedOn')}</dt>
          <dd>{format.date(detail.openedOn)}</dd>
          <dt>{t('cases:overview.incident')}</dt>
          <dd>
            {detail.incidentFrom || detail.incidentTo
              ? `${format.date(detail.incidentFrom)} – ${format.date(detail.incidentTo)}`
              : '—'}
          </dd>
          {detail.closedAt && (
            <>
              <dt>{t('cases:overview.closedAt')}</dt>
              <dd>
                {format.date(detail.closedAt)}
                {detail.closeReason && <div className="small muted">{detail.closeReason}</div>}
              </dd>
            </>
          )}
          <dt>{t('cases:fields.tags')}</dt>
          <dd>{detail.tags.length ? <TagList tags={detail.tags} /> : '—'}</dd>
          <dt>{t('cases:fields.contactPoint')}</dt>
          <dd>{detail.contactPoint ?? '—'}</dd>
          <dt>{t('cases:overview.counts')}</dt>
          <dd>
            {t('cases:overview.countsText', {
              entities: format.number(detail.counts.entities),
              links: format.number(detail.counts.links),
              notes: format.number(detail.counts.notes),
            })}
          </dd>
          <dt>{t('cases:fields.updatedAt')}</dt>
          <dd>{format.dateTime(detail.updatedAt)}</dd>
        </dl>
      </section>
    </div>
  );
}
