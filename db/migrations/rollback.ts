import fs from 'node:fs';
import path from 'node:path';
import { LibsqlBatchError, type Client, type InStatement } from '@libsql/client';
import { defaultMigrationsFolder, downFile, readDownStatements, readJournal, upHash } from './files';
import { isUnfinishedTemplate } from './down-template';
import { dataLossWarnings } from './safety';
import { MIGRATIONS_TABLE, readAppliedRecords } from './status';

export interface RollbackOptions {
  /** How many of the most recently applied migrations to undo (default 1). */
  steps?: number;
  /** Go ahead even when a step would destroy data. */
  force?: boolean;
  /** drizzle-kit's output folder; default `<cwd>/drizzle`. */
  folder?: string;
  log?: (line: string) => void;
}

/** The rollback was refused before anything was changed. */
export class RollbackRefusedError extends Error {
  override name = 'RollbackRefusedError';
}

// SQLite cannot raise an error from plain SQL, but json() of invalid text does: a foreign key check that
// fails the whole rollback when the down files leave rows pointing at nothing.
const FOREIGN_KEY_GUARD =
  "SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN json('foreign key violations') END";

/**
 * Undoes the most recently applied migrations: runs `<folder>/down/<tag>.sql` of each (newest first)
 * and deletes its record from drizzle's table, so `migrate()` applies it again next time.
 *
 * Everything goes to the database in one `client.migrate()` call: libsql's batch that runs as a single
 * transaction with `PRAGMA foreign_keys=off` around it (what drizzle-orm uses for the up direction).
 * A plain `batch()` cannot work here: foreign_keys cannot change inside a transaction, and with it on,
 * the DROP TABLE of a table rebuild deletes the child rows through ON DELETE CASCADE (and
 * `defer_foreign_keys` or `legacy_alter_table` do not prevent that). A last statement checks the
 * foreign keys, so a down file that leaves dangling references fails and changes nothing.
 */
export async function rollback(client: Client, options: RollbackOptions = {}): Promise<string[]> {
  const { steps = 1, force = false, folder = defaultMigrationsFolder(), log = console.log } = options;
  if (!Number.isInteger(steps) || steps < 1) throw new RollbackRefusedError(`steps must be a positive integer, got ${steps}`);
  const records = (await readAppliedRecords(client)).reverse(); // newest first
  if (records.length === 0) {
    log('Nothing to roll back: no migration is applied.');
    return [];
  }
  if (steps > records.length) {
    throw new RollbackRefusedError(`Cannot roll back ${steps} migration(s): only ${records.length} applied. Nothing changed.`);
  }
  const journal = readJournal(folder);
  const relative = (file: string) => path.relative(process.cwd(), file) || file;

  const plan: { tag: string; statements: string[]; rowid: number }[] = [];
  const problems: string[] = [];
  for (const record of records.slice(0, steps)) {
    const entry = journal.find((e) => e.when === record.createdAt);
    if (!entry) {
      problems.push(`applied migration from ${new Date(record.createdAt).toISOString()} (hash ${record.hash.slice(0, 12)}) has no entry in ${relative(folder)}/meta/_journal.json`);
      continue;
    }
    const statements = readDownStatements(folder, entry.tag);
    if (!statements) {
      problems.push(`${entry.tag}: missing down file ${relative(downFile(folder, entry.tag))} (write the SQL that undoes ${entry.tag}.sql)`);
      continue;
    }
    if (isUnfinishedTemplate(fs.readFileSync(downFile(folder, entry.tag), 'utf8'))) {
      problems.push(`${entry.tag}: ${relative(downFile(folder, entry.tag))} is still the template db:generate wrote (complete it, then delete its TODO(down) line)`);
      continue;
    }
    if (statements.length === 0) {
      problems.push(`${entry.tag}: ${relative(downFile(folder, entry.tag))} has no statements`);
      continue;
    }
    if (upHash(folder, entry.tag) !== record.hash) log(`Note: ${entry.tag}.sql changed after it was applied; its down file must undo what was applied.`);
    plan.push({ tag: entry.tag, statements, rowid: record.rowid });
  }
  if (problems.length) throw new RollbackRefusedError(`Rollback refused, nothing changed:\n  ${problems.join('\n  ')}`);

  const losses: string[] = [];
  for (const step of plan) {
    for (const warning of await dataLossWarnings(client, step.statements)) losses.push(`${step.tag}: ${warning}`);
  }
  if (losses.length && !force) {
    throw new RollbackRefusedError(
      `Rollback refused, nothing changed. It would destroy data:\n  ${losses.join('\n  ')}\n` +
        `To accept the loss, run: npm run db:rollback -- ${steps > 1 ? `--steps ${steps} ` : ''}--force`,
    );
  }
  for (const loss of losses) log(`Warning (forced): ${loss}`);

  const batch: InStatement[] = [];
  const origin: string[] = [];
  for (const step of plan) {
    step.statements.forEach((sql, i) => {
      batch.push(sql);
      origin.push(`${step.tag}, statement ${i + 1}:\n${sql}`);
    });
    batch.push({ sql: `DELETE FROM "${MIGRATIONS_TABLE}" WHERE rowid = ?`, args: [step.rowid] });
    origin.push(`${step.tag}: deleting its record from ${MIGRATIONS_TABLE}`);
  }
  batch.push(FOREIGN_KEY_GUARD);
  origin.push('the foreign key check after the down files');
  try {
    await client.migrate(batch);
  } catch (error) {
    if (error instanceof LibsqlBatchError && origin[error.statementIndex]) {
      const what = error.statementIndex === batch.length - 1 ? 'the down files leave foreign key violations' : error.message;
      throw new Error(`Rollback failed, nothing changed: ${what}\nat ${origin[error.statementIndex]}`, { cause: error });
    }
    throw error;
  }
  for (const step of plan) {
    log(`Rolled back ${step.tag}: ran ${relative(downFile(folder, step.tag))} (${step.statements.length} statement(s)) and deleted its record.`);
  }
  return plan.map((step) => step.tag);
}
