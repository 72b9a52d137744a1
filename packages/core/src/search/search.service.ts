// Search across everything the user may open: cases, entities, notes and tasks of the cases they are a member of.
import type { search } from '@trag/contracts';
import { AuditService } from '@trag/core/audit';
import { memberCaseIdsQuery } from '@trag/core/cases';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { invalid } from '../shared/errors';
import { queryWords } from './search-query';
import { SearchRepository } from './search.repository';

export class SearchService {
  private readonly repo: SearchRepository;

  constructor(private readonly ctx: CoreContext) {
    this.repo = new SearchRepository(ctx.database.db, ctx.database.dialect);
  }

  async search(actor: Actor, query: search.SearchQuery): Promise<search.SearchResponse> {
    const words = queryWords(query.q);
    if (words.length === 0)
      throw invalid('search_query_empty', 'Type at least one word (letters or digits) to search for.', { field: 'q' });
    const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
    const offset = Math.max(query.offset ?? 0, 0);
    const rows = await this.repo.search({
      words,
      memberCases: memberCaseIdsQuery(this.ctx.database.db, actor),
      recordType: query.type,
      caseId: query.caseId,
      limit: limit + 1,
      offset,
    });
    const items = rows.slice(0, limit).map((r) => ({
      recordType: r.record_type as search.SearchResult['recordType'],
      recordId: r.record_id,
      caseId: r.case_id,
      caseReference: r.case_reference,
      title: r.title,
    }));
    // The query text may name people; the audit keeps how many words and what came back, not the words.
    await new AuditService(this.ctx).record(actor, {
      action: 'search.query',
      details: { words: words.length, results: items.length, resultIds: items.map((i) => i.recordId) },
    });
    return { items, more: rows.length > limit, limit, offset };
  }
}
