import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BUSY_MESSAGE, UnavailableError, ValidationError } from './errors';
import { isAcceptablePassword, passwordSchema } from './password-rule';

/**
 * bcrypt hashing and comparison in a worker thread, so a burst of logins cannot stall other requests.
 * One worker (this machine has two cores: one serves requests, one hashes) and a bounded queue: past
 * MAX_QUEUED jobs callers get UnavailableError (a 503 / "try again") instead of waiting for minutes.
 */
const BCRYPT_COST = 10;
const MAX_QUEUED = 100;

interface Pending {
  resolve: (value: string | boolean) => void;
  reject: (error: Error) => void;
}

class PasswordWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    // Resolved from the working directory so both `next start` and Vitest find the same file.
    const worker = new Worker(path.join(process.cwd(), 'db', 'password-worker.mjs'));
    worker.on('message', ({ id, result, error }: { id: number; result?: string | boolean; error?: string }) => {
      const job = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) worker.unref();
      if (!job) return;
      if (error !== undefined) job.reject(new Error(error));
      else job.resolve(result!);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.worker = null;
      this.failAll(new UnavailableError('The password worker stopped.'));
    });
    return worker;
  }

  private failAll(error: Error) {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  run(message: { op: 'hash'; password: string; cost: number } | { op: 'compare'; password: string; hash: string }) {
    if (this.pending.size >= MAX_QUEUED) {
      return Promise.reject(new UnavailableError(BUSY_MESSAGE));
    }
    this.worker ??= this.start();
    // Referenced only while it has work: an idle worker must not keep a script alive, a busy one must.
    if (this.pending.size === 0) this.worker.ref();
    const id = this.nextId++;
    return new Promise<string | boolean>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, ...message });
    });
  }
}

const globalKey = Symbol.for('microblog.passwordWorker');
type GlobalWithWorker = typeof globalThis & { [globalKey]?: PasswordWorker };

function passwordWorker(): PasswordWorker {
  const g = globalThis as GlobalWithWorker;
  g[globalKey] ??= new PasswordWorker();
  return g[globalKey];
}

/** @throws ValidationError (field `password`) for a password outside the rule; UnavailableError when busy. */
export async function hashPassword(password: string): Promise<string> {
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new ValidationError(checked.error.issues[0].message, 'password');
  return (await passwordWorker().run({ op: 'hash', password, cost: BCRYPT_COST })) as string;
}

/**
 * Whether `password` is the one `hash` was made from. A password outside the rule (over 72 bytes)
 * never matches: bcrypt would compare only its first 72 bytes. Its length is the caller's own
 * choice, so answering at once reveals nothing about any account.
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!isAcceptablePassword(password)) return false;
  return (await passwordWorker().run({ op: 'compare', password, hash })) as boolean;
}

/** A real hash of a random string: compared against when a username is unknown, so timing matches. */
export const DUMMY_HASH = '$2b$10$0aIqDQ4kQnhi7kaV9T/WnOpgUzTFcAtJ/c4A82ZTTbjBeB0zOLSmm';
