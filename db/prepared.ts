import type { Database } from './client';
import { getDb } from './client';

/**
 * A query built once per database connection instead of on every call: drizzle then keeps its SQL
 * text and result mapping, and each call only binds the placeholders. Worth it for the queries every
 * page runs (the session read, the first page of the home timeline), where building the query was a
 * measurable part of the request (see the README's benchmark notes).
 */
export function preparedQuery<T>(build: (db: Database) => T): () => T {
  const built = new WeakMap<Database, T>();
  return () => {
    const db = getDb();
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
