export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PageRequest {
  limit?: number | undefined;
  offset?: number | undefined;
}

export const MAX_PAGE_SIZE = 200;

export function pageBounds(request: PageRequest): { limit: number; offset: number } {
  const limit = Math.min(Math.max(request.limit ?? 50, 1), MAX_PAGE_SIZE);
  const offset = Math.max(request.offset ?? 0, 0);
  return { limit, offset };
}
