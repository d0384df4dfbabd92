export * from './createTestEnvironment.js';
export * from './services.js';
export * from './testUsers.js';
export * from './hostFetch.js';
