/**
 * Version of the analysis engine, stored with every saved analysis. Raise it whenever a change to
 * src/lib/qmethod (or to the adapter src/lib/analysis/pipeline.ts) can change a number, so that a
 * reopened version can tell whether re-running it today would still give identical results.
 */
export const ENGINE_VERSION = 'standpunt-qmethod 1';
