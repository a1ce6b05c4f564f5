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
export class RateLimitedError extends DomainError {}
/** The database or a helper (password worker) is overloaded or briefly unavailable; try again. */
export class UnavailableError extends DomainError {}

/** A unique value is taken; `field` names the form field it belongs to. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
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
