import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../request-context';
import { AgenciesAdminService } from './agencies-admin.service';
import { Agency } from './agency.model';
import { CreateAgencyInput } from './dto/create-agency.input';
import { UpdateAgencyInput } from './dto/update-agency.input';

/** Agency administration (administrators only; the service checks). */
@Resolver(() => Agency)
export class AgenciesAdminResolver {
  constructor(private readonly agencyAdmin: AgenciesAdminService) {}

  @Mutation(() => Agency, { description: 'Creates an agency (administrators only).' })
  createAgency(
    @Context() context: RequestContext,
    @Args('input', { description: 'The new agency.' }) input: CreateAgencyInput,
  ) {
    return this.agencyAdmin.create(context.actor, input);
  }

  @Mutation(() => Agency, {
    description: 'Changes the given fields of an agency (administrators only).',
  })
  updateAgency(
    @Context() context: RequestContext,
    @Args('slug', { description: 'The agency slug.' }) slug: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateAgencyInput,
  ) {
    return this.agencyAdmin.update(context.actor, slug, input);
  }

  @Mutation(() => Agency, {
    description:
      'Archives an agency: it leaves the public reads and keeps its history. Refused while it leads an unarchived commitment of an unarchived plan; archiving again changes nothing (administrators only).',
  })
  archiveAgency(
    @Context() context: RequestContext,
    @Args('slug', { description: 'The agency slug.' }) slug: string,
  ) {
    return this.agencyAdmin.archive(context.actor, slug);
  }
}
