/** The search index the PostgreSQL record store writes in its transactions (see ./record-index.ts). */
import type { Pool } from './connect.ts';
import { InterimIndex } from './interim-index.ts';
import type { RecordIndex } from './record-index.ts';

export function openRecordIndex(pool: Pool, _schema: string): RecordIndex {
  return new InterimIndex(pool);
}
