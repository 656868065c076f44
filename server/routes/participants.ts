import type { FastifyPluginAsync } from 'fastify';
import { enrolFacilitated } from '../participation/facilitation.js';
import { enrol, publicStudy } from '../participation/service.js';
import {
	enrolBody,
	enrolResponse,
	errorSchema,
	participationQuery,
	publicStudyResponse,
	slugParams
} from '../participation/schemas.js';

/**
 * `POST /api/studies/by-slug/:slug/participants` creates an anonymous participant code: by self-enrolment
 * (open study that allows it), or with `{"facilitated":true}` for an interview run by a logged-in owner or
 * co-researcher of the study (any open study). `GET /api/studies/by-slug/:slug` tells the open link the study's title.
 */
const participantRoutes: FastifyPluginAsync = async (app) => {
	app.get<{ Params: { slug: string }; Querystring: { lang?: 'nl' | 'en' } }>(
		'/:slug',
		{
			schema: {
				tags: ['participation'],
				summary: 'The title of a study anyone may join (the open link shows it before enrolling)',
				description: '404 NOT_FOUND for an unknown, draft or invite-only study, as for enrolling.',
				params: slugParams,
				querystring: participationQuery,
				response: { 200: publicStudyResponse, 404: errorSchema }
			}
		},
		async (request) => publicStudy(app.database.db, request.params.slug, request.query.lang)
	);

	app.post<{ Params: { slug: string }; Body: { facilitated?: boolean } | undefined }>(
		'/:slug/participants',
		{
			schema: {
				tags: ['participation'],
				summary: 'Enrol in an open study with self-enrolment; returns an anonymous participant code',
				description:
					'With {"facilitated":true} the code is for an interview: this needs the session of an owner or co-researcher of the study (and the x-standpunt-csrf header); self-enrolment need not be on.',
				params: slugParams,
				body: enrolBody,
				response: { 201: enrolResponse, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema }
			}
		},
		async (request, reply) => {
			const code =
				request.body?.facilitated === true
					? await enrolFacilitated(request, request.params.slug)
					: await enrol(app.database.db, request.params.slug);
			return reply.status(201).send({ code });
		}
	);
};

export default participantRoutes;
