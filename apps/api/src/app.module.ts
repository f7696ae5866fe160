import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, dataSourceOptions, type AppConfig } from '@ogp/core';
import { AuthenticationService, DOMAIN_ENTITIES, PlansReadModule, UsersModule } from '@ogp/domain';
import { EventsModule } from '@ogp/core/events/events.module';
import { AdminModule } from '@ogp/domain/admin.module';
import { PlanActivityModule } from '@ogp/domain/plans/plan-activity.module';
import { SubscriptionRights } from '@ogp/domain/plans/subscription-rights';
import { ProgressWritesModule } from '@ogp/domain/progress-writes.module';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../migrations';
import { AppExceptionFilter } from './graphql/app-exception.filter';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { StartupService } from './startup/startup.service';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Tests pass one to count SQL statements. */
  typeormLogger?: TypeOrmLogger;
}

@Module({})
export class AppModule {
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
          }),
          ...(typeormLogger
            ? { logger: typeormLogger, logging: ['query'] }
            : { logging: ['error'] }),
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
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        StartupService,
      ],
      exports: [APP_CONFIG],
    };
  }
}
