import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { QuietTypeOrmLogger } from '../../../apps/api/src/logging/quiet-typeorm-logger';

describe('QuietTypeOrmLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed statement through the app logger with its SQL but never its parameters', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const stdout = jest.spyOn(process.stdout, 'write');
    // As TypeORM calls it: with the statement's parameters.
    const logger: TypeOrmLogger = new QuietTypeOrmLogger();
    logger.logQueryError(
      new Error('value too long for type character varying(100)'),
      'INSERT INTO "api_token" ("name", "token_hash")\n   VALUES ($1, $2)',
      ['a secret note', 'a-token-hash'],
    );
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0][0]);
    expect(message).toContain('Statement failed: value too long');
    expect(message).toContain('INSERT INTO "api_token" ("name", "token_hash") VALUES ($1, $2)');
    expect(message).not.toContain('a secret note');
    expect(message).not.toContain('a-token-hash');
    expect(stdout).not.toHaveBeenCalled();
  });

  it('logs no statement that succeeded, nor its parameters', () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const stdout = jest.spyOn(process.stdout, 'write');
    const logger: TypeOrmLogger = new QuietTypeOrmLogger();
    logger.logQuery('SELECT * FROM app_user WHERE email = $1', ['a@b.dk']);
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(stdout).not.toHaveBeenCalled();
  });
});
