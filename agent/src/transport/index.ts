export * from './Transport.js';
export * from './transports.js';
