import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { auditActorOf } from '../../audit/actor.js';
import { recordAudit } from '../../audit/record.js';
import { researcherOf } from '../../auth/guard.js';
import type { StudyStatus } from '../../db/schema.js';
import { acceptInvitations } from '../../studies/invitations.js';
import { auditRequest } from '../../audit/actor.js';
import {
	changeStatus,
	createStudy,
	deleteStudy,
	getStudyDetail,
	listStudies,
	updateStudy
} from '../../studies/studies.js';
import { studyAccess } from './context.js';
import {
	newStudySchema,
	studyPatchSchema,
	type NewStudy,
	type StudyPatch
} from '../../../src/lib/api/types/study-requests.js';
import { csrfHeaders, errors, idParams, noContent } from '../common-schemas.js';
import { createdStudySchema, statusChangeSchema } from '../../../src/lib/api/types/study-actions.js';
import { studyDetailSchema, studySummarySchema } from '../../../src/lib/api/types/studies.js';

const studyResponse = {
	type: 'object',
	required: ['study'],
	additionalProperties: false,
	properties: { study: studyDetailSchema }
} as const;

const designRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;

	app.post(
		'/',
		{
			schema: {
				summary: 'Create a study (the caller becomes its owner)',
				tags: ['studies'],
				headers: csrfHeaders,
				body: newStudySchema,
				response: {
					201: createdStudySchema,
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
				response: {
					200: {
						type: 'object',
						additionalProperties: false,
						required: ['studies'],
						properties: { studies: { type: 'array', items: studySummarySchema } }
					},
					...errors(401)
				}
			}
		},
		async (request) => {
			// Invitations to this researcher's address become memberships when they open their studies.
			for (const accepted of await acceptInvitations(db, researcherOf(request).id)) {
				await auditRequest(request, accepted.study_id, 'member.add', {
					member: researcherOf(request).email,
					role: accepted.role
				});
			}
			return { studies: await listStudies(db, researcherOf(request).id) };
		}
	);

	app.get(
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

	app.patch(
		'/:id',
		{
			schema: {
				summary: 'Change title, slug, languages, texts, self-enrolment or forced/free',
				tags: ['studies'],
				params: idParams,
				headers: csrfHeaders,
				body: studyPatchSchema,
				response: { 200: studyResponse, ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		async (request) => {
			const { study, role } = await studyAccess(request, 'edit');
			await updateStudy(db, study, request.body);
			const days = request.body.draftRetentionDays;
			if (days !== undefined && days !== study.draft_retention_days) {
				await recordAudit(db, {
					studyId: study.id,
					actor: auditActorOf(request),
					action: 'study.retention',
					details: { from: study.draft_retention_days, to: days }
				});
			}
			const fresh = await studyAccess(request, 'read');
			return { study: await getStudyDetail(db, fresh.study, role) };
		}
	);

	app.delete(
		'/:id',
		{
			schema: {
				summary:
					'Delete a study and everything that belongs to it (owners only, after typing its name); its audit trail stays',
				tags: ['studies'],
				params: idParams,
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['confirm'],
					additionalProperties: false,
					properties: {
						confirm: {
							type: 'string',
							maxLength: 500,
							description: "the study's slug or its title in one of its languages, typed by the owner"
						}
					}
				},
				response: { 204: noContent, ...errors(400, 401, 403, 404, 422) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'own');
			await deleteStudy(db, study, request.body.confirm, auditActorOf(request));
			return reply.status(204).send();
		}
	);

	app.post(
		'/:id/status',
		{
			schema: {
				summary:
					'Open or close a study (draft → open → closed; closed → open). Opening checks the design; closing can remove the unused codes.',
				tags: ['studies'],
				params: idParams,
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['status'],
					additionalProperties: false,
					properties: {
						status: { enum: ['open', 'closed'] },
						removeUnusedCodes: { type: 'boolean', description: 'with closed: delete the codes nobody has used' }
					}
				},
				response: {
					200: statusChangeSchema,
					...errors(400, 401, 403, 404, 409, 422)
				}
			}
		},
		async (request) => {
			const { study, role } = await studyAccess(request, 'edit');
			const { status, removeUnusedCodes } = request.body;
			return changeStatus(db, study, role, status, auditActorOf(request), { removeUnusedCodes });
		}
	);
};

export default designRoutes;
