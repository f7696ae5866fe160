export * from './enums';
export * from './partial-date';
export * from './roll-up';
export * from './flags';
export * from './transitions';
export * from './labels';
export * from './colours';
export * from './canonical-json';
