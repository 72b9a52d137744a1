// Full-text queries over search_documents, one implementation per engine behind one method. Access filtering is
// part of the SQL (the caller passes the member-case subquery), so a result the user cannot open never leaves
// the database. Results come newest first (most recently indexed): FTS5 then walks its index in rowid order and
// stops as soon as a page of member-visible matches is found, instead of ranking every match of a common word.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database, DialectName } from '@trag/db';
import { fts5Query, tsQuery } from './search-query';

export interface SearchFilter {
  words: string[];
  /** Subquery returning the case ids the user may open. */
  memberCases: SelectQueryBuilder<Database, 'case_members', { case_id: string }>;
  recordType?: string | undefined;
  caseId?: string | undefined;
  limit: number;
  offset: number;
}

export interface SearchRow {
  record_type: string;
  record_id: string;
  case_id: string;
  title: string;
  case_reference: string;
}

export class SearchRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async search(filter: SearchFilter): Promise<SearchRow[]> {
    const typeFilter = filter.recordType ? sql`and d.record_type = ${filter.recordType}` : sql``;
    const caseFilter = filter.caseId ? sql`and d.case_id = ${filter.caseId}` : sql``;
    if (this.dialect === 'sqlite') {
      const result = await sql<SearchRow>`
        select d.record_type, d.record_id, d.case_id, d.title, c.reference as case_reference
        from search_fts
        join search_documents d on d.seq = search_fts.rowid
        join cases c on c.id = d.case_id
        where search_fts match ${fts5Query(filter.words)}
          and d.case_id in (${filter.memberCases})
          ${typeFilter} ${caseFilter}
        order by search_fts.rowid desc
        limit ${filter.limit} offset ${filter.offset}`.execute(this.db);
      return result.rows;
    }
    // search_vector: stored generated tsvector with a GIN index (migration 2026-11-30T0005).
    const result = await sql<SearchRow>`
      select d.record_type, d.record_id, d.case_id, d.title, c.reference as case_reference
      from search_documents d
      join cases c on c.id = d.case_id
      where d.search_vector @@ to_tsquery('simple'::regconfig, ${tsQuery(filter.words)})
        and d.case_id in (${filter.memberCases})
        ${typeFilter} ${caseFilter}
      order by d.seq desc
      limit ${filter.limit} offset ${filter.offset}`.execute(this.db);
    return result.rows;
  }
}
