import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Commitment } from '../commitments';
import { Progress, emptyProgress } from '../dashboards';
import type { RequestContext } from '../request-context';
import { SourceModel } from '../shared/graphql-types';
import { Theme } from './theme.model';

@Resolver(() => Theme)
export class ThemeFieldsResolver {
  @ResolveField(() => [Commitment], { description: 'Commitments of the theme in plan order.' })
  commitments(@Parent() theme: Theme, @Context() context: RequestContext) {
    return context.loaders.at(theme.asOf).commitmentsByThemeId.load(theme.id);
  }

  @ResolveField(() => Progress, {
    description: "The theme roll-up: mean of its commitments' percents.",
  })
  async progress(@Parent() theme: Theme, @Context() context: RequestContext) {
    return (await context.loaders.at(theme.asOf).themeProgress.load(theme.id)) ?? emptyProgress();
  }

  @ResolveField(() => [SourceModel], { description: 'Sources for the theme.' })
  sources(@Parent() theme: Theme, @Context() context: RequestContext) {
    return context.loaders.themeSources.load(theme.id);
  }
}
