import type { CaseTabProps } from './case-tabs';

export function CaseOverviewTab({ caseId }: CaseTabProps) {
  return <div data-case-id={caseId} />;
}
