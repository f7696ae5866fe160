import { Module } from '@nestjs/common';
import { ApiTokensService } from './api-tokens.service';
import { AuthResolver } from './auth.resolver';
import { AuthenticationService } from './authentication.service';
import { SessionsService } from './sessions.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

export const USER_RESOLVERS = [AuthResolver, UsersResolver];

/** Accounts: users, sign-in sessions, API tokens and the actor of each request. */
@Module({
  providers: [
    AuthenticationService,
    SessionsService,
    ApiTokensService,
    UsersService,
    ...USER_RESOLVERS,
  ],
  exports: [AuthenticationService],
})
export class UsersModule {}
