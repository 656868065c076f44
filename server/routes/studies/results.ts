import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { auditRequest } from '../../audit/actor.js';
import { researcherOf } from '../../auth/guard.js';
import {
	deleteSort,
	listSorts,
	listWithdrawals,
	setExclusion,
	studyStats,
	withdrawByReceipt
} from '../../studies/monitoring.js';
import { addManualSort, type ManualSortInput } from '../../studies/sorts.js';
import { idParam, studyAccess } from './context.js';
import { csrfHeaders, errors, idParams, noContent } from '../common-schemas.js';
import { withdrawnSchema } from '../../../src/lib/api/types/study-actions.js';
import { sortSchema, studyStatsSchema, withdrawalSchema } from '../../../src/lib/api/types/studies.js';

const sortParams = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'sortId'],
	properties: { id: { type: 'string' }, sortId: { type: 'string' } }
} as const;
const sortResponse = {
	type: 'object',
	required: ['sort'],
	additionalProperties: false,
	properties: { sort: sortSchema }
} as const;
const sortId = (value: string) => idParam(value, 'SORT_NOT_FOUND', 'sort');

const resultRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;

	app.get(
		'/:id/stats',
		{
			schema: {
				params: idParams,
				summary: 'Invited / started / submitted counts, median completion time, completions per day',
				tags: ['monitoring'],
				response: { 200: studyStatsSchema, ...errors(401, 404) }
			}
		},
		async (request) => studyStats(db, (await studyAccess(request, 'read')).study.id)
	);

	app.get(
		'/:id/sorts',
		{
			schema: {
				params: idParams,
				summary:
					"Every sort with its pre-sort answers, comments, interviewer notes, excluded flag and reason, synthetic flag (owners and co-researchers; a facilitator gets 403: individual participants' answers are not theirs to see)",
				tags: ['monitoring'],
				response: {
					200: {
						type: 'object',
						required: ['sorts'],
						additionalProperties: false,
						properties: { sorts: { type: 'array', items: sortSchema } }
					},
					...errors(401, 403, 404)
				}
			}
		},
		async (request) => ({ sorts: await listSorts(db, (await studyAccess(request, 'edit')).study.id) })
	);

	app.post(
		'/:id/sorts',
		{
			schema: {
				params: idParams,
				summary: 'Enter one paper sort; checked against the Q-set and the (forced) distribution',
				tags: ['data'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['label', 'placements'],
					additionalProperties: false,
					properties: {
						label: { type: 'string', minLength: 1, maxLength: 60 },
						placements: {
							description: 'statement code → grid value, or a list of {statement, value} as participants submit',
							anyOf: [
								{ type: 'object', additionalProperties: { type: 'integer' } },
								{
									type: 'array',
									maxItems: 1000,
									items: {
										type: 'object',
										required: ['statement', 'value'],
										additionalProperties: false,
										properties: { statement: { type: 'string' }, value: { type: 'integer' } }
									}
								}
							]
						},
						comments: { type: 'object', additionalProperties: { type: 'string', maxLength: 5000 } },
						respondentNumber: { type: 'string', maxLength: 60 }
					}
				},
				response: { 201: sortResponse, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			return reply.status(201).send({ sort: await addManualSort(db, study, request.body) });
		}
	);

	app.post(
		'/:id/sorts/:sortId/exclusion',
		{
			schema: {
				summary: 'Exclude a sort from analysis (a reason is required) or include it again',
				tags: ['monitoring'],
				params: sortParams,
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['excluded'],
					additionalProperties: false,
					properties: { excluded: { type: 'boolean' }, reason: { type: 'string', maxLength: 2000 } }
				},
				response: { 200: sortResponse, ...errors(400, 401, 403, 404, 422) }
			}
		},
		async (request) => {
			const { study } = await studyAccess(request, 'edit');
			return {
				sort: await setExclusion(
					db,
					study.id,
					sortId(request.params.sortId),
					request.body.excluded,
					request.body.reason
				)
			};
		}
	);

	app.delete(
		'/:id/sorts/:sortId',
		{
			schema: {
				summary: 'Delete a sort entered by mistake (imports, paper sorts); participants withdraw by receipt instead',
				tags: ['data'],
				params: sortParams,
				headers: csrfHeaders,
				response: { 204: noContent, ...errors(401, 403, 404) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			const id = sortId(request.params.sortId);
			await deleteSort(db, study.id, id);
			await auditRequest(request, study.id, 'sort.delete', { sort: id });
			return reply.status(204).send();
		}
	);

	app.post(
		'/:id/withdrawals',
		{
			schema: {
				params: idParams,
				summary: "Withdraw a participant's sort by receipt code: deleted permanently, logged without personal data",
				tags: ['monitoring'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['receipt'],
					additionalProperties: false,
					properties: { receipt: { type: 'string', minLength: 1, maxLength: 60 } }
				},
				response: {
					201: withdrawnSchema,
					...errors(400, 401, 403, 404)
				}
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			const withdrawn = await withdrawByReceipt(db, study.id, request.body.receipt, researcherOf(request).id);
			// Like the withdrawal log: that it happened, never the receipt.
			await auditRequest(request, study.id, 'sort.withdraw');
			return reply.status(201).send(withdrawn);
		}
	);

	app.get(
		'/:id/withdrawals',
		{
			schema: {
				params: idParams,
				summary: 'The withdrawal log: when, and where the sort had come from (no personal data)',
				tags: ['monitoring'],
				response: {
					200: {
						type: 'object',
						additionalProperties: false,
						required: ['withdrawals'],
						properties: { withdrawals: { type: 'array', items: withdrawalSchema } }
					},
					...errors(401, 404)
				}
			}
		},
		async (request) => ({ withdrawals: await listWithdrawals(db, (await studyAccess(request, 'read')).study.id) })
	);
};

export default resultRoutes;
