// The built entry files a user runs (`npm start`, `node dist/cli.js`); tests/helpers/server-build.ts builds them.
export const SERVER_ENTRY = 'dist/server.js';
export const CLI_ENTRY = 'dist/cli.js';
