import type { CaseTabProps } from './case-tabs';

export function CaseTasksTab({ caseId }: CaseTabProps) {
  return <div data-case-id={caseId} />;
}
