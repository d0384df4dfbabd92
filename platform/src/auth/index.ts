export * from './identity.js';
export * from './internalIdentity.js';
export * from './jwt.js';
export * from './apiKey.js';
export * from './revocation.js';
export * from './importedApiKey.js';
