import { createContext, useContext } from 'react';
import type { cases } from '@trag/contracts';

export interface CaseContextValue {
  detail: cases.CaseDetail;
  /** Re-reads the case (after edits that change counts or fields). */
  reload(): void;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

/** The open case, for tabs rendered inside the case page (other domains' tabs may use it too). */
export function useCaseContext(): CaseContextValue | null {
  return useContext(CaseContext);
}
