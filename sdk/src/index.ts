export * from './client.js';
export * from './generated/graphql.js';
export * from './upload.js';
export * from './operationNames.js';
export * from './closeCodes.js';
