export * from './platformProcess.js';
export * from './seedDemo.js';
export * from './subgraphs.js';
