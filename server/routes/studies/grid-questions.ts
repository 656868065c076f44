import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { getGrid, replaceGrid } from '../../studies/grid.js';
import {
	addQuestion,
	deleteQuestion,
	listQuestions,
	reorderQuestions,
	updateQuestion
} from '../../studies/questions.js';
import {
	gridInputSchema,
	questionInputSchema,
	questionPatchSchema,
	type GridInput,
	type QuestionInput,
	type QuestionPatch
} from '../../../src/lib/api/types/study-requests.js';
import { idParam, studyAccess } from './context.js';
import { csrfHeaders, errors, idParams, noContent } from '../common-schemas.js';
import { questionSchema, studyGridSchema } from '../../../src/lib/api/types/studies.js';

const questionList = {
	type: 'object',
	additionalProperties: false,
	required: ['questions'],
	properties: { questions: { type: 'array', items: questionSchema } }
} as const;
const questionResponse = {
	type: 'object',
	required: ['question'],
	additionalProperties: false,
	properties: { question: questionSchema }
} as const;
const questionParams = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'questionId'],
	properties: { id: { type: 'string' }, questionId: { type: 'string' } }
} as const;

const questionId = (value: string) => idParam(value, 'QUESTION_NOT_FOUND', 'question');

const gridAndQuestionRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;

	app.get(
		'/:id/grid',
		{
			schema: {
				params: idParams,
				summary: 'The grid: columns (value, capacity) and forced or free',
				tags: ['grid'],
				response: { 200: studyGridSchema, ...errors(401, 404) }
			}
		},
		async (request) => getGrid(db, (await studyAccess(request, 'read')).study)
	);

	app.put(
		'/:id/grid',
		{
			schema: {
				params: idParams,
				summary: 'Replace the grid; a forced grid needs one place per Q-set statement (422 GRID_MISMATCH)',
				tags: ['grid'],
				headers: csrfHeaders,
				body: gridInputSchema,
				response: { 200: studyGridSchema, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request) => {
			const { study } = await studyAccess(request, 'edit');
			return replaceGrid(db, study, request.body.columns, request.body.forced);
		}
	);

	app.get(
		'/:id/questions',
		{
			schema: {
				params: idParams,
				summary: 'Pre- and post-sort questions in order',
				tags: ['questions'],
				response: { 200: questionList, ...errors(401, 404) }
			}
		},
		async (request) => ({ questions: await listQuestions(db, (await studyAccess(request, 'read')).study.id) })
	);

	app.post(
		'/:id/questions',
		{
			schema: {
				params: idParams,
				summary: 'Add a question',
				tags: ['questions'],
				headers: csrfHeaders,
				body: questionInputSchema,
				response: { 201: questionResponse, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			return reply.status(201).send({ question: await addQuestion(db, study, request.body) });
		}
	);

	app.put(
		'/:id/questions/order',
		{
			schema: {
				params: idParams,
				summary: 'Reorder: the ids of every question, in the new order',
				tags: ['questions'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['ids'],
					additionalProperties: false,
					properties: { ids: { type: 'array', maxItems: 500, items: { type: 'string' } } }
				},
				response: { 200: questionList, ...errors(400, 401, 403, 404, 422) }
			}
		},
		async (request) => ({
			questions: await reorderQuestions(db, (await studyAccess(request, 'edit')).study, request.body.ids)
		})
	);

	app.patch(
		'/:id/questions/:questionId',
		{
			schema: {
				summary: 'Edit a question',
				tags: ['questions'],
				params: questionParams,
				headers: csrfHeaders,
				body: questionPatchSchema,
				response: { 200: questionResponse, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request) => {
			const { study } = await studyAccess(request, 'edit');
			return { question: await updateQuestion(db, study, questionId(request.params.questionId), request.body) };
		}
	);

	app.delete(
		'/:id/questions/:questionId',
		{
			schema: {
				summary: 'Delete a question',
				tags: ['questions'],
				params: questionParams,
				headers: csrfHeaders,
				response: { 204: noContent, ...errors(401, 403, 404) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			await deleteQuestion(db, study, questionId(request.params.questionId));
			return reply.status(204).send();
		}
	);
};

export default gridAndQuestionRoutes;
