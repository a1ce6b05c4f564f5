/** Domain errors thrown by the data layer; forms and the API each translate them in one place. */
export class DomainError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class UnauthenticatedError extends DomainError {}
/** Too many attempts; `retryAfterS` is how many seconds until the limit's window ends (HTTP Retry-After). */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterS = 60,
  ) {
    super(message);
  }
}
/** The database or a helper (password worker) is overloaded or briefly unavailable; try again. */
export class UnavailableError extends DomainError {}

/** Unique values are taken; `fields` maps each form field to its message (the first one is `message`). */
export class ConflictError extends DomainError {
  readonly fields: Record<string, string>;
  constructor(message: string, field?: string, more: Record<string, string> = {}) {
    super(message);
    this.fields = field ? { [field]: message, ...more } : more;
  }
  get field(): string | undefined {
    return Object.keys(this.fields)[0];
  }
}

/** Input that passed the schema but breaks a rule only the data layer can check. */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What a user reads when the database stayed locked past the deadline (DATABASE_BUSY_TIMEOUT_MS). */
export const BUSY_MESSAGE = 'The server is busy, please try again.';
/** What a user reads when the database cannot store anything (disk full, write I/O error). */
export const NOT_SAVED_MESSAGE = 'Your changes could not be saved: the server has no room to store them right now. Please try again later.';

/**
 * The database's storage refused a write (SQLITE_FULL, SQLITE_IOERR): nothing was saved. A kind of
 * UnavailableError, so everything that answers "try again later" (503, sign-in) covers it too.
 */
export class StorageError extends UnavailableError {}

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown } | undefined;

function* causeChain(error: unknown): Generator<NonNullable<ErrorLike>> {
  // Bounded: a cause cycle must not hang the error path.
  let e = error as ErrorLike;
  for (let depth = 0; e && depth < 10; depth++, e = e.cause as ErrorLike) yield e;
}

function sqliteCodeIs(e: NonNullable<ErrorLike>, code: string, pattern: RegExp): boolean {
  return (typeof e.code === 'string' && e.code.startsWith(code)) || (typeof e.message === 'string' && pattern.test(e.message));
}

/** True when an error (or anything in its cause chain) is SQLite's "database is locked". */
export function isBusyError(error: unknown): boolean {
  for (const e of causeChain(error)) if (sqliteCodeIs(e, 'SQLITE_BUSY', /SQLITE_BUSY|database is locked/)) return true;
  return false;
}

/** True when an error (or its cause chain) is SQLite failing to write its file (disk full, I/O error). */
export function isStorageError(error: unknown): boolean {
  for (const e of causeChain(error)) {
    if (sqliteCodeIs(e, 'SQLITE_FULL', /SQLITE_FULL|database or disk is full/)) return true;
    if (sqliteCodeIs(e, 'SQLITE_IOERR', /SQLITE_IOERR|disk I\/O error/)) return true;
  }
  return false;
}

/**
 * The domain error behind `error`, for the places that turn errors into answers (forms, JSON, sign-in):
 * the first DomainError in the cause chain (Drizzle wraps driver errors in DrizzleQueryError), else a
 * raw SQLite fault classified as UnavailableError (busy) or StorageError (full, I/O), else null (a bug).
 */
export function domainErrorOf(error: unknown): DomainError | null {
  for (const e of causeChain(error)) if (e instanceof DomainError) return e;
  if (isBusyError(error)) return new UnavailableError(BUSY_MESSAGE, { cause: error });
  if (isStorageError(error)) return new StorageError(NOT_SAVED_MESSAGE, { cause: error });
  return null;
}
