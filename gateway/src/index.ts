export * from './auth/authenticateRequest.js';
export * from './auth/credentialStore.js';
export * from './authenticatedDataSource.js';
export * from './createGateway.js';
export * from './supergraph.js';
export * from './credentials.js';
