/** Domain errors thrown by the data layer; forms and the API each translate them in one place. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
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
