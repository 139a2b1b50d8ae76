/** A pool or one of its clients (inside a transaction): all a query helper needs. */
import type pg from 'pg';

export type Queryable = Pick<pg.Pool, 'query'>;

/** A quoted identifier (a schema name), exact whatever it holds. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
