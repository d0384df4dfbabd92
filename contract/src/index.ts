export * from './columns.js';
export * from './point.js';
