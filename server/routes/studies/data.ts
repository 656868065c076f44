import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { auditRequest } from '../../audit/actor.js';
import { buildExport } from '../../exports/index.js';
import { loadExportData } from '../../exports/study-data.js';
import { previewImport, runImport } from '../../studies/import.js';
import { parsingAsync } from '../../studies/statement-files.js';
import { studyAccess } from './context.js';
import {
	EXPORT_FORMATS,
	importRequestSchema,
	type ExportFormat,
	type ImportRequest
} from '../../../src/lib/api/types/study-requests.js';
import { csrfHeaders, download, errors, idParams } from '../common-schemas.js';
import { STUDY_LANGUAGES } from '../../../src/lib/api/types/common.js';
import { importedSchema } from '../../../src/lib/api/types/study-actions.js';
import { importPreviewSchema } from '../../../src/lib/api/types/studies.js';

const dataRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;

	app.post(
		'/:id/import',
		{
			// Files of a few thousand sorts are larger than the app's default 1 MiB body limit.
			bodyLimit: 10 * 1024 * 1024,
			schema: {
				params: idParams,
				summary:
					'Import sorts from PQMethod .DAT, CSV (one row per sort) or a KADE zip: all or nothing; dryRun → preview',
				tags: ['data'],
				headers: csrfHeaders,
				body: importRequestSchema,
				response: {
					200: importPreviewSchema,
					201: importedSchema,
					...errors(400, 401, 403, 404, 409, 413, 422)
				}
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			if (request.body.dryRun) return reply.status(200).send(await previewImport(db, study, request.body));
			const result = await runImport(db, study, request.body);
			await auditRequest(request, study.id, 'import.data', { format: request.body.format, sorts: result.imported });
			return reply.status(201).send(result);
		}
	);

	app.get(
		'/:id/export',
		{
			schema: {
				params: idParams,
				summary:
					'Download the study: PQMethod .dat/.sta, CSV (sorts, answers, comments, statements), JSON, Excel (owners and co-researchers)',
				tags: ['data'],
				querystring: {
					type: 'object',
					required: ['format'],
					additionalProperties: false,
					properties: {
						format: { enum: [...EXPORT_FORMATS] },
						lang: {
							enum: STUDY_LANGUAGES,
							description:
								'language of .sta texts and the .dat title (when the study has it) and of the Excel sheet names'
						},
						excluded: {
							enum: ['include', 'omit'],
							description: 'sorts excluded from analysis: omitted from dat/csv by default'
						}
					}
				},
				response: {
					200: download(
						'the file (Content-Disposition: attachment)',
						'text/plain',
						'text/csv',
						'application/json',
						'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
					),
					...errors(400, 401, 403, 404, 422)
				}
			}
		},
		async (request, reply) => {
			// The files hold every sort with its pre-sort answers: owners and co-researchers only.
			const { study, role } = await studyAccess(request, 'edit');
			const data = await loadExportData(db, study, role, request.query.lang);
			const file = await parsingAsync(() =>
				buildExport(data, request.query.format, {
					includeExcluded: request.query.excluded === 'include',
					sheetLanguage: request.query.lang
				})
			);
			await auditRequest(request, study.id, 'export.data', { format: request.query.format, file: file.filename });
			return reply
				.type(file.contentType)
				.header('content-disposition', `attachment; filename="${file.filename}"`)
				.serializer((payload: unknown) => payload as string)
				.send(file.body);
		}
	);
};

export default dataRoutes;
