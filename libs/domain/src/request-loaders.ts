import type { MilestoneStatus } from '@ogp/common';
import { ANONYMOUS, type Actor } from '@ogp/core';
import type { DataSource } from 'typeorm';
import { agencyLoaders, type AgencyLoaders } from './agencies';
import { assessmentLoaders, type AssessmentLoaders } from './assessments';
import { commitmentLoaders, type CommitmentLoaders } from './commitments';
import { progressLoaders, type ProgressLoaders } from './dashboards';
import { milestoneLoaders, type MilestoneLoaders } from './milestones';
import { planLoaders, type PlanLoaders } from './plans';
import type { LoaderScope } from './shared/loader-kit';
import { ReadScope } from './shared/read-scope';
import { statusUpdateLoaders, type StatusUpdateLoaders } from './status-updates';
import { themeLoaders, type ThemeLoaders } from './themes';

/** Every context's loaders, as one object a resolver reaches through `ctx.loaders`. */
// The class below fills these in its constructor (Object.assign of each context's loaders).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface RequestLoaders
  extends
    PlanLoaders,
    ThemeLoaders,
    AgencyLoaders,
    CommitmentLoaders,
    MilestoneLoaders,
    StatusUpdateLoaders,
    AssessmentLoaders,
    ProgressLoaders {}

/**
 * Made anew for every GraphQL request: each edge of the graph is one batched query per request, however many
 * parents ask for it, and nothing is cached across requests (or users). Every loader answers only what the
 * actor may read: plans (and what is in them) they may not see are missing, as if they did not exist, and
 * milestones show the progress they may see. Each context makes its own loaders (`<context>.loaders.ts`);
 * this composes them.
 *
 * Progress is read as of one date: now for the loaders of the context, and `at(asOf)` gives the request's
 * loaders for another day (made once per request and date, so batching holds for each). What they return
 * carries that asOf, so its fields ask `at(parent.asOf)` and the whole subtree answers as of the same day.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class RequestLoaders {
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
    this.byDate = current?.byDate ?? new Map();
    const scope: LoaderScope = { db, scope: ReadScope.of(actor), asOf, on: asOf ?? today };
    Object.assign(
      this,
      planLoaders(scope),
      themeLoaders(scope),
      agencyLoaders(scope),
      commitmentLoaders(scope),
      milestoneLoaders(scope),
      statusUpdateLoaders(scope),
      assessmentLoaders(scope),
      progressLoaders(scope),
    );
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

  /** Milestone statuses per commitment, for the roll-up formula in words. */
  milestoneStatuses(
    commitmentId: string,
  ): Promise<{ status: MilestoneStatus | null; progressPercent: number | null; weight: number }[]> {
    return this.milestonesByCommitmentId.load(commitmentId);
  }
}
