import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { auditRequest } from '../../audit/actor.js';
import type { StudyRole } from '../../db/schema.js';
import { toCsv } from '../../exports/csv.js';
import { createCodes, listCodes, MAX_CODES_PER_REQUEST } from '../../studies/codes.js';
import { changeMemberRole, listMembers, removeMember } from '../../studies/members.js';
import { cancelInvitation, inviteMember, listInvitations } from '../../studies/invitations.js';
import { researcherOf } from '../../auth/guard.js';
import { emailOf } from '../../auth/researchers.js';
import { STUDY_ROLES } from '../../../src/lib/api/types/common.js';
import { newCodesSchema } from '../../../src/lib/api/types/study-actions.js';
import { codeSchema, invitationSchema, memberSchema } from '../../../src/lib/api/types/studies.js';
import { idParam, studyAccess } from './context.js';
import { csrfHeaders, errors, idParams, noContent } from '../common-schemas.js';

const ROLE = { enum: STUDY_ROLES } as const;
const memberParams = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'researcherId'],
	properties: { id: { type: 'string' }, researcherId: { type: 'string' } }
} as const;
const memberResponse = {
	type: 'object',
	required: ['member'],
	additionalProperties: false,
	properties: { member: memberSchema }
} as const;
const researcherId = (value: string) => idParam(value, 'MEMBER_NOT_FOUND', 'member');

const codeList = {
	type: 'object',
	required: ['codes'],
	additionalProperties: false,
	properties: {
		codes: { type: 'array', items: codeSchema }
	}
} as const;

const peopleRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;

	app.get(
		'/:id/members',
		{
			schema: {
				params: idParams,
				summary: 'Researchers of the study and their roles, and the invitations by e-mail not yet taken up',
				tags: ['members'],
				response: {
					200: {
						type: 'object',
						additionalProperties: false,
						required: ['members', 'invitations'],
						properties: {
							members: { type: 'array', items: memberSchema },
							invitations: { type: 'array', items: invitationSchema }
						}
					},
					...errors(401, 404)
				}
			}
		},
		async (request) => {
			const { study } = await studyAccess(request, 'read');
			return { members: await listMembers(db, study.id), invitations: await listInvitations(db, study.id) };
		}
	);

	app.post(
		'/:id/members',
		{
			schema: {
				params: idParams,
				summary:
					'Invite a researcher by e-mail with a role (owners only). The answer is the same whether or not an account with that address exists: 202 with the invitation, which becomes a membership when that account next opens its list of studies',
				tags: ['members'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['email', 'role'],
					additionalProperties: false,
					properties: { email: { type: 'string', maxLength: 254 }, role: ROLE }
				},
				response: {
					202: {
						type: 'object',
						required: ['invitation'],
						additionalProperties: false,
						properties: { invitation: invitationSchema }
					},
					...errors(400, 401, 403, 404, 409, 422)
				}
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'own');
			const invitation = await inviteMember(
				db,
				study.id,
				researcherOf(request).id,
				request.body.email,
				request.body.role
			);
			await auditRequest(request, study.id, 'member.invite', { member: invitation.email, role: invitation.role });
			return reply.status(202).send({ invitation });
		}
	);

	app.delete(
		'/:id/invitations/:invitationId',
		{
			schema: {
				summary: 'Withdraw an invitation (owners only)',
				tags: ['members'],
				params: {
					type: 'object',
					required: ['id', 'invitationId'],
					properties: { id: { type: 'string' }, invitationId: { type: 'string' } }
				},
				headers: csrfHeaders,
				response: { 204: noContent, ...errors(401, 403, 404) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'own');
			const cancelled = await cancelInvitation(db, study.id, researcherOf(request).id, request.params.invitationId);
			await auditRequest(request, study.id, 'member.uninvite', { member: cancelled.email });
			return reply.status(204).send();
		}
	);

	app.patch(
		'/:id/members/:researcherId',
		{
			schema: {
				summary: "Change a member's role (owners only; a study keeps at least one owner)",
				tags: ['members'],
				params: memberParams,
				headers: csrfHeaders,
				body: { type: 'object', required: ['role'], additionalProperties: false, properties: { role: ROLE } },
				response: { 200: memberResponse, ...errors(400, 401, 403, 404, 409) }
			}
		},
		async (request) => {
			const { study } = await studyAccess(request, 'own');
			const member = await changeMemberRole(
				db,
				study.id,
				researcherOf(request).id,
				researcherId(request.params.researcherId),
				request.body.role
			);
			await auditRequest(request, study.id, 'member.role', { member: member.email, role: member.role });
			return { member };
		}
	);

	app.delete(
		'/:id/members/:researcherId',
		{
			schema: {
				summary: 'Remove a member (owners only; a study keeps at least one owner)',
				tags: ['members'],
				params: memberParams,
				headers: csrfHeaders,
				response: { 204: noContent, ...errors(401, 403, 404, 409) }
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'own');
			const id = researcherId(request.params.researcherId);
			const removed = await emailOf(db, id);
			await removeMember(db, study.id, researcherOf(request).id, id);
			await auditRequest(request, study.id, 'member.remove', { member: removed ?? id });
			return reply.status(204).send();
		}
	);

	app.post(
		'/:id/codes',
		{
			schema: {
				params: idParams,
				summary: 'Generate anonymous invitation codes (60 random bits each, typeable)',
				tags: ['invitations'],
				headers: csrfHeaders,
				body: {
					type: 'object',
					required: ['count'],
					additionalProperties: false,
					properties: { count: { type: 'integer', minimum: 1, maximum: MAX_CODES_PER_REQUEST } }
				},
				response: {
					201: newCodesSchema,
					...errors(400, 401, 403, 404)
				}
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			return reply.status(201).send({ codes: await createCodes(db, study.id, request.body.count) });
		}
	);

	app.get(
		'/:id/codes',
		{
			schema: {
				params: idParams,
				summary: 'Every code of the study with its status; ?format=csv downloads code,status,source,link',
				tags: ['invitations'],
				querystring: { type: 'object', additionalProperties: false, properties: { format: { enum: ['json', 'csv'] } } },
				response: {
					200: {
						description: 'the codes as JSON, or a CSV file with ?format=csv',
						content: {
							'application/json': { schema: codeList },
							'text/csv': { schema: { description: 'code,status,source,link' } }
						}
					},
					...errors(400, 401, 403, 404)
				}
			}
		},
		async (request, reply) => {
			const { study } = await studyAccess(request, 'edit');
			const codes = await listCodes(db, study.id);
			if (request.query.format !== 'csv') return { codes };
			await auditRequest(request, study.id, 'export.codes', { codes: codes.length });
			const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
			const csv = toCsv(
				['code', 'status', 'source', 'link'],
				codes.map((c) => [c.code, c.status, c.source, `${origin}/p/${c.code}`])
			);
			return reply
				.type('text/csv; charset=utf-8')
				.header('content-disposition', `attachment; filename="${study.slug}-codes.csv"`)
				.serializer((payload: unknown) => payload as string)
				.send(csv);
		}
	);
};

export default peopleRoutes;
