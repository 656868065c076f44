// The researcher API (server/routes/auth.ts and server/routes/studies*): the calls the researcher pages make.
import { apiUrl, del, download, get, patch, post, put, request } from './client.js';
import type { AuditEventDto } from './types/audit.js';
import type { Researcher, SetupLink, SetupRequired } from './types/auth.js';
import type { CreatedStudy, Imported, NewCodes, StatusChange, Withdrawn } from './types/study-actions.js';
import type {
	CodeDto,
	GridColumn,
	ImportPreview,
	InvitationDto,
	MemberDto,
	SortDto,
	StatementDto,
	StudyDetail,
	StudyStats,
	StudyRole,
	StudyStatus,
	StudySummary,
	WithdrawalDto
} from './types/studies.js';
import type {
	ExportFormat,
	ImportRequest,
	NewStudy,
	QuestionInput,
	QuestionPatch,
	StatementInput,
	StatementPatch,
	StudyPatch
} from './types/study-requests.js';

// The request and response shapes live in ./types/ (shared with the server); re-exported for the pages that import them from here.
export type * from './types/studies.js';
export type { AuditEventDto } from './types/audit.js';

export type * from './types/auth.js';
export type * from './types/study-actions.js';

export const auth = {
	me: () => get<{ researcher: Researcher }>('/auth/me').then((r) => r.researcher),
	login: (email: string, password: string) =>
		post<{ researcher: Researcher }>('/auth/login', { email, password }).then((r) => r.researcher),
	logout: () => post<void>('/auth/logout'),
	changePassword: (currentPassword: string, newPassword: string) =>
		post<void>('/auth/password', { currentPassword, newPassword }),
	/** Whether no account exists yet (the first one is made through the link on the server console). */
	setupRequired: () => get<SetupRequired>('/auth/setup').then((r) => r.required),
	checkSetupToken: (token: string) => get<SetupLink>(`/auth/setup/${encodeURIComponent(token)}`),
	setup: (token: string, email: string, password: string, displayName?: string) =>
		post<{ researcher: Researcher }>('/auth/setup', {
			token,
			email,
			password,
			...(displayName ? { displayName } : {})
		}).then((r) => r.researcher)
};

const study = (id: string) => `/studies/${encodeURIComponent(id)}`;
const sub = (id: string, path: string, itemId?: string) =>
	`${study(id)}/${path}${itemId ? `/${encodeURIComponent(itemId)}` : ''}`;

export const studies = {
	list: () => get<{ studies: StudySummary[] }>('/studies').then((r) => r.studies),
	create: (input: NewStudy) => post<CreatedStudy>('/studies', input),
	get: (id: string) => get<{ study: StudyDetail }>(study(id)).then((r) => r.study),
	update: (id: string, change: StudyPatch) => patch<{ study: StudyDetail }>(study(id), change),
	/** `confirm`: the study's slug or title, as the owner typed it. */
	remove: (id: string, confirm: string) => request<void>('DELETE', study(id), { confirm }),
	setStatus: (id: string, status: Exclude<StudyStatus, 'draft'>, removeUnusedCodes = false) =>
		post<StatusChange>(sub(id, 'status'), removeUnusedCodes ? { status, removeUnusedCodes } : { status }),
	audit: (id: string) => get<{ events: AuditEventDto[] }>(sub(id, 'audit')).then((r) => r.events),
	downloadAudit: (id: string) => download(apiUrl(sub(id, 'audit'), { format: 'csv' })),
	/** The study with everything that belongs to it, as a backup file for the CLI's restore (owners). */
	downloadBackup: (id: string) => download(apiUrl(sub(id, 'backup'))),
	addStatements: (id: string, statements: StatementInput[]) =>
		post<{ statements: StatementDto[] }>(sub(id, 'statements'), { statements }),
	updateStatement: (id: string, statementId: string, change: StatementPatch) =>
		patch<unknown>(sub(id, 'statements', statementId), change),
	deleteStatement: (id: string, statementId: string) => del<void>(sub(id, 'statements', statementId)),
	reorderStatements: (id: string, ids: string[]) => put<unknown>(sub(id, 'statements/order'), { ids }),
	saveGrid: (id: string, columns: GridColumn[], forced: boolean) => put<unknown>(sub(id, 'grid'), { columns, forced }),
	addQuestion: (id: string, question: QuestionInput) => post<unknown>(sub(id, 'questions'), question),
	updateQuestion: (id: string, questionId: string, question: QuestionPatch) =>
		patch<unknown>(sub(id, 'questions', questionId), question),
	deleteQuestion: (id: string, questionId: string) => del<void>(sub(id, 'questions', questionId)),
	reorderQuestions: (id: string, ids: string[]) => put<unknown>(sub(id, 'questions/order'), { ids }),
	makeCodes: (id: string, count: number) => post<NewCodes>(sub(id, 'codes'), { count }).then((r) => r.codes),
	listCodes: (id: string) => get<{ codes: CodeDto[] }>(sub(id, 'codes')).then((r) => r.codes),
	downloadCodes: (id: string) => download(apiUrl(sub(id, 'codes'), { format: 'csv' })),
	stats: (id: string) => get<StudyStats>(sub(id, 'stats')),
	sorts: (id: string) => get<{ sorts: SortDto[] }>(sub(id, 'sorts')).then((r) => r.sorts),
	addSort: (id: string, sort: { label: string; placements: Record<string, number> }) =>
		post<{ sort: SortDto }>(sub(id, 'sorts'), sort).then((r) => r.sort),
	setExclusion: (id: string, sortId: string, excluded: boolean, reason?: string) =>
		post<{ sort: SortDto }>(
			`${sub(id, 'sorts', sortId)}/exclusion`,
			excluded ? { excluded, reason } : { excluded }
		).then((r) => r.sort),
	withdraw: (id: string, receipt: string) => post<Withdrawn>(sub(id, 'withdrawals'), { receipt }),
	withdrawals: (id: string) => get<{ withdrawals: WithdrawalDto[] }>(sub(id, 'withdrawals')).then((r) => r.withdrawals),
	members: (id: string) => get<{ members: MemberDto[]; invitations: InvitationDto[] }>(sub(id, 'members')),
	/** The same answer whether or not an account with this address exists: an invitation. */
	invite: (id: string, email: string, role: StudyRole) =>
		post<{ invitation: InvitationDto }>(sub(id, 'members'), { email, role }).then((r) => r.invitation),
	cancelInvitation: (id: string, invitationId: string) => del<void>(sub(id, 'invitations', invitationId)),
	changeMemberRole: (id: string, researcherId: string, role: StudyRole) =>
		patch<{ member: MemberDto }>(sub(id, 'members', researcherId), { role }).then((r) => r.member),
	removeMember: (id: string, researcherId: string) => del<void>(sub(id, 'members', researcherId)),
	previewImport: (id: string, request: Omit<ImportRequest, 'dryRun'>) =>
		post<ImportPreview>(sub(id, 'import'), { ...request, dryRun: true }),
	runImport: (id: string, request: Omit<ImportRequest, 'dryRun'>) =>
		post<Imported>(sub(id, 'import'), request).then((r) => r.imported),
	exportFile: (id: string, format: ExportFormat, lang?: string) =>
		download(apiUrl(sub(id, 'export'), lang ? { format, lang } : { format }))
};
