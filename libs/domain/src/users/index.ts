// The public face of the users context: what other contexts may use. Its resolvers and Nest modules are
// not here: the composition files at the root of @ogp/domain wire them. The order matters where indexes
// import each other: entities and the services that reach no other context come first, so an injected
// service is on this index before an import cycle can come back for it.
export * from './api-token.entity';
export * from './login-throttle.entity';
export * from './session.entity';
export * from './user.entity';
export * from './api-tokens.service';
export * from './authentication.service';
export * from './sessions.service';
export * from './user.model';
export * from './dto/user.inputs';
export * from './users.service';
export * from './login-throttle';
export * from './passwords';
export * from './secret-tokens';
