// What goes into the search index for each record of a case. Text is folded (foldText: lower case, Latin script,
// no diacritics, đ → dj) and reduced to words separated by single spaces, so SQLite FTS5 and PostgreSQL's
// 'simple' parser see exactly the same words, and a query folded the same way matches across scripts.
import { foldText } from '@trag/core/text';

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Folded words of a text, separated by single spaces. */
export function toSearchWords(text: string): string {
  return foldText(text).replace(NON_WORD, ' ').trim();
}

export type SearchRecordType = 'case' | 'entity' | 'note' | 'task';

export interface SearchDocumentInput {
  recordType: SearchRecordType;
  recordId: string;
  caseId: string;
  /** Original text shown as the result's title (members only ever see it). */
  title: string;
  /** Everything else that should be findable. */
  body: string[];
}

export interface FoldedSearchDocument {
  record_type: SearchRecordType;
  record_id: string;
  case_id: string;
  title: string;
  folded_title: string;
  folded_body: string;
}

export function foldSearchDocument(doc: SearchDocumentInput): FoldedSearchDocument {
  return {
    record_type: doc.recordType,
    record_id: doc.recordId,
    case_id: doc.caseId,
    title: doc.title.slice(0, 300),
    folded_title: toSearchWords(doc.title),
    folded_body: toSearchWords(doc.body.filter(Boolean).join(' \n ')),
  };
}

/** First line of a markdown note, shortened, as its result title. */
export function noteTitle(body: string): string {
  const first = body.replace(/^[#>*\s-]+/, '').split('\n')[0] ?? '';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first || '(note)';
}
