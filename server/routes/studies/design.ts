import type { FastifyPluginAsync } from 'fastify';
import { researcherOf } from '../../auth/guard.js';
import type { StudyStatus } from '../../db/schema.js';
import { changeStatus, createStudy, deleteStudy, getStudyDetail, listStudies, updateStudy, type NewStudyInput, type StudyPatch } from '../../studies/studies.js';
import { studyAccess } from './context.js';
import { csrfHeaders, errors, gridColumn, idParams, statementInput, studyDetailSchema, studySummarySchema, textInput } from './schemas.js';

const SLUG = { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$', description: 'lower-case letters, digits and dashes' } as const;
const LANGUAGES = { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true, items: { enum: ['nl', 'en'] } } as const;

const studyFields = {
	title: textInput,
	slug: SLUG,
	languages: LANGUAGES,
	selfEnrolment: { type: 'boolean' },
	gridForced: { type: 'boolean', description: 'forced distribution (default true)' },
	consent: textInput,
	instructions: textInput,
	thankYou: textInput
} as const;

const studyResponse = { type: 'object', required: ['study'], properties: { study: studyDetailSchema } } as const;

const designRoutes: FastifyPluginAsync = async (app) => {
	const db = app.database.db;

	app.post<{ Body: NewStudyInput }>(
		'/',
		{
			schema: {
				summary: 'Create a study (the caller becomes its owner)',
				tags: ['studies'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['title', 'slug', 'languages'],
					additionalProperties: false,
					properties: {
						...studyFields,
						statements: { type: 'array', maxItems: 1000, items: statementInput },
						grid: { type: 'array', maxItems: 20, items: gridColumn }
					}
				},
				response: {
					201: { type: 'object', required: ['id', 'slug'], properties: { id: { type: 'string' }, slug: { type: 'string' } } },
					...errors(400, 401, 403, 409, 422)
				}
			}
		},
		async (request, reply) => reply.status(201).send(await createStudy(db, researcherOf(request).id, request.body))
	);

	app.get(
		'/',
		{
			schema: {
				summary: "The caller's studies (any role), newest first",
				tags: ['studies'],
				response: { 200: { type: 'object', required: ['studies'], properties: { studies: { type: 'array', items: studySummarySchema } } }, ...errors(401) }
			}
		},
		async (request) => ({ studies: await listStudies(db, researcherOf(request).id) })
	);

	app.get<{ Params: { id: string } }>(
		'/:id',
		{
			schema: {
				summary: 'The whole design of a study, with what still stops it from opening',
				tags: ['studies'],
				params: idParams,
				response: { 200: studyResponse, ...errors(401, 404) }
			}
		},
		async (request) => {
			const { study, role } = await studyAccess(request, 'read');
			return { study: await getStudyDetail(db, study, role) };
		}
	);

	app.patch<{ Params: { id: string }; Body: StudyPatch }>(
		'/:id',
		{
			schema: {
				summary: 'Change title, slug, languages, texts, self-enrolment or forced/free',
				tags: ['studies'],
				params: idParams,
				headers: csrfHeaders,
				body: { type: 'object', additionalProperties: false, minProperties: 1, properties: studyFields },
				response: { 200: studyResponse, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request) => {
			const { study, role } = await studyAccess(request, 'edit');
			await updateStudy(db, study, request.body);
			const fresh = await studyAccess(request, 'read');
			return { study: await getStudyDetail(db, fresh.study, role) };
		}
	);

	app.delete<{ Params: { id: string } }>(
		'/:id',
		{
			schema: {
				summary: 'Delete a study and all its data (owners only)',
				tags: ['studies'],
				params: idParams,
				headers: csrfHeaders,
				response: { 204: { type: 'null' }, ...errors(401, 403, 404) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'own');
			await deleteStudy(db, study.id);
			return reply.status(204).send();
		}
	);

	app.post<{ Params: { id: string }; Body: { status: Exclude<StudyStatus, 'draft'> } }>(
		'/:id/status',
		{
			schema: {
				summary: 'Open or close a study (draft → open → closed; closed → open). Opening checks the design.',
				tags: ['studies'],
				params: idParams,
				headers: csrfHeaders,
				body: { type: 'object', required: ['status'], additionalProperties: false, properties: { status: { enum: ['open', 'closed'] } } },
				response: { 200: { type: 'object', required: ['status'], properties: { status: { enum: ['draft', 'open', 'closed'] } } }, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request) => {
			const { study, role } = await studyAccess(request, 'edit');
			return { status: await changeStatus(db, study, role, request.body.status) };
		}
	);
};

export default designRoutes;
