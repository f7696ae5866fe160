// The public face of the status-updates context: what other contexts may use. Its resolvers and Nest modules are
// not here: the composition files at the root of @ogp/domain wire them. The order matters where indexes
// import each other: entities and the services that reach no other context come first, so an injected
// service is on this index before an import cycle can come back for it.
export * from './status-update.entity';
export * from './audit-entry.model';
export * from './status-update.model';
export * from './record-milestone-update.payload';
export * from './dto/record-milestone-update.input';
export * from './status-update.mapper';
export * from './record-milestone-update.checks';
export * from './status-update.loaders';
export * from './audit-log.service';
export * from './milestone-updates.service';
export * from './audit-chain';
export * from './audit-hash';
export * from './milestone-target';
