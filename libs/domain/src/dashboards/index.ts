// The public face of the dashboards context: what other contexts may use. Its resolvers and Nest modules are
// not here: the composition files at the root of @ogp/domain wire them. The order matters where indexes
// import each other: entities and the services that reach no other context come first, so an injected
// service is on this index before an import cycle can come back for it.
export * from './dashboard.model';
export * from './progress.model';
export * from './progress-headlines';
export * from './progress.queries';
export * from './progress.loaders';
export * from './dashboards.service';
