import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { ApiTokensService } from './api-tokens.service';
import { SESSION_COOKIE } from './authentication.service';
import { SessionsService } from './sessions.service';
import { ApiToken, CreatedApiToken, User } from './user.model';
import { UsersService } from './users.service';

/** Signing in and out, the signed-in user, and their personal API tokens. */
@Resolver()
export class AuthResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly apiTokenService: ApiTokensService,
  ) {}

  @Mutation(() => User, {
    description:
      'Signs in: sets an HttpOnly session cookie. A wrong email or password answers UNAUTHENTICATED. After 5 failures for an account from one address, or 50 from one address, each further attempt from there must wait, twice as long after each failure (up to 15 minutes): UNAUTHENTICATED with extensions.retryAfterSeconds. An email that is not an email address, or an empty password, answers BAD_USER_INPUT (and counts as a failure).',
  })
  async login(
    @Context() context: RequestContext,
    @Args('email', { description: 'Sign-in email.' }) email: string,
    @Args('password', { description: 'Password.' }) password: string,
  ) {
    const signIn = await this.sessions.login(email, password, {
      ip: context.req.ip ?? null,
      userAgent: context.req.headers['user-agent'] ?? null,
    });
    context.res.cookie(SESSION_COOKIE, signIn.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: context.req.secure,
      path: '/',
      expires: signIn.expiresAt,
    });
    return this.users.profile(signIn.userId);
  }

  @Mutation(() => Boolean, { description: 'Signs out: ends the session of this browser.' })
  async logout(@Context() context: RequestContext) {
    const ended = await this.sessions.logout(context.actor);
    context.res.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: 'lax',
      secure: context.req.secure,
      path: '/',
    });
    return ended;
  }

  @Query(() => User, {
    nullable: true,
    description: 'The signed-in user with roles and agencies; null when anonymous.',
  })
  me(@Context() context: RequestContext) {
    return this.users.me(context.actor);
  }

  @Query(() => [ApiToken], { description: 'Your personal API tokens (without their secrets).' })
  apiTokens(@Context() context: RequestContext) {
    return this.apiTokenService.list(context.actor);
  }

  @Mutation(() => CreatedApiToken, {
    description:
      'Makes a personal API token for scripts. The secret is in the answer this once only.',
  })
  createApiToken(
    @Context() context: RequestContext,
    @Args('name', { description: 'What the token is for, e.g. "agency reporting script".' })
    name: string,
  ) {
    return this.apiTokenService.create(context.actor, name);
  }

  @Mutation(() => ApiToken, { description: 'Revokes one of your API tokens at once.' })
  revokeApiToken(
    @Context() context: RequestContext,
    @Args('id', { type: () => ID, description: 'The token id.' }) id: string,
  ) {
    return this.apiTokenService.revoke(context.actor, id);
  }
}
