import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@ogp/core';

@Resolver()
export class ReportsResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Query(() => String, {
    description:
      'The URI of the licence of the plan data (every export, the feed and the catalogue state it too), e.g. "https://creativecommons.org/licenses/by/4.0/"; the deployment sets it.',
  })
  dataLicence(): string {
    return this.config.dataLicence;
  }
}
