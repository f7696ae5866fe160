import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, dataSourceOptions, PoolGuard, type AppConfig } from '@ogp/core';
import { AuthenticationService, DOMAIN_ENTITIES, PlansReadModule, UsersModule } from '@ogp/domain';
import { EventsModule } from '@ogp/core/events/events.module';
import { AdminModule } from '@ogp/domain/admin.module';
import { PlanActivityModule } from '@ogp/domain/plan-activity.module';
import { SubscriptionRights } from '@ogp/domain/plans/subscription-rights';
import { ProgressWritesModule } from '@ogp/domain/progress-writes.module';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ALL_MIGRATIONS } from '../../../migrations';
import { AppExceptionFilter } from './graphql/app-exception.filter';
import { graphqlOptions } from './graphql/graphql-options';
import { databaseAvailability, databaseProbe } from './health/database-availability';
import { HealthController } from './health/health.controller';
import { PlanImportModule } from './imports/plan-import.module';
import { ProgressImportModule } from './imports/progress-import.module';
import { OpenDataHttpModule } from './open-data/open-data.http-module';
import { QuietTypeOrmLogger } from './logging/quiet-typeorm-logger';
import { ReportsModule } from './reports/reports.module';
import { StartupService } from './startup/startup.service';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Tests pass one to count SQL statements. */
  typeormLogger?: TypeOrmLogger;
}

// A request's statement gives up client-side this long after the server's statement_timeout would have fired.
const QUERY_TIMEOUT_MARGIN_MS = 1000;
// The door of /graphql admits DB_POOL_SIZE + DB_POOL_MAX_WAITING requests; one request may wait for several
// connections at once (its DataLoaders run side by side), so the pool's own queue is a backstop this much larger.
const ACQUISITIONS_PER_REQUEST = 8;

/** Puts the pool behind a PoolGuard (limits, queue, cancellation) sized from the config. */
function guardPool(db: DataSource, config: AppConfig): PoolGuard {
  return new PoolGuard((db.driver as PostgresDriver).master as never, {
    size: config.dbPoolSize,
    maxWaiting: (config.dbPoolSize + config.dbPoolMaxWaiting) * ACQUISITIONS_PER_REQUEST,
    acquireTimeoutMs: config.dbAcquireTimeoutMs,
    queryTimeoutMs: config.dbStatementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
  });
}

@Module({})
export class AppModule implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    databaseAvailability.useProbe(null);
  }

  static forRoot({ config, databaseUrl, typeormLogger }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: databaseUrl,
            entities: DOMAIN_ENTITIES,
            migrations: ALL_MIGRATIONS,
            poolSize: config.dbPoolSize,
            connectTimeoutMs: config.dbAcquireTimeoutMs,
            statementTimeoutMs: config.dbStatementTimeoutMs,
          }),
          ...(typeormLogger
            ? { logger: typeormLogger, logging: ['query'] }
            : { logger: new QuietTypeOrmLogger(), logging: ['error', 'warn', 'migration'] }),
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [UsersModule, PlanActivityModule],
          inject: [DataSource, AuthenticationService, SubscriptionRights],
          useFactory: (
            db: DataSource,
            authentication: AuthenticationService,
            subscriptionRights: SubscriptionRights,
          ) => graphqlOptions(config, db, authentication, subscriptionRights),
        }),
        PlansReadModule,
        AdminModule,
        ProgressWritesModule,
        UsersModule,
        EventsModule,
        PlanActivityModule,
        OpenDataHttpModule,
        ReportsModule,
        ProgressImportModule,
        PlanImportModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        StartupService,
        {
          provide: PoolGuard,
          inject: [DataSource],
          useFactory: (db: DataSource) => {
            databaseAvailability.useProbe(databaseProbe(databaseUrl));
            return guardPool(db, config);
          },
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}
