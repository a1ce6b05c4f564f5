import type { Client } from '@libsql/client';

const NAME = String.raw`(?:"((?:[^"]|"")+)"|\x60([^\x60]+)\x60|\[([^\]]+)\]|([\w$]+))`;
const DROP_TABLE = new RegExp(String.raw`^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?${NAME}`, 'i');
const DROP_COLUMN = new RegExp(String.raw`^ALTER\s+TABLE\s+${NAME}\s+DROP\s+(?:COLUMN\s+)?${NAME}`, 'i');
const LITERAL = /^(?:-?\d+(?:\.\d+)?|'(?:[^']|'')*'|NULL|TRUE|FALSE)$/i;

function nameAt(match: RegExpMatchArray, start: number): string {
  const [dq, bt, br, bare] = match.slice(start, start + 4);
  return dq !== undefined ? dq.replace(/""/g, '"') : (bt ?? br ?? bare);
}

function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '').trim();
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface ColumnInfo {
  name: string;
  dflt_value: string | null;
}

async function columnsOf(client: Client, table: string): Promise<ColumnInfo[]> {
  const { rows } = await client.execute({ sql: 'SELECT name, dflt_value FROM pragma_table_info(?)', args: [table] });
  return rows.map((r) => ({ name: String(r.name), dflt_value: r.dflt_value === null ? null : String(r.dflt_value) }));
}

async function isVirtual(client: Client, table: string): Promise<boolean> {
  const { rows } = await client.execute({ sql: "SELECT 1 FROM pragma_table_list WHERE schema = 'main' AND name = ? AND type = 'virtual'", args: [table] });
  return rows.length > 0;
}

async function count(client: Client, sql: string): Promise<number> {
  const { rows } = await client.execute(sql);
  return Number(rows[0].n);
}

/** Rows whose value in the column would be lost: non-null and, for a literal default, not the default. */
async function valuesLost(client: Client, table: string, column: ColumnInfo): Promise<number> {
  const col = quote(column.name);
  const notDefault = column.dflt_value !== null && LITERAL.test(column.dflt_value) ? ` AND ${col} IS NOT ${column.dflt_value}` : '';
  return count(client, `SELECT count(*) AS n FROM ${quote(table)} WHERE ${col} IS NOT NULL${notDefault}`);
}

/** A statement that copies rows out of `table` (the usual SQLite table rebuild), if there is one. */
function copyFrom(statements: string[], table: string): string | undefined {
  const from = new RegExp(String.raw`\bFROM\s+(?:"${table}"|\x60${table}\x60|\[${table}\]|${table})(?![\w$])`, 'i');
  return statements.find((s) => /^INSERT\s/i.test(withoutComments(s)) && /\bSELECT\b/i.test(s) && from.test(s));
}

/**
 * Warnings for the statements of a down file that would destroy data in the database as it is now:
 * a DROP TABLE of a table with rows (unless the file copies its rows elsewhere first; then each column
 * the copy does not mention counts as dropped), and dropping a column that holds values other than
 * NULL or its literal default (re-adding the column restores those).
 */
export async function dataLossWarnings(client: Client, statements: string[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const statement of statements) {
    const sql = withoutComments(statement);
    const dropTable = sql.match(DROP_TABLE);
    if (dropTable) {
      const table = nameAt(dropTable, 1);
      const columns = await columnsOf(client, table);
      if (columns.length === 0) continue; // no such table (DROP TABLE IF EXISTS)
      // A virtual table here is an index over other tables (the posts' full-text index): dropping it
      // loses nothing that the up migration does not rebuild.
      if (await isVirtual(client, table)) continue;
      const copy = copyFrom(statements, table);
      if (!copy) {
        const rows = await count(client, `SELECT count(*) AS n FROM ${quote(table)}`);
        if (rows > 0) warnings.push(`drops table ${table}, which has ${rows} row(s)`);
        continue;
      }
      if (/\bSELECT\s+\*/i.test(copy)) continue;
      for (const column of columns) {
        if (new RegExp(String.raw`(?<![\w$])${column.name.replace(/[$]/g, '\\$')}(?![\w$])`, 'i').test(copy)) continue;
        const lost = await valuesLost(client, table, column);
        if (lost > 0) warnings.push(`rebuilds table ${table} without column ${column.name}, which has values in ${lost} row(s)`);
      }
      continue;
    }
    const dropColumn = sql.match(DROP_COLUMN);
    if (dropColumn) {
      const table = nameAt(dropColumn, 1);
      const name = nameAt(dropColumn, 5);
      const column = (await columnsOf(client, table)).find((c) => c.name.toLowerCase() === name.toLowerCase());
      if (!column) continue; // the statement will fail and the rollback with it
      const lost = await valuesLost(client, table, column);
      if (lost > 0) warnings.push(`drops column ${table}.${name}, which has values in ${lost} row(s)`);
    }
  }
  return warnings;
}
