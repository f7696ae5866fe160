import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { databaseAvailability } from './database-availability';

// /readyz answers within a second whatever the database does: its check gets this long.
const READY_CHECK_MS = 700;

@Controller()
export class HealthController {
  /** The process is up. */
  @Get('healthz')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  /** The process can serve: the database answers (on a connection of its own, within a second). */
  @Get('readyz')
  async ready() {
    try {
      await databaseAvailability.check(READY_CHECK_MS);
      return { status: 'ok' };
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: 'database' });
    }
  }
}
