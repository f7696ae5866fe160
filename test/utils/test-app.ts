import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, type AppConfig } from '@ogp/core';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp, listen } from '../../apps/api/src/configure-app';
import { StartupService } from '../../apps/api/src/startup/startup.service';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * Boots the real app on a free port against `databaseUrl`: migrations run and the seed plan (Denmark's, unless
 * `seedPlanFile` says otherwise; null for none) is loaded into an empty database, exactly as `npm start` does.
 */
export async function startTestApp(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  typeormLogger?: TypeOrmLogger;
  /** The built dashboard to serve (default: dist/dashboard, found as `npm start` finds it; null: none). */
  dashboardDir?: string | null;
  /** Receives everything the app logs (default: errors to the console). */
  logger?: LoggerService;
}): Promise<TestApp> {
  const config = loadConfig({
    LOG_LEVEL: 'error',
    ...options.env,
    DATABASE_URL: options.databaseUrl,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config,
      databaseUrl: options.databaseUrl,
      typeormLogger: options.typeormLogger,
    }),
    { logger: options.logger ?? ['error'] },
  );
  configureApp(app, config, { dashboardDir: options.dashboardDir });
  await app.get(StartupService).prepare();
  await listen(app, 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    close: () => app.close(),
  };
}
