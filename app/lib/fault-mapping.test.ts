import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { LibsqlError } from '@libsql/client';
import { BUSY_MESSAGE, ConflictError, domainErrorOf, NOT_SAVED_MESSAGE, StorageError, UnavailableError } from '@/db/errors';
import { formErrorFrom } from './form-errors';
import { jsonErrorFrom } from './http';

// How database faults reach users: the form mapping (form-errors.ts) and the JSON mapping (http.ts),
// whichever way the driver and Drizzle wrapped them.
const wrapped = (cause: Error) => new DrizzleQueryError('insert into "post" ...', [], cause);
const busy = new LibsqlError('SQLITE_BUSY: database is locked', 'SQLITE_BUSY');
const full = new LibsqlError('SQLITE_FULL: database or disk is full', 'SQLITE_FULL', 'SQLITE_FULL');
const ioerr = new LibsqlError('SQLITE_IOERR_WRITE: disk I/O error', 'SQLITE_IOERR', 'SQLITE_IOERR_WRITE');

describe('domainErrorOf', () => {
  it('finds a domain error inside Drizzle wrappers', () => {
    const inner = new UnavailableError(BUSY_MESSAGE, { cause: busy });
    expect(domainErrorOf(wrapped(inner))).toBe(inner);
  });

  it('classifies raw SQLite faults: busy is UnavailableError, full and I/O errors are StorageError', () => {
    expect(domainErrorOf(wrapped(busy))).toBeInstanceOf(UnavailableError);
    expect(domainErrorOf(wrapped(busy))).not.toBeInstanceOf(StorageError);
    expect(domainErrorOf(wrapped(full))).toBeInstanceOf(StorageError);
    expect(domainErrorOf(ioerr)?.message).toBe(NOT_SAVED_MESSAGE);
  });

  it('returns null for bugs (a syntax error, a TypeError)', () => {
    expect(domainErrorOf(wrapped(new LibsqlError('SQLITE_ERROR: near "x": syntax error', 'SQLITE_ERROR')))).toBeNull();
    expect(domainErrorOf(new TypeError('x is undefined'))).toBeNull();
  });
});

describe('formErrorFrom', () => {
  it('keeps what was typed and says the server is busy, or that nothing could be saved', () => {
    expect(formErrorFrom(wrapped(busy), { post: 'my words' })).toEqual({ status: 'error', message: BUSY_MESSAGE, values: { post: 'my words' } });
    expect(formErrorFrom(wrapped(full), { post: 'my words' })).toEqual({ status: 'error', message: NOT_SAVED_MESSAGE, values: { post: 'my words' } });
  });

  it('maps conflicts to field errors and rethrows bugs', () => {
    expect(formErrorFrom(new ConflictError('Please use a different username.', 'username'), {}).fieldErrors).toEqual({
      username: ['Please use a different username.'],
    });
    const bug = new TypeError('bug');
    expect(() => formErrorFrom(bug, {})).toThrow(bug);
  });
});

describe('jsonErrorFrom', () => {
  it('answers 503 with Retry-After for a busy or full database', async () => {
    for (const fault of [wrapped(busy), wrapped(full)]) {
      const response = jsonErrorFrom(fault);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect((await response.json()).error).toBe('Service Unavailable');
    }
  });

  it('rethrows bugs', () => {
    const bug = new TypeError('bug');
    expect(() => jsonErrorFrom(bug)).toThrow(bug);
  });
});
