import type { FastifyPluginAsync } from 'fastify';
import { enrol } from '../participation/service.js';
import { enrolBody, enrolResponse, errorSchema, slugParams } from '../participation/schemas.js';

/** Self-enrolment: `POST /api/studies/by-slug/:slug/participants` creates an anonymous participant code. */
const participantRoutes: FastifyPluginAsync = async (app) => {
	app.post<{ Params: { slug: string }; Body: { facilitated?: boolean } | undefined }>(
		'/:slug/participants',
		{
			schema: {
				tags: ['participation'],
				summary: 'Enrol in an open study with self-enrolment; returns an anonymous participant code',
				params: slugParams,
				body: enrolBody,
				response: { 201: enrolResponse, 404: errorSchema, 409: errorSchema }
			}
		},
		async (request, reply) => {
			const code = await enrol(app.database.db, request.params.slug, { facilitated: request.body?.facilitated === true });
			return reply.status(201).send({ code });
		}
	);
};

export default participantRoutes;
