import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LocaleArg } from '../shared/locale.arg';
import { AS_OF_DESCRIPTION, parseAsOf } from '../shared/as-of';
import type { RequestContext } from '../request-context';
import { Dashboard } from './dashboard.model';
import { DashboardsService, type DashboardSource } from './dashboards.service';

/** The dashboard, section by section: a query pays only for the fields it asks for. */
@Resolver(() => Dashboard)
export class DashboardsResolver {
  constructor(private readonly dashboards: DashboardsService) {}

  @Query(() => Dashboard, {
    description:
      "A plan's progress at a glance, from the status updates you may see; NOT_FOUND for an unknown slug or a plan you may not read.",
  })
  dashboard(
    @Context() context: RequestContext,
    @Args('planSlug', { description: 'The plan slug.' }) planSlug: string,
    @Args('locale', {
      type: () => LocaleArg,
      defaultValue: LocaleArg.da,
      description: 'Language of the texts.',
    })
    locale: LocaleArg,
    @Args('asOf', { type: () => String, nullable: true, description: AS_OF_DESCRIPTION })
    asOf?: string | null,
  ) {
    return this.dashboards.dashboard(
      context.actor,
      planSlug,
      locale,
      context.loaders.today,
      parseAsOf(asOf, context.loaders.today),
    );
  }

  @ResolveField()
  overall(@Parent() d: DashboardSource, @Context() context: RequestContext) {
    return this.dashboards.overall(d, context.loaders);
  }

  @ResolveField()
  byTheme(@Parent() d: DashboardSource, @Context() context: RequestContext) {
    return this.dashboards.byTheme(d, context.loaders);
  }

  @ResolveField()
  byAgency(@Parent() d: DashboardSource, @Context() context: RequestContext) {
    return this.dashboards.byAgency(d, context.loaders);
  }

  @ResolveField()
  statusDistribution(@Parent() d: DashboardSource, @Context() context: RequestContext) {
    return this.dashboards.statusDistribution(d, context.loaders);
  }

  @ResolveField()
  timeline(@Parent() d: DashboardSource, @Context() context: RequestContext) {
    return this.dashboards.timeline(d, context.loaders);
  }

  @ResolveField()
  undatedCompletions(@Parent() d: DashboardSource, @Context() context: RequestContext) {
    return this.dashboards.undatedCompletions(d, context.loaders);
  }

  @ResolveField()
  overdue(@Parent() d: DashboardSource) {
    return this.dashboards.overdue(d);
  }

  @ResolveField()
  rules(@Parent() d: DashboardSource) {
    return this.dashboards.rules(d);
  }
}
