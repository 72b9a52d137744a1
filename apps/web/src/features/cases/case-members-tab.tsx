import type { CaseTabProps } from './case-tabs';

export function CaseMembersTab({ caseId }: CaseTabProps) {
  return <div data-case-id={caseId} />;
}
