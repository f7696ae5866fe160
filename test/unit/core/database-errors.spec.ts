import { errorMessage } from '@ogp/common';
import {
  classifyDatabaseError,
  DatabaseUnavailableError,
  DomainException,
  ErrorCode,
  serviceUnavailable,
} from '@ogp/core';
import { QueryFailedError } from 'typeorm';

/** An error as pg gives it: a message, and a SQLSTATE or socket code. */
function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('classifyDatabaseError', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', pgError('read ECONNRESET', 'ECONNRESET')],
    ['a connection the server ended', pgError('Connection terminated unexpectedly')],
    ['a new connection that never opened', pgError('timeout exceeded when trying to connect')],
    ['a statement a frozen server never answered', pgError('Query read timeout')],
    [
      'an administrator shutdown (57P01)',
      pgError('terminating connection due to administrator command', '57P01'),
    ],
    [
      'a crash shutdown (57P02)',
      pgError('terminating connection because of crash of another server process', '57P02'),
    ],
    ['a server starting up (57P03)', pgError('the database system is starting up', '57P03')],
    ['a connection exception (08006)', pgError('connection failure', '08006')],
    ['a client unable to connect (08001)', pgError('could not connect', '08001')],
    [
      'a transaction whose connection died',
      new Error('Query runner already released. Cannot run queries anymore.'),
    ],
  ])('calls %s unreachable', (_, error) => {
    expect(classifyDatabaseError(error)).toBe('unreachable');
  });

  it.each([
    [
      'a statement timeout (57014)',
      pgError('canceling statement due to statement timeout', '57014'),
    ],
    ['too many connections (53300)', pgError('sorry, too many clients already', '53300')],
    ['a full pool queue', new DatabaseUnavailableError('overloaded', 'All connections are busy')],
  ])('calls %s overloaded', (_, error) => {
    expect(classifyDatabaseError(error)).toBe('overloaded');
  });

  it.each([
    [
      'a unique violation (23505)',
      pgError('duplicate key value violates unique constraint', '23505'),
    ],
    ['a syntax error (42601)', pgError('syntax error at or near "SELEC"', '42601')],
    ['a missing column (42703)', pgError('column "x" does not exist', '42703')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a domain exception', DomainException.notFound('plan', 'slug', 'x')],
    ['a value that is no error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('leaves %s alone (an internal error, not an outage)', (_, error) => {
    expect(classifyDatabaseError(error)).toBeNull();
  });

  it("looks through TypeORM's QueryFailedError, causes and AggregateErrors", () => {
    const driverError = pgError('terminating connection due to administrator command', '57P01');
    expect(classifyDatabaseError(new QueryFailedError('SELECT 1', [], driverError))).toBe(
      'unreachable',
    );
    expect(
      classifyDatabaseError(new Error('wrapped', { cause: pgError('x', 'ECONNREFUSED') })),
    ).toBe('unreachable');
    expect(
      classifyDatabaseError(
        new AggregateError([pgError('a', 'ECONNREFUSED'), pgError('b', 'ECONNREFUSED')], 'both'),
      ),
    ).toBe('unreachable');
  });

  it('recognises an error made in another realm (only its shape counts)', () => {
    expect(classifyDatabaseError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toBe(
      'unreachable',
    );
  });

  it('survives a cause that points back at the error', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    expect(classifyDatabaseError(error)).toBeNull();
  });
});

describe('serviceUnavailable', () => {
  it('answers an unreachable database with SERVICE_UNAVAILABLE and a retry hint', () => {
    const refusal = serviceUnavailable(pgError('connect ECONNREFUSED', 'ECONNREFUSED'));
    expect(refusal).toBeInstanceOf(DomainException);
    expect(refusal?.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(refusal?.message).toBe('The database is unavailable; try again shortly');
    expect(refusal?.details.retryAfterSeconds).toBe(5);
    expect(refusal?.extensions()).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: 5,
      messageKey: 'service.databaseUnavailable',
      messageParams: {},
    });
  });

  it('answers a busy server with a shorter hint, and never names internals', () => {
    const refusal = serviceUnavailable(
      new DatabaseUnavailableError('overloaded', 'All 10 database connections are busy'),
    );
    expect(refusal?.message).toBe('The server is busy; try again shortly');
    expect(refusal?.details.retryAfterSeconds).toBe(2);
    expect(refusal?.extensions()).toMatchObject({ messageKey: 'service.busy', messageParams: {} });
  });

  it('is null for bugs and for other domain exceptions', () => {
    expect(serviceUnavailable(new Error('boom'))).toBeNull();
    expect(
      serviceUnavailable(DomainException.badInput('name', errorMessage('field.required'))),
    ).toBeNull();
  });
});
