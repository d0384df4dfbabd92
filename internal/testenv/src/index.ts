export * from './createTestEnvironment.js';
export * from './services.js';
export * from './testUsers.js';
export * from './hostFetch.js';
export * from './liveClient.js';
export * from './replicas.js';
export * from './redisServer.js';
export * from './postgresServer.js';
