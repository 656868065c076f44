/**
 * Version of the analysis pipeline stored with every saved analysis. Raise it whenever a change to
 * src/lib/qmethod or src/lib/analysis/pipeline.ts can change a number, so that a reopened version can
 * tell whether re-running it today would still give identical results.
 */
export const ENGINE_VERSION = 'standpunt-qmethod 1';
