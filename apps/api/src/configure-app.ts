import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@ogp/core';

/** HTTP settings shared by `npm start` and the tests, so both serve the same app. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  if (config.trustProxy) app.set('trust proxy', true);
  // No CORS headers unless origins are configured: then only those, with cookies.
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true });
  }
  app.disable('x-powered-by');
}
