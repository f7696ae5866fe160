// The public face of the milestones context: what other contexts may use. Its resolvers and Nest modules are
// not here: the composition files at the root of @ogp/domain wire them. The order matters where indexes
// import each other: entities and the services that reach no other context come first, so an injected
// service is on this index before an import cycle can come back for it.
export * from './milestone.entity';
export * from './milestones-admin.service';
export * from './milestone.model';
export * from './dto/create-milestone.input';
export * from './dto/update-milestone.input';
export * from './milestone.filter';
export * from './milestone.mapper';
export * from './milestone-weight.check';
export * from './milestone-state.sql';
export * from './milestone-state.reader';
export * from './milestone.loaders';
export * from './milestones.service';
