import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { CreateThemeInput } from './dto/create-theme.input';
import { UpdateThemeInput } from './dto/update-theme.input';
import { Theme } from './theme.model';
import { ThemesAdminService } from './themes-admin.service';

/** Theme administration (administrators only; the service checks). */
@Resolver(() => Theme)
export class ThemesAdminResolver {
  constructor(private readonly themeAdmin: ThemesAdminService) {}

  @Mutation(() => Theme, { description: 'Adds a theme to a plan (administrators only).' })
  createTheme(
    @Context() context: RequestContext,
    @Args('input', { description: 'The new theme.' }) input: CreateThemeInput,
  ) {
    return this.themeAdmin.create(context.actor, input);
  }

  @Mutation(() => Theme, {
    description: 'Changes the given fields of a theme (administrators only).',
  })
  updateTheme(
    @Context() context: RequestContext,
    @Args('id', { type: () => ID, description: 'The theme id.' }) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateThemeInput,
  ) {
    return this.themeAdmin.update(context.actor, id, input);
  }

  @Mutation(() => Theme, {
    description:
      'Archives a theme: it leaves the public reads and keeps its history. Refused while unarchived commitments belong to it; archiving again changes nothing (administrators only).',
  })
  archiveTheme(
    @Context() context: RequestContext,
    @Args('id', { type: () => ID, description: 'The theme id.' }) id: string,
  ) {
    return this.themeAdmin.archive(context.actor, id);
  }
}
