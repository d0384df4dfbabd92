export * from './Transport.js';
export * from './transports.js';
export { createChannelTransport } from './channelTransport.js';
export { toPointInput } from './trickleTransport.js';
