// The public face of the commitments context: what other contexts may use. Its resolvers and Nest modules are
// not here: the composition files at the root of @ogp/domain wire them. The order matters where indexes
// import each other: entities and the services that reach no other context come first, so an injected
// service is on this index before an import cycle can come back for it.
export * from './commitment-agency.entity';
export * from './commitment-stakeholder.entity';
export * from './commitment.entity';
export * from './commitment-keys';
export * from './commitment.model';
export * from './dto/create-commitment.input';
export * from './dto/update-commitment.input';
export * from './commitment-list.filter';
export * from './commitment.filter';
export * from './commitment.mapper';
export * from './commitment.loaders';
export * from './commitments.service';
export * from './commitments-admin.service';
