export * from './columns.js';
export * from './point.js';
export * from './csv/index.js';
export * from './inputChecks.js';
