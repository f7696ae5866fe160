import { Logger } from '@nestjs/common';
import { classifyDatabaseError, LogSummariser } from '@ogp/core';
import type { Logger as TypeOrmLogger } from 'typeorm';

const logger = new Logger('TypeORM');

/**
 * TypeORM's log through Nest's logger, without the noise: failed statements of an unavailable database are left
 * to the availability monitor (one line per outage), other failures are logged with their SQL but never their
 * parameters (which may hold notes or hashes), and repeats are summarised.
 */
export class QuietTypeOrmLogger implements TypeOrmLogger {
  private readonly repeats = new LogSummariser((message) => logger.warn(message));

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    if (classifyDatabaseError(error)) return;
    const message = `Statement failed: ${error instanceof Error ? error.message : error} (${query.replace(/\s+/g, ' ').slice(0, 200)})`;
    if (this.repeats.first(message)) logger.warn(message);
  }

  logQuerySlow(time: number, query: string): void {
    logger.warn(`Slow statement (${time} ms): ${query.replace(/\s+/g, ' ').slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // An idle pooled connection dropped by the server: the pool replaces it, and an outage is told once by the
    // availability monitor.
    if (level !== 'warn' || String(message).startsWith('Postgres pool raised an error')) return;
    logger.warn(String(message));
  }
}
