import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One entry of drizzle-kit's `meta/_journal.json`. */
export interface JournalEntry {
  idx: number;
  tag: string;
  /** drizzle-orm's migrator stores this as `created_at` of the applied record. */
  when: number;
}

/** drizzle-kit's output folder (`out` in drizzle.config.ts), relative to the working directory. */
export function defaultMigrationsFolder(): string {
  return path.resolve(process.cwd(), 'drizzle');
}

export function readJournal(folder: string): JournalEntry[] {
  const file = path.join(folder, 'meta', '_journal.json');
  if (!fs.existsSync(file)) throw new Error(`No migration journal at ${file}`);
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: JournalEntry[] };
  return journal.entries.map(({ idx, tag, when }) => ({ idx, tag, when }));
}

/** The file drizzle-orm runs for a journal entry, and the hash it records (sha256 of the content). */
export function upFile(folder: string, tag: string): string {
  return path.join(folder, `${tag}.sql`);
}

export function upHash(folder: string, tag: string): string | undefined {
  const file = upFile(folder, tag);
  if (!fs.existsSync(file)) return undefined;
  return crypto.createHash('sha256').update(fs.readFileSync(file, 'utf8')).digest('hex');
}

/** The hand-written file that undoes a migration: `<folder>/down/<tag>.sql`. */
export function downFile(folder: string, tag: string): string {
  return path.join(folder, 'down', `${tag}.sql`);
}

/** Splits SQL like drizzle's files (`--> statement-breakpoint`), dropping chunks with only comments. */
export function splitStatements(sql: string): string[] {
  return sql
    .split('--> statement-breakpoint')
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.replace(/--[^\n]*/g, '').trim() !== '');
}

/** The statements of a down file, or undefined when the file does not exist. */
export function readDownStatements(folder: string, tag: string): string[] | undefined {
  const file = downFile(folder, tag);
  if (!fs.existsSync(file)) return undefined;
  return splitStatements(fs.readFileSync(file, 'utf8'));
}
