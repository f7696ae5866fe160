import { types } from 'pg';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DataSourceParts {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
  /** How long a new connection may take to open (ms); default 3000. */
  connectTimeoutMs?: number;
  /** PostgreSQL's statement_timeout for every connection (ms); default none. */
  statementTimeoutMs?: number;
}

/** One place for the TypeORM options of the app, the CLIs and the tests. */
export function dataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    url: parts.url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'migration',
    // Never on, tests included: the schema comes only from migrations.
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: parts.poolSize ?? 10,
      application_name: parts.applicationName ?? 'ogp-tracker',
      // A server that accepts the TCP connection but never answers (frozen, overloaded) must not hang us.
      connectionTimeoutMillis: parts.connectTimeoutMs ?? 3000,
      keepAlive: true,
      // No JIT: the reads are short, and once a plan is large enough for their cost estimates to pass
      // jit_above_cost, compiling them took longer than running them (0.9 s of a 1.2 s dashboard statement).
      options: '-c jit=off',
      ...(parts.statementTimeoutMs ? { statement_timeout: parts.statementTimeoutMs } : {}),
    },
  };
}

// Calendar dates stay 'YYYY-MM-DD' strings in raw queries too: a JS Date would add a time zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
