// The public face of the themes context: what other contexts may use. Its resolvers and Nest modules are
// not here: the composition files at the root of @ogp/domain wire them. The order matters where indexes
// import each other: entities and the services that reach no other context come first, so an injected
// service is on this index before an import cycle can come back for it.
export * from './theme.entity';
export * from './themes-admin.service';
export * from './theme.model';
export * from './dto/create-theme.input';
export * from './dto/update-theme.input';
export * from './theme.mapper';
export * from './theme.loaders';
