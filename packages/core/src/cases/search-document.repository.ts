// Writes of the search_documents table. Always called with the transaction of the change it mirrors; on SQLite the
// FTS5 index follows by trigger, on PostgreSQL the GIN expression index follows by itself.
import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';
import { foldSearchDocument, type SearchDocumentInput, type SearchRecordType } from './search-document';

export class SearchDocumentRepository {
  async upsert(trx: Kysely<Database>, doc: SearchDocumentInput, at: string): Promise<void> {
    const folded = foldSearchDocument(doc);
    await trx
      .insertInto('search_documents')
      .values({ ...folded, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['record_type', 'record_id']).doUpdateSet({
          case_id: folded.case_id,
          title: folded.title,
          folded_title: folded.folded_title,
          folded_body: folded.folded_body,
          updated_at: at,
        }),
      )
      .execute();
  }

  async remove(trx: Kysely<Database>, recordType: SearchRecordType, recordId: string): Promise<void> {
    await trx
      .deleteFrom('search_documents')
      .where('record_type', '=', recordType)
      .where('record_id', '=', recordId)
      .execute();
  }
}
