import { splitStatements } from './files';

/**
 * The first line of a down-file template written by `npm run db:generate`. db:rollback refuses a down
 * file that still contains it, so an unreviewed draft never runs (and the round-trip test fails until
 * someone completes the file and deletes the line).
 */
export const DOWN_TEMPLATE_MARKER = '-- TODO(down): complete and review this file, then delete this line.';

const quoted = '[`"\\[]?([^`"\\]\\s(]+)[`"\\]]?';
const CREATE_TABLE = new RegExp(`^CREATE TABLE ${quoted}`, 'i');
const CREATE_INDEX = new RegExp(`^CREATE (?:UNIQUE )?INDEX ${quoted}`, 'i');
const ADD_COLUMN = new RegExp(`^ALTER TABLE ${quoted} ADD (?:COLUMN )?${quoted}`, 'i');

/** The statement that undoes one simple up statement, or undefined when it needs a person's thought. */
function inverse(statement: string): string | undefined {
  const sql = statement.replace(/^(--[^\n]*\n)+/, '').trim();
  let m = CREATE_TABLE.exec(sql);
  if (m) return `DROP TABLE \`${m[1]}\`;`;
  m = CREATE_INDEX.exec(sql);
  if (m) return `DROP INDEX \`${m[1]}\`;`;
  m = ADD_COLUMN.exec(sql);
  if (m) return `ALTER TABLE \`${m[1]}\` DROP COLUMN \`${m[2]}\`;`;
  return undefined;
}

/**
 * A draft down file for a migration: the inverse of each simple statement (CREATE TABLE, CREATE INDEX,
 * ADD COLUMN), newest first, and a TODO comment quoting each statement it cannot invert. It starts with
 * DOWN_TEMPLATE_MARKER: a person completes and reviews it, then deletes that line.
 */
export function downTemplate(tag: string, upSql: string): string {
  const lines = splitStatements(upSql)
    .reverse()
    .map((statement) => inverse(statement) ?? `-- TODO: undo this statement by hand:\n${statement.replace(/^/gm, '-- ')}`);
  return [
    DOWN_TEMPLATE_MARKER,
    `-- Reverts ${tag}: <say what is dropped and which rows are lost>.`,
    `-- Drafted by npm run db:generate from ${tag}.sql. See docs/migrations.md, step 4.`,
    lines.join('--> statement-breakpoint\n'),
    '',
  ].join('\n');
}

/** Whether a down file is still an unfinished template. */
export function isUnfinishedTemplate(sql: string): boolean {
  return sql.includes(DOWN_TEMPLATE_MARKER);
}
