import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { LocaleArg } from '../shared/locale.arg';
import { AS_OF_DESCRIPTION, parseAsOf } from '../shared/as-of';
import type { RequestContext } from '../request-context';
import { Dashboard } from './dashboard.model';
import { DashboardsService } from './dashboards.service';

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
}
