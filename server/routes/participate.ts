import type { FastifyPluginAsync } from 'fastify';
import type { SubmissionBody } from '../../src/lib/api/participate.js';
import { guardCode, PARTICIPANT_CODES } from '../auth/code-limits.js';
import { normalizeCode } from '../participation/codes.js';
import { authorizeFacilitatedSubmission } from '../participation/facilitation.js';
import { getParticipation, saveDraft, submit } from '../participation/service.js';
import {
	codeParams,
	DRAFT_LIMIT_BYTES,
	errorSchema,
	participationQuery,
	participationResponse,
	receiptResponse,
	submissionBody
} from '../participation/schemas.js';

type Params = { code: string };

/** The participant's side of a sort, addressed by the participant code: read, save a draft, submit. */
const participateRoutes: FastifyPluginAsync = async (app) => {
	app.get<{ Params: Params; Querystring: { lang?: 'nl' | 'en' } }>(
		'/:code',
		{
			schema: {
				tags: ['participation'],
				summary: 'The study in the chosen language, the participation status and the last saved draft',
				params: codeParams,
				querystring: participationQuery,
				response: { 200: participationResponse, 404: errorSchema, 429: errorSchema }
			}
		},
		async (request, reply) =>
			guardCode(
				request,
				PARTICIPANT_CODES,
				normalizeCode(request.params.code),
				() => getParticipation(app.database.db, request.params.code, request.query.lang),
				reply
			)
	);

	app.put<{ Params: Params; Body: unknown }>(
		'/:code/draft',
		{
			bodyLimit: DRAFT_LIMIT_BYTES,
			schema: {
				tags: ['participation'],
				summary: 'Save the page state as a draft (any JSON up to 64 KB); the next GET returns it unchanged',
				params: codeParams,
				response: { 204: { type: 'null' }, 404: errorSchema, 409: errorSchema, 413: errorSchema, 429: errorSchema }
			}
		},
		async (request, reply) => {
			await guardCode(request, PARTICIPANT_CODES, normalizeCode(request.params.code), () =>
				saveDraft(app.database.db, request.params.code, request.body ?? null)
			);
			return reply.status(204).send();
		}
	);

	app.post<{ Params: Params; Body: SubmissionBody }>(
		'/:code/submission',
		{
			bodyLimit: 256 * 1024,
			schema: {
				tags: ['participation'],
				summary: 'Submit the sort; an identical retry returns the same receipt',
				description:
					'A `facilitated` block (respondent number, interviewer notes) is only accepted for a code enrolled for an interview (else 422 NOT_FACILITATED) and from an owner or co-researcher of the study (401/403); such a code needs the block (422 FACILITATED_DATA_REQUIRED).',
				params: codeParams,
				body: submissionBody,
				response: {
					200: receiptResponse,
					201: receiptResponse,
					401: errorSchema,
					403: errorSchema,
					404: errorSchema,
					409: errorSchema,
					422: errorSchema,
					429: errorSchema
				}
			}
		},
		async (request, reply) => {
			const result = await guardCode(request, PARTICIPANT_CODES, normalizeCode(request.params.code), async () => {
				if (request.body.facilitated) await authorizeFacilitatedSubmission(request, request.params.code);
				return submit(app.database.db, request.params.code, request.body);
			});
			return reply.status(result.created ? 201 : 200).send({ receipt: result.receipt });
		}
	);
};

export default participateRoutes;
