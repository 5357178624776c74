import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/** A LIKE pattern matching `search` anywhere, with the wildcards in it escaped. */
export function containsPattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Case-insensitive "contains", portable to PostgreSQL (no ILIKE, no COLLATE NOCASE). */
export function containsText(column: Expression<string>, search: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${column}) like ${containsPattern(search)} escape '\\'`;
}
