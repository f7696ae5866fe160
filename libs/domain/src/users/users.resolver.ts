import { Role } from '@ogp/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { CreateUserInput } from './dto/user.inputs';
import { User } from './user.model';
import { UsersService } from './users.service';

/** User administration (administrators only; the services check). */
@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly userService: UsersService) {}

  @Query(() => [User], { description: 'Every user (administrators only).' })
  users(@Context() context: RequestContext) {
    return this.userService.list(context.actor);
  }

  @Mutation(() => User, { description: 'Makes a user (administrators only).' })
  createUser(
    @Context() context: RequestContext,
    @Args('input', { description: 'The new user.' }) input: CreateUserInput,
  ) {
    return this.userService.create(context.actor, {
      ...input,
      agencySlugs: input.agencySlugs ?? [],
    });
  }

  @Mutation(() => User, {
    description:
      "Replaces a user's roles and, for coordinators, their agencies (administrators only).",
  })
  setUserRoles(
    @Context() context: RequestContext,
    @Args('userId', { type: () => ID, description: 'The user.' }) userId: string,
    @Args('roles', { type: () => [Role], description: 'All the roles the user is to have.' })
    roles: Role[],
    @Args('agencySlugs', {
      type: () => [String],
      nullable: true,
      description: 'Agencies, for coordinators.',
    })
    agencySlugs: string[] | null,
  ) {
    return this.userService.setRoles(context.actor, userId, roles, agencySlugs ?? []);
  }

  @Mutation(() => User, {
    description:
      'Stops a user signing in and ends their sessions and API tokens; their history stays.',
  })
  deactivateUser(
    @Context() context: RequestContext,
    @Args('userId', { type: () => ID, description: 'The user.' }) userId: string,
  ) {
    return this.userService.deactivate(context.actor, userId);
  }
}
