import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { guardCode, PARTICIPANT_CODES } from '../auth/code-limits.js';
import { normalizeCode } from '../participation/codes.js';
import { authorizeFacilitatedSubmission } from '../participation/facilitation.js';
import { getParticipation, saveDraft, submit } from '../participation/service.js';
import { errors, langQuery, noContent } from './common-schemas.js';
import {
	participationSchema,
	submissionBodySchema,
	submissionReceiptSchema
} from '../../src/lib/api/types/participation.js';
import { codeParams, DRAFT_LIMIT_BYTES, draftBody } from './participate.schemas.js';

/** The participant's side of a sort, addressed by the participant code: read, save a draft, submit. */
const participateRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	app.get(
		'/:code',
		{
			schema: {
				tags: ['participation'],
				summary: 'The study in the chosen language, the participation status and the last saved draft',
				params: codeParams,
				querystring: langQuery,
				response: { 200: participationSchema, ...errors(400, 404, 429) }
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

	app.put(
		'/:code/draft',
		{
			bodyLimit: DRAFT_LIMIT_BYTES,
			schema: {
				tags: ['participation'],
				summary: 'Save the page state as a draft (any JSON up to 64 KB); the next GET returns it unchanged',
				params: codeParams,
				body: draftBody,
				response: { 204: noContent, ...errors(400, 404, 409, 413, 429) }
			}
		},
		async (request, reply) => {
			await guardCode(request, PARTICIPANT_CODES, normalizeCode(request.params.code), () =>
				saveDraft(app.database.db, request.params.code, request.body ?? null)
			);
			return reply.status(204).send();
		}
	);

	app.post(
		'/:code/submission',
		{
			bodyLimit: 256 * 1024,
			schema: {
				tags: ['participation'],
				summary: 'Submit the sort; an identical retry returns the same receipt',
				description:
					'A `facilitated` block (respondent number, interviewer notes) is only accepted for a code enrolled for an interview (else 422 NOT_FACILITATED) and from an owner or co-researcher of the study (401/403); such a code needs the block (422 FACILITATED_DATA_REQUIRED).',
				params: codeParams,
				body: submissionBodySchema,
				response: {
					200: submissionReceiptSchema,
					201: submissionReceiptSchema,
					...errors(400, 401, 403, 404, 409, 422, 429)
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
