import type { GraphQLSchema } from 'graphql';

/** Code-first schemas leave the root types undescribed; every public type has a description here. */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query && !query.description) {
    query.description =
      'Public reads: action plans, their themes, commitments, milestones, agencies and progress dashboards.';
  }
  const mutation = schema.getMutationType();
  if (mutation && !mutation.description) mutation.description = 'Changes, for signed-in users.';
  const subscription = schema.getSubscriptionType();
  if (subscription && !subscription.description) subscription.description = 'Live events.';
  return schema;
}
