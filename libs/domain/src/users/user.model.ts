import { Role } from '@ogp/common';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Agency } from '../agencies';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a signed-in user may do.',
  valuesMap: {
    ADMIN: { description: 'Sets up plans and users.' },
    COORDINATOR: { description: "Records progress for their agencies' commitments." },
    REVIEWER: { description: 'Verifies progress and records IRM assessments.' },
  },
});

@ObjectType({ description: 'A person who signs in.' })
export class User {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Sign-in email (lower case).' })
  email: string;

  @Field({ description: 'Name shown to others.' })
  displayName: string;

  @Field(() => [Role], { description: 'Roles.' })
  roles: Role[];

  @Field(() => [Agency], { description: 'Agencies a coordinator reports for.' })
  agencies: Agency[];

  @Field({ description: 'False once deactivated: cannot sign in.' })
  isActive: boolean;
}

@ObjectType({ description: 'A personal API token, without its secret.' })
export class ApiToken {
  @Field(() => ID, { description: 'Stable id (use it to revoke).' })
  id: string;

  @Field({ description: 'What the owner called it.' })
  name: string;

  @Field({ description: 'The first characters of the token, to tell tokens apart.' })
  tokenPrefix: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was made.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last used.' })
  lastUsedAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it was revoked; null while valid.',
  })
  revokedAt: Date | null;
}

@ObjectType({ description: 'A new API token: the secret is shown this once and never again.' })
export class CreatedApiToken {
  @Field({
    description:
      'Send it as `Authorization: Bearer <token>`. Store it now: it cannot be shown again.',
  })
  token: string;

  @Field(() => ApiToken, { description: 'The token as it will be listed.' })
  apiToken: ApiToken;
}
