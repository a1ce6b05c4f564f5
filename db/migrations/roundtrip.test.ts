import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client, type InValue } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { closeDb } from '../client';
import { freshDatabase } from '../testing';
import { migrateDatabase } from '../migrate';
import { DOWN_TEMPLATE_MARKER, downTemplate } from './down-template';
import { defaultMigrationsFolder, readJournal, splitStatements, type JournalEntry } from './files';
import { rollback, RollbackRefusedError } from './rollback';
import { schemaSnapshot, userTables, type SchemaSnapshot } from './schema-snapshot';
import { migrationStatus } from './status';

const folder = defaultMigrationsFolder();
const journal = readJournal(folder);
const quiet = () => {};
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

let tmp: string;
const clients: Client[] = [];
const savedUrl = process.env.DATABASE_URL;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-migrations-'));
});
afterAll(async () => {
  for (const client of clients) client.close();
  closeDb();
  for (const cleanup of cleanups) await cleanup();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const cleanups: (() => Promise<void>)[] = [];

/** An empty database for one test: a file, or its own sqld primary in the sqld project (db/testing.ts). */
async function tempDatabase(name: string): Promise<{ url: string; client: Client }> {
  const { url, cleanup } = await freshDatabase(name);
  cleanups.push(cleanup);
  const client = createClient({ url });
  clients.push(client);
  return { url, client };
}

/** A copy of a migrations folder whose journal keeps only the given entries. */
function folderWith(source: string, entries: JournalEntry[], name: string): string {
  const copy = path.join(tmp, name);
  fs.cpSync(source, copy, { recursive: true });
  const file = path.join(copy, 'meta', '_journal.json');
  const journalJson = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: JournalEntry[] };
  journalJson.entries = journalJson.entries.filter((e) => entries.some((k) => k.tag === e.tag));
  fs.writeFileSync(file, JSON.stringify(journalJson, null, 2));
  return copy;
}

/** Applies migrations with drizzle-orm's own migrator, so the records are exactly what it writes. */
async function applyWithDrizzle(client: Client, migrationsFolder: string): Promise<void> {
  await migrate(drizzle(client), { migrationsFolder });
}

let seq = 0;

/**
 * Inserts rows into every table, whatever its columns: a value for every column (following foreign
 * keys to existing parent rows), INSERT OR IGNORE so that a unique or CHECK clash only skips a row.
 */
async function fillRows(client: Client): Promise<void> {
  const tables = await userTables(client);
  const fks = new Map<string, Record<string, InValue>[]>();
  for (const table of tables) {
    const { rows } = await client.execute({ sql: 'SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)', args: [table] });
    fks.set(table, rows.map((r) => ({ table: r.table, from: r.from, to: r.to })));
  }
  // Parents first.
  const ordered: string[] = [];
  const visit = (table: string, seen = new Set<string>()) => {
    if (ordered.includes(table) || seen.has(table)) return;
    seen.add(table);
    for (const fk of fks.get(table) ?? []) if (tables.includes(String(fk.table))) visit(String(fk.table), seen);
    ordered.push(table);
  };
  tables.forEach((t) => visit(t));

  for (const table of ordered) {
    const { rows: columns } = await client.execute({ sql: 'SELECT name, type, pk FROM pragma_table_info(?)', args: [table] });
    const pkCount = columns.filter((c) => Number(c.pk) > 0).length;
    const tableFks = fks.get(table) ?? [];
    for (let attempt = 0; attempt < 6; attempt++) {
      seq++;
      const names: string[] = [];
      const values: InValue[] = [];
      for (const column of columns) {
        const name = String(column.name);
        const type = String(column.type).toUpperCase();
        if (pkCount === 1 && Number(column.pk) === 1 && type === 'INTEGER') continue; // rowid alias
        const fkIndex = tableFks.findIndex((fk) => fk.from === name);
        let value: InValue;
        if (fkIndex >= 0) {
          const fk = tableFks[fkIndex];
          const parent = String(fk.table);
          const to = fk.to === null ? 'rowid' : String(fk.to);
          const { rows: parents } = await client.execute(`SELECT ${q(to)} AS v FROM ${q(parent)} ORDER BY rowid`);
          if (parents.length === 0) throw new Error(`no rows in ${parent} for ${table}.${name}`);
          value = parents[(seq + fkIndex + attempt) % parents.length].v;
        } else if (/INT/.test(type)) value = seq;
        else if (/CHAR|CLOB|TEXT/.test(type)) value = `v${seq}`;
        else if (/REAL|FLOA|DOUB/.test(type)) value = seq + 0.5;
        else if (type === '' || /BLOB/.test(type)) value = new Uint8Array([seq % 256]);
        else value = seq;
        names.push(q(name));
        values.push(value);
      }
      await client.execute({
        sql: `INSERT OR IGNORE INTO ${q(table)} (${names.join(', ')}) VALUES (${values.map(() => '?').join(', ')})`,
        args: values,
      });
    }
    const { rows } = await client.execute(`SELECT count(*) AS n FROM ${q(table)}`);
    expect(Number(rows[0].n), `rows in ${table}`).toBeGreaterThan(0);
  }
}

/** Query results as plain arrays of values (libsql rows are not iterable). */
async function values(client: Client, sql: string): Promise<unknown[][]> {
  const result = await client.execute(sql);
  return result.rows.map((row) => result.columns.map((_, i) => row[i]));
}

/** The rows of every table of a snapshot, restricted to that snapshot's columns. */
async function rowsOf(client: Client, schema: SchemaSnapshot): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of schema.tables) {
    const columns = table.columns.map((c) => q(String(c.name))).join(', ');
    result[table.name] = await values(client, `SELECT ${columns} FROM ${q(table.name)} ORDER BY rowid`);
  }
  return result;
}

describe('migrations round trip (every migration in drizzle/ with its down file)', () => {
  it('has migrations to check', () => {
    expect(journal.length).toBeGreaterThan(0);
  });

  // Ten migrations applied and rolled back one at a time, with a snapshot and a row check after each:
  // seconds of work, more on a loaded machine than the default budget of one data-layer test.
  it('applies each migration, rolls each back to the exact previous schema keeping the rows, and migrates again', { timeout: 120_000 }, async () => {
    const { url, client } = await tempDatabase('roundtrip');
    const before: SchemaSnapshot[] = [];
    for (let k = 0; k < journal.length; k++) {
      before.push(await schemaSnapshot(client));
      await applyWithDrizzle(client, folderWith(folder, journal.slice(0, k + 1), `up-${k}`));
      await fillRows(client);
    }
    const migrated = await schemaSnapshot(client);
    expect((await migrationStatus(client, folder)).map((m) => m.state)).toEqual(journal.map(() => 'applied'));

    for (let k = journal.length - 1; k >= 0; k--) {
      const kept = await rowsOf(client, before[k]);
      const done = await rollback(client, { folder, force: true, log: quiet });
      expect(done).toEqual([journal[k].tag]);
      expect(await schemaSnapshot(client), `schema after rolling back ${journal[k].tag}`).toEqual(before[k]);
      expect(await rowsOf(client, before[k]), `rows kept by rolling back ${journal[k].tag}`).toEqual(kept);
      for (const table of before[k].tables) expect(kept[table.name].length, `rows in ${table.name}`).toBeGreaterThan(0);
      const status = await migrationStatus(client, folder);
      expect(status.map((m) => m.state)).toEqual(journal.map((_, i) => (i < k ? 'applied' : 'pending')));
    }
    expect(await rollback(client, { folder, log: quiet })).toEqual([]);

    // The app's own migrator sees the rolled-back migrations as pending and applies them all again.
    closeDb();
    process.env.DATABASE_URL = url;
    await migrateDatabase();
    closeDb();
    expect(await schemaSnapshot(client)).toEqual(migrated);
    expect((await migrationStatus(client, folder)).map((m) => m.state)).toEqual(journal.map(() => 'applied'));
  });

  it('refuses, changing nothing, when a down file is missing', async () => {
    const { client } = await tempDatabase('missing-down');
    const copy = folderWith(folder, journal, 'missing-down');
    await applyWithDrizzle(client, copy);
    const last = journal[journal.length - 1].tag;
    fs.rmSync(path.join(copy, 'down', `${last}.sql`));
    const schema = await schemaSnapshot(client);
    const status = await migrationStatus(client, copy);
    await expect(rollback(client, { folder: copy, force: true, log: quiet })).rejects.toThrow(RollbackRefusedError);
    await expect(rollback(client, { folder: copy, log: quiet })).rejects.toThrow(`missing down file`);
    expect(await schemaSnapshot(client)).toEqual(schema);
    expect(await migrationStatus(client, copy)).toEqual(status);
  });

  it('refuses a step that destroys data unless forced', async () => {
    const { client } = await tempDatabase('data-loss');
    await applyWithDrizzle(client, folder);
    await fillRows(client);
    const schema = await schemaSnapshot(client);
    const status = await migrationStatus(client, folder);
    const rows = await rowsOf(client, schema);
    // Undoing everything drops the first migration's tables, which now have rows.
    await expect(rollback(client, { folder, steps: journal.length, log: quiet })).rejects.toThrow(/would destroy data[\s\S]*--force/);
    expect(await schemaSnapshot(client)).toEqual(schema);
    expect(await migrationStatus(client, folder)).toEqual(status);
    expect(await rowsOf(client, schema)).toEqual(rows);
    const log: string[] = [];
    await rollback(client, { folder, steps: journal.length, force: true, log: (line) => log.push(line) });
    expect(await userTables(client)).toEqual([]);
    expect(log.some((line) => line.startsWith('Warning (forced)'))).toBe(true);
  });
});

describe('rollback mechanics (a made-up migrations folder)', () => {
  const entries: JournalEntry[] = [
    { idx: 0, tag: '0000_tables', when: 1_000 },
    { idx: 1, tag: '0001_extra', when: 2_000 },
  ];
  function makeFolder(name: string, down1: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'down'));
    fs.writeFileSync(
      path.join(dir, 'meta', '_journal.json'),
      JSON.stringify({ version: '7', dialect: 'sqlite', entries: entries.map((e) => ({ ...e, version: '6', breakpoints: true })) }),
    );
    fs.writeFileSync(
      path.join(dir, '0000_tables.sql'),
      'CREATE TABLE `parent` (`id` integer PRIMARY KEY NOT NULL, `name` text NOT NULL);--> statement-breakpoint\n' +
        'CREATE TABLE `child` (`id` integer PRIMARY KEY NOT NULL, `parent_id` integer NOT NULL REFERENCES `parent`(`id`) ON DELETE cascade);',
    );
    fs.writeFileSync(path.join(dir, 'down', '0000_tables.sql'), 'DROP TABLE `child`;--> statement-breakpoint\nDROP TABLE `parent`;');
    fs.writeFileSync(path.join(dir, '0001_extra.sql'), 'ALTER TABLE `parent` ADD `note` text;');
    fs.writeFileSync(path.join(dir, 'down', '0001_extra.sql'), down1);
    return dir;
  }
  async function seeded(name: string, down1: string) {
    const dir = makeFolder(name, down1);
    const { client } = await tempDatabase(name);
    await applyWithDrizzle(client, dir);
    await client.batch(["INSERT INTO parent VALUES (1, 'a', NULL), (2, 'b', 'kept note')", 'INSERT INTO child VALUES (10, 1), (11, 2)'], 'write');
    return { dir, client };
  }
  // drizzle-kit's own table rebuild, including its PRAGMA lines (no-ops inside the transaction).
  const rebuild =
    'PRAGMA foreign_keys=OFF;--> statement-breakpoint\n' +
    'CREATE TABLE `__new_parent` (`id` integer PRIMARY KEY NOT NULL, `name` text NOT NULL);--> statement-breakpoint\n' +
    'INSERT INTO `__new_parent`("id", "name") SELECT "id", "name" FROM `parent`;--> statement-breakpoint\n' +
    'DROP TABLE `parent`;--> statement-breakpoint\n' +
    'ALTER TABLE `__new_parent` RENAME TO `parent`;--> statement-breakpoint\n' +
    'PRAGMA foreign_keys=ON;';

  it('rebuilds a parent table without losing child rows (no ON DELETE CASCADE on the DROP)', async () => {
    const { dir, client } = await seeded('rebuild', rebuild);
    await expect(rollback(client, { folder: dir, log: quiet })).rejects.toThrow(/without column note, which has values in 1 row/);
    await rollback(client, { folder: dir, force: true, log: quiet });
    expect(await values(client, 'SELECT id, parent_id FROM child ORDER BY id')).toEqual([[10, 1], [11, 2]]);
    expect(await values(client, 'SELECT id, name FROM parent ORDER BY id')).toEqual([[1, 'a'], [2, 'b']]);
    expect((await client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
    expect((await client.execute('PRAGMA foreign_keys')).rows[0][0]).toBe(1);
    await applyWithDrizzle(client, dir);
    expect((await migrationStatus(client, dir)).map((m) => m.state)).toEqual(['applied', 'applied']);
  });

  it('drops a column holding only NULLs without --force', async () => {
    const { dir, client } = await seeded('drop-null', 'ALTER TABLE `parent` DROP COLUMN `note`;');
    await client.execute('UPDATE parent SET note = NULL');
    expect(await rollback(client, { folder: dir, log: quiet })).toEqual(['0001_extra']);
  });

  it('fails and changes nothing when a down file leaves foreign key violations', async () => {
    const { dir, client } = await seeded('dangling', 'ALTER TABLE `parent` DROP COLUMN `note`;--> statement-breakpoint\nDELETE FROM `parent` WHERE id = 1;');
    const schema = await schemaSnapshot(client);
    await expect(rollback(client, { folder: dir, force: true, log: quiet })).rejects.toThrow(/nothing changed: the down files leave foreign key violations/);
    expect(await schemaSnapshot(client)).toEqual(schema);
    expect((await client.execute('SELECT count(*) FROM parent')).rows[0][0]).toBe(2);
  });

  it('drafts a down file (db:generate) that rollback refuses until the TODO(down) line is gone', async () => {
    const draft = downTemplate('0001_extra', 'ALTER TABLE `parent` ADD `note` text;--> statement-breakpoint\nCREATE INDEX `ix_note` ON `parent` (`note`);--> statement-breakpoint\nUPDATE parent SET note = 1;');
    expect(draft.split('\n')[0]).toBe(DOWN_TEMPLATE_MARKER);
    // Newest first; what it cannot invert is quoted in a comment for a person to handle.
    expect(draft).toContain('-- TODO: undo this statement by hand:\n-- UPDATE parent SET note = 1;');
    expect(splitStatements(draft)).toEqual(['DROP INDEX `ix_note`;', 'ALTER TABLE `parent` DROP COLUMN `note`;']);
    const { dir, client } = await seeded('template', downTemplate('0001_extra', 'ALTER TABLE `parent` ADD `note` text;'));
    await client.execute('UPDATE parent SET note = NULL');
    await expect(rollback(client, { folder: dir, log: quiet })).rejects.toThrow(/is still the template db:generate wrote/);
    const file = path.join(dir, 'down', '0001_extra.sql');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(`${DOWN_TEMPLATE_MARKER}\n`, ''));
    expect(await rollback(client, { folder: dir, log: quiet })).toEqual(['0001_extra']);
  });

  it('hints at the npm form of --force when a rollback would destroy data', async () => {
    const { dir, client } = await seeded('hint', 'ALTER TABLE `parent` DROP COLUMN `note`;');
    await expect(rollback(client, { folder: dir, log: quiet })).rejects.toThrow('To accept the loss, run: npm run db:rollback -- --force');
  });

  it('reports applied records whose migration is gone, and refuses to roll them back', async () => {
    const { dir, client } = await seeded('orphan', 'ALTER TABLE `parent` DROP COLUMN `note`;');
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const json = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: JournalEntry[] };
    json.entries = json.entries.slice(0, 1);
    fs.writeFileSync(journalFile, JSON.stringify(json));
    expect((await migrationStatus(client, dir)).map((m) => m.state)).toEqual(['applied', 'applied (no file)']);
    await expect(rollback(client, { folder: dir, log: quiet })).rejects.toThrow(/has no entry in/);
  });
});
