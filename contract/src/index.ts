export * from './columns.js';
export * from './point.js';
export * from './csv/index.js';
export * from './inputChecks.js';
export * from './wire/pointChannel.js';
export * from './wire/alertChannels.js';
export * from './wire/apiKeyChannel.js';
export * from './wire/closeCodes.js';
