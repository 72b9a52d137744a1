import type { CaseTabProps } from './case-tabs';

export function CaseEntitiesTab({ caseId }: CaseTabProps) {
  return <div data-case-id={caseId} />;
}
