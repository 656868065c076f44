export * from './types.js';
export * from './reducer.js';
export * from './selectors.js';
