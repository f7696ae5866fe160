import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { connectionOf } from '../shared/connection';
import type { RequestContext } from '../request-context';
import { afterDescription, pageSizeDescription } from '../shared/graphql-types';
import { AgenciesService } from './agencies.service';
import { Agency } from './agency.model';

export const AgencyConnection = connectionOf(Agency, 'Agency');

@Resolver(() => Agency)
export class AgenciesResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @Query(() => AgencyConnection, {
    description:
      "Agencies of the plan's country that lead or support commitments of a plan, by name; NOT_FOUND for a plan you may not read. Without a plan: every unarchived agency (of one country, given countryCode), also those no commitment names yet (administrators only).",
  })
  agencies(
    @Context() context: RequestContext,
    @Args('planSlug', {
      type: () => String,
      nullable: true,
      description: 'The plan slug; left out: every agency (administrators only).',
    })
    planSlug: string | null | undefined,
    @Args('countryCode', {
      type: () => String,
      nullable: true,
      description:
        'Only agencies of this country (ISO 3166-1 alpha-2, e.g. "DK"); with a plan, only its own country may be given.',
    })
    countryCode: string | null | undefined,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription })
    first?: number,
    @Args('after', { type: () => String, nullable: true, description: afterDescription })
    after?: string,
  ) {
    return this.agencyService.list(context.actor, planSlug, { first, after }, countryCode);
  }

  @ResolveField(() => Agency, {
    nullable: true,
    description: 'The body it sits under (a ministry), if any.',
  })
  parent(@Parent() agency: Agency, @Context() context: RequestContext) {
    return agency.parentId ? context.loaders.agencyById.load(agency.parentId) : null;
  }
}
