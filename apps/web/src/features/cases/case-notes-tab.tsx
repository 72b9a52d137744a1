import type { CaseTabProps } from './case-tabs';

export function CaseNotesTab({ caseId }: CaseTabProps) {
  return <div data-case-id={caseId} />;
}
