import type { CaseTabProps } from './case-tabs';

export function CaseActivityTab({ caseId }: CaseTabProps) {
  return <div data-case-id={caseId} />;
}
