import type { Client } from '@libsql/client';
import { MIGRATIONS_TABLE } from './status';

/** What a migration can change, read from sqlite_master and the pragmas (for round-trip checks). */
export interface TableSnapshot {
  name: string;
  /** The CREATE TABLE text with whitespace collapsed (keeps COLLATE and CHECK, which no pragma shows). */
  sql: string;
  columns: Record<string, unknown>[];
  indexes: { name: string; unique: unknown; origin: unknown; partial: unknown; sql: string | null; columns: unknown[] }[];
  foreignKeys: Record<string, unknown>[];
}

export interface SchemaSnapshot {
  tables: TableSnapshot[];
  /** Views, triggers and virtual tables: type, name and SQL. */
  others: { type: string; name: string; sql: string }[];
}

const squash = (sql: unknown) => (sql === null ? null : String(sql).replace(/\s+/g, ' ').trim());

async function rows(client: Client, sql: string, args: (string | number)[] = []) {
  const result = await client.execute({ sql, args });
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c]])));
}

/**
 * Tables the application owns: ordinary tables only, so not SQLite's own (sqlite_sequence...), nor
 * drizzle's journal table, nor virtual tables (the full-text index) and their shadow tables, whose
 * rows are derived from ordinary tables (see virtualTables).
 */
export async function userTables(client: Client): Promise<string[]> {
  const list = await rows(
    client,
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ? ORDER BY name",
    [MIGRATIONS_TABLE],
  );
  return list.map((r) => String(r.name));
}

export async function schemaSnapshot(client: Client): Promise<SchemaSnapshot> {
  const tables: TableSnapshot[] = [];
  for (const name of await userTables(client)) {
    const [{ sql }] = await rows(client, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [name]);
    const indexList = await rows(client, 'SELECT name, "unique", origin, partial FROM pragma_index_list(?) ORDER BY name', [name]);
    const indexes = [];
    for (const index of indexList) {
      const indexName = String(index.name);
      const [definition] = await rows(client, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [indexName]);
      const columns = await rows(client, 'SELECT seqno, cid, name, "desc", coll, key FROM pragma_index_xinfo(?) ORDER BY seqno', [indexName]);
      indexes.push({ name: indexName, unique: index.unique, origin: index.origin, partial: index.partial, sql: squash(definition?.sql ?? null), columns });
    }
    tables.push({
      name,
      sql: String(squash(sql)),
      columns: await rows(client, 'SELECT cid, name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid', [name]),
      indexes,
      foreignKeys: await rows(client, 'SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq', [name]),
    });
  }
  const others = await rows(
    client,
    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%') ORDER BY type, name",
  );
  return { tables, others: others.map((o) => ({ type: String(o.type), name: String(o.name), sql: String(squash(o.sql)) })) };
}
