import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { REACTION_CSV_PARTS, studyReactionsSchema } from '../../../src/lib/api/types/dialogue.js';
import { auditRequest } from '../../audit/actor.js';
import { requireResearcherHook, researcherOf } from '../../auth/guard.js';
import { studyReactions } from '../../dialogue/reactions.js';
import { tallyRows, TALLY_COLUMNS, TEXT_COLUMNS, textRows, toWorkbook } from '../../dialogue/reactions-export.js';
import { toCsv } from '../../exports/csv.js';
import { requireStudyAccess } from '../../studies/access.js';
import { download, errors, idParams } from '../common-schemas.js';

const partQuery = {
	type: 'object',
	properties: { part: { type: 'string', enum: REACTION_CSV_PARTS } }
} as const;

const csvFile = download('CSV with a byte-order mark and CRLF line ends', 'text/csv');
const xlsxFile = download('Excel workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

/** The researcher's record of every dialogue session of a study: per session, all together, exported. */
export const reactionRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;
	app.addHook('preHandler', requireResearcherHook);

	app.get(
		'/studies/:id/dialogue/reactions',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Reactions per dialogue session and for all sessions together (counts below 5 hidden)',
				params: idParams,
				response: { 200: studyReactionsSchema, ...errors(401, 404) }
			}
		},
		async (request) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { analyses: await studyReactions(db, study.id) };
		}
	);

	app.get(
		'/studies/:id/dialogue/reactions.csv',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The reactions as CSV: tallies (default) or the free texts (?part=texts)',
				params: idParams,
				querystring: partQuery,
				response: { 200: csvFile, ...errors(401, 404) }
			}
		},
		async (request, reply) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			const report = await studyReactions(db, study.id);
			const texts = request.query.part === 'texts';
			// CRLF line ends, as spreadsheets on Windows expect.
			const csv = texts
				? toCsv(TEXT_COLUMNS, textRows(report), '\r\n')
				: toCsv(TALLY_COLUMNS, tallyRows(report), '\r\n');
			await auditRequest(request, study.id, 'export.reactions', { format: 'csv', part: texts ? 'texts' : 'tallies' });
			return reply
				.type('text/csv; charset=utf-8')
				.header(
					'content-disposition',
					`attachment; filename="${study.slug}-dialoog-${texts ? 'teksten' : 'reacties'}.csv"`
				)
				.send(`\uFEFF${csv}`);
		}
	);

	app.get(
		'/studies/:id/dialogue/reactions.xlsx',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The reactions as an Excel workbook',
				params: idParams,
				response: { 200: xlsxFile, ...errors(401, 404) }
			}
		},
		async (request, reply) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			const buffer = await toWorkbook(await studyReactions(db, study.id));
			await auditRequest(request, study.id, 'export.reactions', { format: 'xlsx' });
			return reply
				.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
				.header('content-disposition', `attachment; filename="${study.slug}-dialoog.xlsx"`)
				.send(buffer);
		}
	);
};
