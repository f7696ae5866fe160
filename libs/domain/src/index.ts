export * from './entities';
export * from './plans-read.module';
export * from './plan-files/plan-loader';
export * from './plan-files/plan-file.types';
export * from './plan-files/plan-file.problem';
export * from './plan-files/validate-plan-file';
export * from './shared/request-loaders';
export * from './dashboards/progress.queries';
