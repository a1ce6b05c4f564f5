// Direct looks at the server's database file, as an operator would after a fault: a separate
// connection that sees only what was committed.
import { createClient } from '@libsql/client';
import { spawn, type ChildProcess } from 'node:child_process';

export async function query<T = Record<string, unknown>>(dbPath: string, sql: string, args: (string | number)[] = []): Promise<T[]> {
  const client = createClient({ url: `file:${dbPath}` });
  try {
    const { rows } = await client.execute({ sql, args });
    return rows as unknown as T[];
  } finally {
    client.close();
  }
}

export async function integrityCheck(dbPath: string): Promise<string> {
  const rows = await query<{ integrity_check: string }>(dbPath, 'PRAGMA integrity_check');
  return rows.map((r) => r.integrity_check).join('; ');
}

/** Bodies of posts among `bodies` that the database holds, with how many times each. */
export async function postCounts(dbPath: string, likePattern: string): Promise<Map<string, number>> {
  const rows = await query<{ body: string; n: number }>(dbPath, 'select body, count(*) as n from post where body like ? group by body', [likePattern]);
  return new Map(rows.map((r) => [r.body, Number(r.n)]));
}

/**
 * Another process takes the database's write lock (BEGIN IMMEDIATE) and holds it for `ms`, as a
 * second writer, a backup or a long migration would. Resolves once the lock is held; `released`
 * resolves when the process let go and exited.
 */
export async function holdWriteLockInAnotherProcess(dbPath: string, ms: number): Promise<{ released: Promise<void>; child: ChildProcess }> {
  const script = `
    import { createClient } from '@libsql/client';
    const client = createClient({ url: ${JSON.stringify(`file:${dbPath}`)} });
    const lock = await client.transaction('write');
    process.stdout.write('locked\\n');
    setTimeout(async () => { await lock.rollback(); client.close(); process.stdout.write('released\\n'); process.exit(0); }, ${ms});
  `;
  const child = spawn('node', ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`)))));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited ${code} before locking`)));
  });
  return { released, child };
}
