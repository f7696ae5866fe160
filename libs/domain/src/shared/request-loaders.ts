import { AgencyRole, type MilestoneStatus } from '@ogp/common';
import { ANONYMOUS, type Actor } from '@ogp/core';
import DataLoader from 'dataloader';
import { In, IsNull, LessThanOrEqual, type DataSource } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import type { Agency } from '../agencies/agency.model';
import { AssessmentEntity } from '../assessments/assessment.entity';
import type { Assessment } from '../assessments/assessment.model';
import { CommitmentAgencyEntity } from '../commitments/commitment-agency.entity';
import { CommitmentStakeholderEntity } from '../commitments/commitment-stakeholder.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import type { Commitment } from '../commitments/commitment.model';
import { ProgressQueries } from '../dashboards/progress.queries';
import { milestonesWithState, readMilestones } from '../dashboards/milestone-state.reader';
import type { Progress } from '../dashboards/progress.model';
import { MilestoneEntity } from '../milestones/milestone.entity';
import type { Milestone } from '../milestones/milestone.model';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import type { ActionPlan } from '../plans/action-plan.model';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';
import type { StatusUpdate } from '../status-updates/status-update.model';
import { ThemeEntity } from '../themes/theme.entity';
import type { Theme } from '../themes/theme.model';
import type { LocalizedText, SourceModel } from './graphql-types';
import {
  toActionPlan,
  toAgency,
  toAssessment,
  toCommitment,
  toStatusUpdate,
  toTheme,
} from './mappers';
import { ReadScope } from './read-scope';

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
 * parents ask for it, and nothing is cached across requests (or users). Every loader answers only what the
 * actor may read: plans (and what is in them) they may not see are missing, as if they did not exist, and
 * milestones show the progress they may see.
 *
 * Progress is read as of one date: now for the loaders of the context, and `at(asOf)` gives the request's
 * loaders for another day (made once per request and date, so batching holds for each). What they return
 * carries that asOf, so its fields ask `at(parent.asOf)` and the whole subtree answers as of the same day.
 */
export class RequestLoaders {
  private readonly progress: ProgressQueries;
  private readonly scope: ReadScope;
  /** The request's loaders per asOf date (kept by the loaders of the current state only). */
  private readonly byDate: Map<string, RequestLoaders>;

  constructor(
    private readonly db: DataSource,
    /** The request's date (YYYY-MM-DD): flags are derived at it unless asOf says otherwise. */
    readonly today: string,
    /** Who is asking: what the loaders return depends on what they may see. */
    readonly actor: Actor = ANONYMOUS,
    /** Progress as of the end of this day (YYYY-MM-DD), from the log; null: the current state. */
    readonly asOf: string | null = null,
    /** For loaders made by `at`: the request's loaders of the current state, which keep the cache. */
    private readonly current: RequestLoaders | null = null,
  ) {
    this.scope = ReadScope.of(actor);
    this.progress = new ProgressQueries(db, this.scope, asOf);
    this.byDate = current?.byDate ?? new Map();
  }

  /** The date flags are derived at: asOf, else today. */
  get on(): string {
    return this.asOf ?? this.today;
  }

  /** This request's loaders as of the end of day `asOf` (null or undefined: the current state). */
  at(asOf: string | null | undefined): RequestLoaders {
    const current = this.current ?? this;
    if (asOf === null || asOf === undefined) return current;
    let loaders = this.byDate.get(asOf);
    if (!loaders) {
      loaders = new RequestLoaders(this.db, this.today, this.actor, asOf, current);
      this.byDate.set(asOf, loaders);
    }
    return loaders;
  }

  /** A condition: the row aliased `alias` (with an action_plan_id) is in a plan the actor may read. */
  private inVisiblePlan(alias: string): string {
    return `${alias}.action_plan_id IN (${this.scope.visiblePlanIdsSql()})`;
  }

  readonly planById = loader<ActionPlan | null>(async (ids) => {
    const plans = await this.db
      .getRepository(ActionPlanEntity)
      .createQueryBuilder('p')
      .where('p.id = ANY(:ids)', { ids })
      .andWhere(`p.id IN (${this.scope.visiblePlanIdsSql()})`)
      .setParameters(this.scope.parameters)
      .getMany();
    return new Map(plans.map((p) => [p.id, { ...toActionPlan(p), asOf: this.asOf }]));
  }, null);

  readonly themesByPlanId = loader<Theme[]>(async (ids) => {
    const themes = await this.db
      .getRepository(ThemeEntity)
      .createQueryBuilder('t')
      .where('t.action_plan_id = ANY(:ids) AND t.archived_at IS NULL', { ids })
      .andWhere(this.inVisiblePlan('t'))
      .setParameters(this.scope.parameters)
      .orderBy('t.number', 'ASC')
      .getMany();
    return groupBy(
      themes.map((t) => ({ ...toTheme(t), asOf: this.asOf })),
      (t) => t.actionPlanId,
    );
  }, []);

  readonly themeById = loader<Theme | null>(async (ids) => {
    const themes = await this.db
      .getRepository(ThemeEntity)
      .createQueryBuilder('t')
      .where('t.id = ANY(:ids)', { ids })
      .andWhere(this.inVisiblePlan('t'))
      .setParameters(this.scope.parameters)
      .getMany();
    return new Map(themes.map((t) => [t.id, { ...toTheme(t), asOf: this.asOf }]));
  }, null);

  readonly commitmentsByThemeId = loader<Commitment[]>(async (ids) => {
    const commitments = await this.db
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .where('c.theme_id = ANY(:ids) AND c.archived_at IS NULL', { ids })
      .andWhere(this.inVisiblePlan('c'))
      .setParameters(this.scope.parameters)
      .orderBy('c.position', 'ASC')
      .getMany();
    return groupBy(
      commitments.map((c) => ({ ...toCommitment(c), asOf: this.asOf })),
      (c) => c.themeId,
    );
  }, []);

  readonly commitmentById = loader<Commitment | null>(async (ids) => {
    const commitments = await this.db
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .where('c.id = ANY(:ids)', { ids })
      .andWhere(this.inVisiblePlan('c'))
      .setParameters(this.scope.parameters)
      .getMany();
    return new Map(commitments.map((c) => [c.id, { ...toCommitment(c), asOf: this.asOf }]));
  }, null);

  readonly agencyById = loader<Agency | null>(async (ids) => {
    // Archived agencies have left the public reads (as a parent or a coordinating agency too).
    const agencies = await this.db
      .getRepository(AgencyEntity)
      .findBy({ id: In([...ids]), archivedAt: IsNull() });
    return new Map(agencies.map((a) => [a.id, toAgency(a)]));
  }, null);

  /** Lead and supporting agencies of each commitment, lead first. */
  readonly agenciesByCommitmentId = loader<{ role: AgencyRole; agency: Agency }[]>(async (ids) => {
    const links = await this.db.getRepository(CommitmentAgencyEntity).find({
      // An agency that leads a visible commitment cannot be archived, so this drops supporting ones only.
      where: { commitmentId: In([...ids]), agency: { archivedAt: IsNull() } },
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

  /** Milestones of each commitment in order, each in the state the actor may see (as of asOf). */
  readonly milestonesByCommitmentId = loader<Milestone[]>(async (ids) => {
    const milestones = await readMilestones(
      milestonesWithState(this.db, this.scope, 'c.id = ANY(:ids)', { ids }, this.asOf).orderBy(
        'm.position',
        'ASC',
      ),
      this.on,
      this.asOf,
    );
    return groupBy(milestones, (m) => m.commitmentId);
  }, []);

  /** The updates of each milestone the actor may read (dated by asOf), newest (by effective date) first. */
  readonly historyByMilestoneId = loader<StatusUpdate[]>(async (ids) => {
    const query = this.db
      .getRepository(StatusUpdateEntity)
      .createQueryBuilder('su')
      .innerJoin(MilestoneEntity, 'm', 'm.id = su.milestone_id')
      .innerJoin(CommitmentEntity, 'c', 'c.id = m.commitment_id')
      .where('su.milestone_id = ANY(:ids)', { ids })
      .andWhere(this.scope.updateVisibleSql('su', 'c'))
      .andWhere(this.inVisiblePlan('c'))
      .setParameters(this.scope.parameters);
    if (this.asOf !== null) query.andWhere('su.effective_date <= :asOf::date', { asOf: this.asOf });
    const rows = await query
      .orderBy('su.effective_date', 'DESC')
      // PUBLIC and INTERNAL updates are in different chains: their sequences do not compare, times do.
      .addOrderBy('su.recorded_at', 'DESC')
      .addOrderBy('su.sequence', 'DESC')
      .getMany();
    return groupBy(rows.map(toStatusUpdate), (u) => u.milestoneId);
  }, []);

  /** Assessments of each commitment, oldest first; as of a date, those made (by their date) by then. */
  readonly assessmentsByCommitmentId = loader<Assessment[]>(async (ids) => {
    const rows = await this.db.getRepository(AssessmentEntity).find({
      where: {
        commitmentId: In([...ids]),
        ...(this.asOf === null ? {} : { assessedOn: LessThanOrEqual(this.asOf) }),
      },
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
