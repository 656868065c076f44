// `npm start`: builds whatever is missing or stale (scripts/ensure-build.mjs), then runs the built server
// (dist/server.js) in this same process. One Node start instead of two shortens every restart; the server
// behaves exactly as when started with `node dist/server.js`.
import { ensureBuilt } from './ensure-build.mjs';

await ensureBuilt();
await import('../dist/server.js');
