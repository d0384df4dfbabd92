export * from './openSpool.js';
export { decodeRecord, encodeRecord } from './spoolRecord.js';
