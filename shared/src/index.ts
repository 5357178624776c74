export * from './vocabulary';
export * from './status';
export * from './progress';
export * from './indicator';
export * from './schemas';
export * from './dates';
export * from './permissions';
export * from './labels';
