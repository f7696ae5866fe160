// The public face of the plans context: what other contexts may use. Its resolvers and Nest modules are
// not here: the composition files at the root of @ogp/domain wire them. The order matters where indexes
// import each other: entities and the services that reach no other context come first, so an injected
// service is on this index before an import cycle can come back for it.
export * from './action-plan.entity';
export * from './plans.service';
export * from './plan-keys';
export * from './action-plan.model';
export * from './plan-activity.model';
export * from './dto/create-action-plan.input';
export * from './dto/update-action-plan.input';
export * from './action-plan.mapper';
export * from './plan.loaders';
export * from './plans-admin.service';
export * from './subscription-rights';
