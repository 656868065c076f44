import type { FastifyPluginAsync } from 'fastify';
import { DialogueHub } from '../dialogue/live.js';
import { attendRoutes } from '../dialogue/routes-attend.js';
import { reactionRoutes } from '../dialogue/routes-reactions.js';
import { sessionRoutes } from '../dialogue/routes-sessions.js';

/**
 * Dialogue sessions (issue 7): registered with prefix /api. Facilitator routes under
 * /api/analyses/:id/dialogue-sessions and /api/dialogue/sessions/…, attendee routes under
 * /api/dialogue/join and /api/dialogue/attend/:code/…, the researcher's reactions across sessions
 * under /api/studies/:id/dialogue/…. One LISTEN connection per process feeds every live stream.
 */
const dialogueRoutes: FastifyPluginAsync = async (app) => {
	const hub = new DialogueHub(app.database, app.log);
	app.addHook('preClose', async () => hub.close());
	await app.register(attendRoutes, { hub });
	await app.register(sessionRoutes, { hub });
	await app.register(reactionRoutes);
};

export default dialogueRoutes;
