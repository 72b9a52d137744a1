import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { CaseForm, emptyCaseForm, parseTags, type CaseFormValues } from '../../features/cases/case-form';
import { casesApi } from '../../features/cases/cases.api';

export function toCreateRequest(values: CaseFormValues): cases.CaseCreateRequest {
  const body: cases.CaseCreateRequest = { title: values.title.trim(), type: values.type };
  if (values.reference.trim()) body.reference = values.reference.trim();
  if (values.jurisdiction.trim()) body.jurisdiction = values.jurisdiction.trim();
  if (values.openedOn) body.openedOn = values.openedOn;
  if (values.incidentFrom) body.incidentFrom = values.incidentFrom;
  if (values.incidentTo) body.incidentTo = values.incidentTo;
  const tags = parseTags(values.tags);
  if (tags.length) body.tags = tags;
  if (values.description.trim()) body.description = values.description;
  if (values.contactPoint.trim()) body.contactPoint = values.contactPoint.trim();
  return body;
}

export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('cases:new.title')} description={t('cases:new.description')} />
      <section className="panel" style={{ maxWidth: 900 }}>
        <CaseForm
          initial={emptyCaseForm()}
          showReference
          submitLabel={t('cases:new.submit')}
          onCancel={() => navigate('/cases')}
          onSubmit={async (values) => {
            const created = await apiPost<cases.CaseDetail>(casesApi.list(), toCreateRequest(values));
            navigate(`/cases/${created.id}`);
          }}
        />
      </section>
    </>
  );
}
