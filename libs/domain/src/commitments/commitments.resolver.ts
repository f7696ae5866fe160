import { AgencyRole, describeCommitmentProgress } from '@ogp/common';
import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Agency } from '../agencies';
import { Assessment } from '../assessments';
import { Progress } from '../dashboards';
import { Milestone } from '../milestones';
import { ActionPlan } from '../plans';
import { AS_OF_DESCRIPTION, parseAsOf } from '../shared/as-of';
import type { RequestContext } from '../request-context';
import { CommitmentFilter } from './commitment.filter';
import {
  LocalizedText,
  SourceModel,
  afterDescription,
  pageSizeDescription,
} from '../shared/graphql-types';
import { Theme } from '../themes';
import { Commitment, CommitmentConnection } from './commitment.model';
import { CommitmentsService } from './commitments.service';
import { LocaleArg } from '../shared/locale.arg';

@Resolver(() => Commitment)
export class CommitmentsResolver {
  constructor(private readonly commitments: CommitmentsService) {}

  @Query(() => Commitment, {
    description:
      'One commitment by its OGP id; NOT_FOUND when there is none or it is in a plan you may not read.',
  })
  commitment(
    @Context() context: RequestContext,
    @Args('ogpId', { description: "OGP's id, e.g. DK0052." }) ogpId: string,
    @Args('asOf', { type: () => String, nullable: true, description: AS_OF_DESCRIPTION })
    asOf?: string | null,
  ) {
    return this.commitments.byOgpId(context.actor, ogpId, parseAsOf(asOf, context.loaders.today));
  }

  @Query(() => CommitmentConnection, {
    name: 'commitments',
    description:
      'Commitments of a plan, in plan order; NOT_FOUND for a plan you may not read. Progress filters see the progress you may see.',
  })
  commitmentList(
    @Context() context: RequestContext,
    @Args('planSlug', { description: 'The plan slug.' }) planSlug: string,
    @Args('filter', { type: () => CommitmentFilter, nullable: true, description: 'Conditions.' })
    filter?: CommitmentFilter,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription })
    first?: number,
    @Args('after', { type: () => String, nullable: true, description: afterDescription })
    after?: string,
    @Args('asOf', { type: () => String, nullable: true, description: AS_OF_DESCRIPTION })
    asOf?: string | null,
  ) {
    return this.commitments.list(
      context.actor,
      planSlug,
      filter,
      { first, after },
      context.loaders.today,
      parseAsOf(asOf, context.loaders.today),
    );
  }

  @ResolveField(() => ActionPlan, { description: 'The plan.' })
  actionPlan(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    return context.loaders.at(commitment.asOf).planById.load(commitment.actionPlanId);
  }

  @ResolveField(() => Theme, { description: 'The theme.' })
  theme(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    return context.loaders.at(commitment.asOf).themeById.load(commitment.themeId);
  }

  @ResolveField(() => Agency, { description: 'The lead agency (exactly one).' })
  async leadAgency(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    const links = await context.loaders.agenciesByCommitmentId.load(commitment.id);
    return links.find((link) => link.role === AgencyRole.LEAD)?.agency;
  }

  @ResolveField(() => [Agency], { description: 'Supporting agencies.' })
  async supportingAgencies(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    const links = await context.loaders.agenciesByCommitmentId.load(commitment.id);
    return links.filter((link) => link.role === AgencyRole.SUPPORTING).map((link) => link.agency);
  }

  @ResolveField(() => [LocalizedText], {
    description: 'Named stakeholders that are not agencies of the plan.',
  })
  otherStakeholders(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    return context.loaders.stakeholdersByCommitmentId.load(commitment.id);
  }

  @ResolveField(() => [Milestone], {
    description: 'Milestones in order, with the progress you may see.',
  })
  milestones(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    return context.loaders.at(commitment.asOf).milestonesByCommitmentId.load(commitment.id);
  }

  @ResolveField(() => Progress, {
    description:
      'Computed progress (the roll-up of its milestones), from the status updates you may see.',
  })
  progress(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    return context.loaders.at(commitment.asOf).commitmentProgress.load(commitment.id);
  }

  @ResolveField(() => String, {
    description: "The roll-up formula filled with this commitment's numbers.",
  })
  async progressFormula(
    @Parent() commitment: Commitment,
    @Context() context: RequestContext,
    @Args('locale', { type: () => LocaleArg, defaultValue: LocaleArg.da, description: 'Language.' })
    locale: LocaleArg,
  ) {
    const milestones = await context.loaders
      .at(commitment.asOf)
      .milestonesByCommitmentId.load(commitment.id);
    return describeCommitmentProgress(milestones, locale);
  }

  @ResolveField(() => [Assessment], {
    description: 'IRM and self-assessments, oldest first (read as of a date: those dated by then).',
  })
  assessments(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    return context.loaders.at(commitment.asOf).assessmentsByCommitmentId.load(commitment.id);
  }

  @ResolveField(() => [SourceModel], { description: 'Sources for the commitment.' })
  sources(@Parent() commitment: Commitment, @Context() context: RequestContext) {
    return context.loaders.commitmentSources.load(commitment.id);
  }
}
