import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { enrolFacilitated } from '../participation/facilitation.js';
import { enrol, publicStudy } from '../participation/service.js';
import { publicStudySchema } from '../../src/lib/api/types/participation.js';
import { errors, langQuery } from './common-schemas.js';

const slugParams = {
	type: 'object',
	required: ['slug'],
	properties: { slug: { type: 'string', minLength: 1, maxLength: 100 } }
} as const;

const enrolBody = {
	type: 'object',
	additionalProperties: false,
	properties: {
		facilitated: {
			type: 'boolean',
			description:
				'Enrol for an interview (facilitated mode): needs the session of an owner or co-researcher of the study.'
		}
	}
} as const;

const enrolResponse = {
	type: 'object',
	required: ['code'],
	additionalProperties: false,
	properties: { code: { type: 'string' } }
} as const;

/**
 * `POST /api/studies/by-slug/:slug/participants` creates an anonymous participant code: by self-enrolment
 * (open study that allows it), or with `{"facilitated":true}` for an interview run by a logged-in owner or
 * co-researcher of the study (any open study). `GET /api/studies/by-slug/:slug` tells the open link the study's title.
 */
const participantRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	app.get(
		'/:slug',
		{
			schema: {
				tags: ['participation'],
				summary: 'The title of a study anyone may join (the open link shows it before enrolling)',
				description: '404 NOT_FOUND for an unknown, draft or invite-only study, as for enrolling.',
				params: slugParams,
				querystring: langQuery,
				response: { 200: publicStudySchema, ...errors(400, 404) }
			}
		},
		async (request) => publicStudy(app.database.db, request.params.slug, request.query.lang)
	);

	app.post(
		'/:slug/participants',
		{
			schema: {
				tags: ['participation'],
				summary: 'Enrol in an open study with self-enrolment; returns an anonymous participant code',
				description:
					'With {"facilitated":true} the code is for an interview: this needs the session of an owner or co-researcher of the study (and the x-standpunt-csrf header); self-enrolment need not be on.',
				params: slugParams,
				body: enrolBody,
				response: { 201: enrolResponse, ...errors(400, 401, 403, 404, 409) }
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
