/** The search index the PostgreSQL record store writes in its transactions (see ./record-index.ts). */
import type { Pool } from './connect.ts';
import type { RecordIndex } from './record-index.ts';
import { PgSearchIndex } from './search-index.ts';

export function openRecordIndex(pool: Pool, schema: string): RecordIndex {
  return new PgSearchIndex(pool, schema);
}
