export * from './AuthRejectedError.js';
export * from './ConfigError.js';
export * from './FatalError.js';
export * from './NoDataError.js';
export * from './ParseError.js';
export * from './RetryableError.js';
export * from './SpoolLockedError.js';
