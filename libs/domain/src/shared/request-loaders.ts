import { AgencyRole, type MilestoneStatus } from '@ogp/common';
import { ANONYMOUS, type Actor } from '@ogp/core';
import DataLoader from 'dataloader';
import { In, IsNull, type DataSource } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import type { Agency } from '../agencies/agency.model';
import { AssessmentEntity } from '../assessments/assessment.entity';
import type { Assessment } from '../assessments/assessment.model';
import { CommitmentAgencyEntity } from '../commitments/commitment-agency.entity';
import { CommitmentStakeholderEntity } from '../commitments/commitment-stakeholder.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import type { Commitment } from '../commitments/commitment.model';
import { ProgressQueries } from '../dashboards/progress.queries';
import type { Progress } from '../dashboards/progress.model';
import { MilestoneEntity } from '../milestones/milestone.entity';
import type { Milestone } from '../milestones/milestone.model';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import type { ActionPlan } from '../plans/action-plan.model';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';
import type { StatusUpdate } from '../status-updates/status-update.model';
import { ThemeEntity } from '../themes/theme.entity';
import type { Theme } from '../themes/theme.model';
import { Visibility } from '@ogp/common';
import type { LocalizedText, SourceModel } from './graphql-types';
import {
  toActionPlan,
  toAgency,
  toAssessment,
  toCommitment,
  toMilestone,
  toStatusUpdate,
  toTheme,
} from './mappers';

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** A loader whose batch function returns a map; missing keys answer `fallback`. */
function loader<V>(
  batch: (keys: readonly string[]) => Promise<Map<string, V>>,
  fallback: V,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const found = await batch(keys);
    return keys.map((key) => found.get(key) ?? fallback);
  });
}

/**
 * Made anew for every GraphQL request: each edge of the graph is one batched query per request, however many
 * parents ask for it, and nothing is cached across requests (or users).
 */
export class RequestLoaders {
  private readonly progress: ProgressQueries;

  constructor(
    private readonly db: DataSource,
    /** The date flags are derived at (YYYY-MM-DD). */
    readonly today: string,
    /** Who is asking: what the loaders return depends on what they may see. */
    readonly actor: Actor = ANONYMOUS,
  ) {
    this.progress = new ProgressQueries(db);
  }

  readonly planById = loader<ActionPlan | null>(async (ids) => {
    const plans = await this.db.getRepository(ActionPlanEntity).findBy({ id: In([...ids]) });
    return new Map(plans.map((p) => [p.id, toActionPlan(p)]));
  }, null);

  readonly themesByPlanId = loader<Theme[]>(async (ids) => {
    const themes = await this.db.getRepository(ThemeEntity).find({
      where: { actionPlanId: In([...ids]), archivedAt: IsNull() },
      order: { number: 'ASC' },
    });
    return groupBy(themes.map(toTheme), (t) => t.actionPlanId);
  }, []);

  readonly themeById = loader<Theme | null>(async (ids) => {
    const themes = await this.db.getRepository(ThemeEntity).findBy({ id: In([...ids]) });
    return new Map(themes.map((t) => [t.id, toTheme(t)]));
  }, null);

  readonly commitmentsByThemeId = loader<Commitment[]>(async (ids) => {
    const commitments = await this.db
      .getRepository(CommitmentEntity)
      .find({ where: { themeId: In([...ids]), archivedAt: IsNull() }, order: { position: 'ASC' } });
    return groupBy(commitments.map(toCommitment), (c) => c.themeId);
  }, []);

  readonly commitmentById = loader<Commitment | null>(async (ids) => {
    const commitments = await this.db.getRepository(CommitmentEntity).findBy({ id: In([...ids]) });
    return new Map(commitments.map((c) => [c.id, toCommitment(c)]));
  }, null);

  readonly agencyById = loader<Agency | null>(async (ids) => {
    const agencies = await this.db.getRepository(AgencyEntity).findBy({ id: In([...ids]) });
    return new Map(agencies.map((a) => [a.id, toAgency(a)]));
  }, null);

  /** Lead and supporting agencies of each commitment, lead first. */
  readonly agenciesByCommitmentId = loader<{ role: AgencyRole; agency: Agency }[]>(async (ids) => {
    const links = await this.db.getRepository(CommitmentAgencyEntity).find({
      where: { commitmentId: In([...ids]) },
      relations: { agency: true },
    });
    const byCommitment = groupBy(links, (link) => link.commitmentId);
    return new Map(
      [...byCommitment].map(([id, list]) => [
        id,
        list
          .map((link) => ({ role: link.role, agency: toAgency(link.agency!) }))
          .sort((a, b) =>
            a.role === b.role
              ? (a.agency.name.en ?? a.agency.name.da ?? '').localeCompare(
                  b.agency.name.en ?? b.agency.name.da ?? '',
                )
              : a.role === AgencyRole.LEAD
                ? -1
                : 1,
          ),
      ]),
    );
  }, []);

  readonly stakeholdersByCommitmentId = loader<LocalizedText[]>(async (ids) => {
    const rows = await this.db
      .getRepository(CommitmentStakeholderEntity)
      .find({ where: { commitmentId: In([...ids]) }, order: { position: 'ASC' } });
    return new Map(
      [...groupBy(rows, (r) => r.commitmentId)].map(([id, list]) => [
        id,
        list.map((r) => ({ da: r.name.da, en: r.name.en })),
      ]),
    );
  }, []);

  readonly milestonesByCommitmentId = loader<Milestone[]>(async (ids) => {
    const milestones = await this.db.getRepository(MilestoneEntity).find({
      where: { commitmentId: In([...ids]), archivedAt: IsNull() },
      order: { position: 'ASC' },
    });
    return groupBy(
      milestones.map((m) => toMilestone(m, this.today)),
      (m) => m.commitmentId,
    );
  }, []);

  /** Public history of each milestone, newest first. */
  readonly historyByMilestoneId = loader<StatusUpdate[]>(async (ids) => {
    const rows = await this.db.getRepository(StatusUpdateEntity).find({
      where: { milestoneId: In([...ids]), visibility: Visibility.PUBLIC },
      order: { effectiveDate: 'DESC', sequence: 'DESC' },
    });
    return groupBy(rows.map(toStatusUpdate), (u) => u.milestoneId);
  }, []);

  readonly assessmentsByCommitmentId = loader<Assessment[]>(async (ids) => {
    const rows = await this.db.getRepository(AssessmentEntity).find({
      where: { commitmentId: In([...ids]) },
      order: { assessedOn: 'ASC', sequence: 'ASC' },
    });
    return new Map(
      [...groupBy(rows, (r) => r.commitmentId)].map(([id, list]) => [id, list.map(toAssessment)]),
    );
  }, []);

  readonly commitmentSources = this.sourcesLoader('commitment_source', 'commitment_id');
  readonly milestoneSources = this.sourcesLoader('milestone_source', 'milestone_id');
  readonly planSources = this.sourcesLoader('action_plan_source', 'action_plan_id');
  readonly themeSources = this.sourcesLoader('theme_source', 'theme_id');

  readonly commitmentProgress = loader<Progress | null>(
    (ids) => this.progress.forCommitments(ids),
    null,
  );
  readonly themeProgress = loader<Progress | null>(async (themeIds) => {
    const planIds: { action_plan_id: string }[] = await this.db.query(
      'SELECT DISTINCT action_plan_id FROM theme WHERE id = ANY($1)',
      [themeIds],
    );
    return this.progress.aggregate(
      'theme',
      planIds.map((p) => p.action_plan_id),
    );
  }, null);
  readonly planProgress = loader<Progress | null>(
    (ids) => this.progress.aggregate('plan', ids),
    null,
  );

  /** Milestone statuses per commitment, for the roll-up formula in words. */
  milestoneStatuses(
    commitmentId: string,
  ): Promise<{ status: MilestoneStatus | null; progressPercent: number | null; weight: number }[]> {
    return this.milestonesByCommitmentId.load(commitmentId);
  }

  private sourcesLoader(table: string, column: string): DataLoader<string, SourceModel[]> {
    return loader<SourceModel[]>(async (ids) => {
      const rows: {
        subject_id: string;
        url: string;
        title: string | null;
        accessed_on: string | null;
      }[] = await this.db.query(
        `SELECT j.${column} AS subject_id, s.url, s.title, s.accessed_on
           FROM ${table} j JOIN source s ON s.id = j.source_id WHERE j.${column} = ANY($1) ORDER BY s.url`,
        [ids],
      );
      return new Map(
        [...groupBy(rows, (r) => r.subject_id)].map(([id, list]) => [
          id,
          list.map((r) => ({ url: r.url, title: r.title, accessedOn: r.accessed_on })),
        ]),
      );
    }, []);
  }
}
