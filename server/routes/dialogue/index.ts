import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { DialogueHub } from '../../dialogue/live.js';
import { attendRoutes } from './attend.js';
import { reactionRoutes } from './reactions.js';
import { sessionRoutes } from './sessions.js';

/**
 * Dialogue sessions (issue 7): registered with prefix /api. Facilitator routes under
 * /api/analyses/:id/dialogue-sessions and /api/dialogue/sessions/… (sessions.ts), attendee routes under
 * /api/dialogue/join and /api/dialogue/attend/:code/… (attend.ts), the researcher's reactions across
 * sessions under /api/studies/:id/dialogue/… (reactions.ts). The rules and queries live in server/dialogue/.
 * One LISTEN connection per process feeds every live stream.
 */
const dialogueRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const hub = new DialogueHub(app.database, app.log);
	app.addHook('preClose', async () => hub.close());
	await app.register(attendRoutes, { hub });
	await app.register(sessionRoutes, { hub });
	await app.register(reactionRoutes);
};

export default dialogueRoutes;
