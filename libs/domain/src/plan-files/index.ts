// The public face of the plan-files context: what other contexts may use. Its resolvers and Nest modules are
// not here: the composition files at the root of @ogp/domain wire them. The order matters where indexes
// import each other: entities and the services that reach no other context come first, so an injected
// service is on this index before an import cycle can come back for it.
export * from './plan-file.types';
export * from './plan-file.problem';
export * from './plan-file-chain';
export * from './plan-file-values';
export * from './plan-loader';
export * from './source-cache';
export * from './validate-plan-file';
export * from './plan-import.service';
export { default as planFileSchema } from './plan-file.schema.json';
