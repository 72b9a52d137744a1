// Public surface of search (`@trag/core/search`): full-text search over cases, entities, notes and tasks, on
// SQLite FTS5 or PostgreSQL full-text, filtered in SQL to the cases the user is a member of.
export { SearchService } from './search.service';
export { queryWords, fts5Query, tsQuery, MIN_PREFIX_LENGTH } from './search-query';
