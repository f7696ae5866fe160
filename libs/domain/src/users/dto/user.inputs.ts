import { Role } from '@ogp/common';
import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in email; unique, case does not matter.' })
  email: string;

  @Field({ description: 'Name shown to others (never the email).' })
  displayName: string;

  @Field({ description: 'First password, 12 to 128 characters.' })
  password: string;

  @Field(() => [Role], { description: 'At least one role.' })
  roles: Role[];

  @Field(() => [String], { nullable: true, description: 'Agency slugs a coordinator reports for.' })
  agencySlugs?: string[] | null;
}
