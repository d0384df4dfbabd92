export * from './collectionPoints.js';
export * from './collectionReader.js';
export * from './pccDeriver.js';
export * from './pccMeasurement.js';
