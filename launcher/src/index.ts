export * from './platformProcess.js';
export * from './seedDemo.js';
export * from './subgraphs.js';
export * from './migrations.js';
export { setRetention } from './fleetAdminCommands.js';
