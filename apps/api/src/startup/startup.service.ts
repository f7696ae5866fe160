import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, projectRoot, runMigrationsLocked, type AppConfig } from '@ogp/core';
import { PlanLoader } from '@ogp/domain';
import { DataSource } from 'typeorm';

/** Brings the database up to date and, when it holds no plan yet, loads the seed plan. */
@Injectable()
export class StartupService {
  private readonly logger = new Logger(StartupService.name);

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async prepare(): Promise<void> {
    if (this.config.migrationsRun) {
      const applied = await runMigrationsLocked(this.db);
      if (applied.length > 0) this.logger.log(`Applied ${applied.length} migration(s)`);
    }
    await this.seed();
    await this.adviseOnAdministrator();
  }

  /** Without an administrator nobody can manage the tracker: say how to make the first one. */
  private async adviseOnAdministrator(): Promise<void> {
    const [{ count }] = await this.db.query<{ count: string }[]>(
      `SELECT COUNT(*) AS count FROM app_user WHERE is_active AND 'ADMIN' = ANY(roles)`,
    );
    if (Number(count) === 0) {
      this.logger.warn(
        'No administrator exists yet. Create the first one (it asks for the password): ' +
          'npm run user:create -- --email you@example.org --name "Your Name" --role ADMIN',
      );
    }
  }

  private async seed(): Promise<void> {
    const file = this.config.seedPlanFile;
    if (!file) return;
    // The migration lock also serialises seeding, so two replicas starting together load it once.
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      // Waiting for another replica's seeding may outlast the pool's statement_timeout.
      await runner.query('SET statement_timeout = 0');
      await runner.query('SELECT pg_advisory_lock(727002)');
      const [{ count }] = (await runner.query('SELECT COUNT(*) AS count FROM action_plan')) as {
        count: string;
      }[];
      if (Number(count) > 0) return;
      const result = await new PlanLoader(this.db).load(JSON.parse(readFileSync(file, 'utf8')));
      this.logger.log(
        `Loaded ${relative(projectRoot(), file)} into the empty database: plan ${result.slug}, ` +
          `${result.commitments} commitments, ${result.milestones} milestones, ${result.statusUpdates} status updates`,
      );
    } finally {
      await runner.query('SELECT pg_advisory_unlock(727002)').catch(() => undefined);
      await runner.query('RESET statement_timeout').catch(() => undefined);
      await runner.release();
    }
  }
}
