import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import {
	addStatements,
	deleteStatement,
	listStatements,
	reorderStatements,
	splitLines,
	themeCounts,
	updateStatement
} from '../../studies/statements.js';
import {
	statementInputSchema,
	statementPatchSchema,
	type StatementInput,
	type StatementPatch
} from '../../../src/lib/api/types/study-requests.js';
import { importStatements, STATEMENT_FILE_FORMATS } from '../../studies/statement-files.js';
import { STUDY_LANGUAGES } from '../../../src/lib/api/types/common.js';
import { idParam, studyAccess } from './context.js';
import { csrfHeaders, errors, idParams, noContent } from '../common-schemas.js';
import { statementSchema, themeCountSchema } from '../../../src/lib/api/types/studies.js';

const statementParams = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'statementId'],
	properties: { id: { type: 'string' }, statementId: { type: 'string' } }
} as const;
const statementList = {
	type: 'object',
	additionalProperties: false,
	required: ['statements'],
	properties: { statements: { type: 'array', items: statementSchema } }
} as const;
const themesSchema = {
	type: 'array',
	description: 'statements per theme, in the Q-set and in the concourse',
	items: themeCountSchema
} as const;
const statementId = (value: string) => idParam(value, 'STATEMENT_NOT_FOUND', 'statement');

const statementRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;

	app.get(
		'/:id/statements',
		{
			schema: {
				params: idParams,
				summary: 'Q-set and concourse statements in order, with counts per theme',
				tags: ['statements'],
				response: {
					200: {
						type: 'object',
						additionalProperties: false,
						required: ['statements', 'themes'],
						properties: { statements: statementList.properties.statements, themes: themesSchema }
					},
					...errors(401, 404)
				}
			}
		},
		async (request) => {
			const { study } = await studyAccess(request, 'read');
			const statements = await listStatements(db, study.id);
			return { statements, themes: themeCounts(statements) };
		}
	);

	app.post(
		'/:id/statements',
		{
			schema: {
				params: idParams,
				summary: 'Add statements at the end (inQset false: to the concourse); codes S01… where none is given',
				tags: ['statements'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['statements'],
					additionalProperties: false,
					properties: { statements: { type: 'array', minItems: 1, maxItems: 1000, items: statementInputSchema } }
				},
				response: { 201: statementList, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			return reply.status(201).send({ statements: await addStatements(db, study, request.body.statements) });
		}
	);

	app.post(
		'/:id/statements/bulk',
		{
			schema: {
				params: idParams,
				summary: 'Paste statements, one per line (blank lines and list bullets are ignored)',
				tags: ['statements'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['text'],
					additionalProperties: false,
					properties: {
						text: { type: 'string', maxLength: 500000 },
						language: {
							enum: STUDY_LANGUAGES,
							description: "the language of the pasted text (default: the study's first)"
						},
						inQset: { type: 'boolean', default: true },
						themes: statementInputSchema.properties.themes
					}
				},
				response: { 201: statementList, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			const language = request.body.language ?? study.languages[0] ?? 'nl';
			const items = splitLines(request.body.text).map((line) => ({
				text: { [language]: line },
				inQset: request.body.inQset,
				themes: request.body.themes
			}));
			return reply.status(201).send({ statements: await addStatements(db, study, items) });
		}
	);

	app.post(
		'/:id/statements/import',
		{
			schema: {
				params: idParams,
				summary: 'Import statements from CSV (code,text or code,nl,en with a header) or a PQMethod .STA file',
				tags: ['statements'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['format', 'content'],
					additionalProperties: false,
					properties: {
						format: { enum: STATEMENT_FILE_FORMATS },
						content: { type: 'string', maxLength: 900000 },
						language: { enum: STUDY_LANGUAGES, description: 'language of a .STA file or of a CSV "text" column' },
						inQset: { type: 'boolean', default: true }
					}
				},
				response: { 201: statementList, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			const { format, content, language, inQset } = request.body;
			const items = importStatements(format, content, language ?? study.languages[0] ?? 'nl').map((s) => ({
				...s,
				inQset
			}));
			return reply.status(201).send({ statements: await addStatements(db, study, items) });
		}
	);

	app.put(
		'/:id/statements/order',
		{
			schema: {
				params: idParams,
				summary: 'Reorder: the ids of every statement of the study, in the new order',
				tags: ['statements'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['ids'],
					additionalProperties: false,
					properties: { ids: { type: 'array', maxItems: 5000, items: { type: 'string' } } }
				},
				response: { 200: statementList, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request) => {
			const { study } = await studyAccess(request, 'edit');
			return { statements: await reorderStatements(db, study, request.body.ids) };
		}
	);

	app.patch(
		'/:id/statements/:statementId',
		{
			schema: {
				summary:
					'Edit a statement; inQset true moves a concourse statement into the Q-set (text per language is merged)',
				tags: ['statements'],
				params: statementParams,
				headers: csrfHeaders,
				body: statementPatchSchema,
				response: {
					200: {
						type: 'object',
						required: ['statement'],
						additionalProperties: false,
						properties: { statement: statementSchema }
					},
					...errors(400, 401, 403, 404, 409, 422)
				}
			}
		},
		async (request) => {
			const { study } = await studyAccess(request, 'edit');
			return { statement: await updateStatement(db, study, statementId(request.params.statementId), request.body) };
		}
	);

	app.delete(
		'/:id/statements/:statementId',
		{
			schema: {
				summary: 'Delete a statement',
				tags: ['statements'],
				params: statementParams,
				headers: csrfHeaders,
				response: { 204: noContent, ...errors(401, 403, 404, 409) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			await deleteStatement(db, study, statementId(request.params.statementId));
			return reply.status(204).send();
		}
	);
};

export default statementRoutes;
