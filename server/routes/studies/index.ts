import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { requireResearcherHook } from '../../auth/guard.js';
import dataRoutes from './data.js';
import designRoutes from './design.js';
import gridAndQuestionRoutes from './grid-questions.js';
import peopleRoutes from './people.js';
import resultRoutes from './results.js';
import statementRoutes from './statements.js';

/**
 * The researcher API under /api/studies. Every route needs a researcher session (401 without one) and,
 * when it changes state, the CSRF header (403); the study's role decides the rest (studyAccess).
 */
const studyRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	// onRequest: a request without a session gets 401 before its body is even parsed or validated.
	app.addHook('onRequest', requireResearcherHook);
	await app.register(designRoutes);
	await app.register(statementRoutes);
	await app.register(gridAndQuestionRoutes);
	await app.register(peopleRoutes);
	await app.register(resultRoutes);
	await app.register(dataRoutes);
};

export default studyRoutes;
