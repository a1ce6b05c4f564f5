import type { Client } from '@libsql/client';
import { defaultMigrationsFolder, readJournal, upHash } from './files';

export const MIGRATIONS_TABLE = '__drizzle_migrations';

/** A row of drizzle's `__drizzle_migrations` (its `id SERIAL` column is always NULL in SQLite: use rowid). */
export interface AppliedRecord {
  rowid: number;
  hash: string;
  createdAt: number;
}

export type MigrationState =
  | 'applied'
  /** Applied, but the .sql file changed since (its sha256 differs from the recorded hash). */
  | 'applied (file changed since)'
  | 'pending'
  /** Not applied and older than the last applied one: drizzle-orm's migrate() will never run it. */
  | 'pending (skipped by migrate: older than the last applied)'
  /** A record in the database whose journal entry is gone. */
  | 'applied (no file)';

export interface MigrationStatus {
  tag: string;
  when: number;
  state: MigrationState;
  record?: AppliedRecord;
}

export async function readAppliedRecords(client: Client): Promise<AppliedRecord[]> {
  const exists = await client.execute({
    sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    args: [MIGRATIONS_TABLE],
  });
  if (exists.rows.length === 0) return [];
  const { rows } = await client.execute(
    `SELECT rowid, hash, created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at, rowid`,
  );
  return rows.map((row) => ({ rowid: Number(row.rowid), hash: String(row.hash), createdAt: Number(row.created_at) }));
}

/**
 * Every migration in the folder and every applied record, oldest first. drizzle-orm's migrator records
 * `created_at` = the journal entry's `when` and applies each entry whose `when` is later than the
 * newest record, so records are matched to entries by `when`.
 */
export async function migrationStatus(client: Client, folder = defaultMigrationsFolder()): Promise<MigrationStatus[]> {
  const journal = readJournal(folder);
  const records = await readAppliedRecords(client);
  const newest = records.length ? Math.max(...records.map((r) => r.createdAt)) : -Infinity;
  const list: MigrationStatus[] = journal.map((entry) => {
    const record = records.find((r) => r.createdAt === entry.when);
    if (!record) {
      const state = entry.when < newest ? 'pending (skipped by migrate: older than the last applied)' : 'pending';
      return { tag: entry.tag, when: entry.when, state };
    }
    const state = upHash(folder, entry.tag) === record.hash ? 'applied' : 'applied (file changed since)';
    return { tag: entry.tag, when: entry.when, state, record };
  });
  for (const record of records) {
    if (journal.some((entry) => entry.when === record.createdAt)) continue;
    list.push({ tag: `(unknown, hash ${record.hash.slice(0, 12)})`, when: record.createdAt, state: 'applied (no file)', record });
  }
  return list.sort((a, b) => a.when - b.when);
}

export function formatStatus(list: MigrationStatus[]): string {
  if (list.length === 0) return 'No migrations.';
  return list
    .map((m) => `${m.state.startsWith('applied') ? '[x]' : '[ ]'} ${m.tag}  ${m.state}  (generated ${new Date(m.when).toISOString()})`)
    .join('\n');
}
