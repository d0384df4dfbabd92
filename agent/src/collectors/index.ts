// Importing a collector registers it into `defaultRegistry` (node_exporter's init()).
export * from './stat.js';
export * from './meminfo.js';
export * from './diskstats.js';
export * from './netdev.js';
export * from './loadavg.js';
export * from './registry.js';
export * from './deviceFilter.js';
export { readProcFile } from './readProcFile.js';
export { parseReading } from './parseReading.js';
