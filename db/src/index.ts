export * from './schema';
export * from './connection';
