// The researcher API (server/routes/auth.ts and server/routes/studies*): the calls the researcher pages make.
import { apiUrl, del, download, get, patch, post, put } from './client.js';

export interface Researcher {
	id: string;
	email: string;
	displayName: string;
}

export const auth = {
	me: () => get<{ researcher: Researcher }>('/auth/me').then((r) => r.researcher),
	login: (email: string, password: string) => post<{ researcher: Researcher }>('/auth/login', { email, password }).then((r) => r.researcher),
	logout: () => post<void>('/auth/logout'),
	changePassword: (currentPassword: string, newPassword: string) => post<void>('/auth/password', { currentPassword, newPassword }),
	/** Whether no account exists yet (the first one is made through the link on the server console). */
	setupRequired: () => get<{ required: boolean }>('/auth/setup').then((r) => r.required),
	checkSetupToken: (token: string) => get<{ valid: true }>(`/auth/setup/${encodeURIComponent(token)}`),
	setup: (token: string, email: string, password: string, displayName?: string) =>
		post<{ researcher: Researcher }>('/auth/setup', { token, email, password, ...(displayName ? { displayName } : {}) }).then((r) => r.researcher)
};

export type LocalizedText = Record<string, string>;
export type StudyStatus = 'draft' | 'open' | 'closed';
export type StudyRole = 'owner' | 'co_researcher' | 'facilitator';
export type QuestionType = 'single' | 'multiple' | 'scale' | 'short_text' | 'long_text';

export interface GridColumnDto {
	value: number;
	capacity: number;
}

export interface StatementDto {
	id: string;
	code: string;
	text: LocalizedText;
	position: number;
	themes: string[];
	inQset: boolean;
}

export interface QuestionOptionDto {
	value: string;
	label: LocalizedText;
}

export interface QuestionDto {
	id: string;
	key: string;
	phase: 'pre' | 'post';
	type: QuestionType;
	prompt: LocalizedText;
	options: QuestionOptionDto[];
	required: boolean;
	offerDecline: boolean;
	position: number;
}

export interface StudySummary {
	id: string;
	slug: string;
	title: LocalizedText;
	languages: string[];
	status: StudyStatus;
	role: StudyRole;
	isDemo: boolean;
	sortCount: number;
	createdAt: string;
	updatedAt: string;
}

export interface StudyDetail extends StudySummary {
	consent: LocalizedText;
	instructions: LocalizedText;
	thankYou: LocalizedText;
	selfEnrolment: boolean;
	gridForced: boolean;
	/** True once a sort exists: the Q-set and grid can no longer change. */
	locked: boolean;
	statements: StatementDto[];
	grid: GridColumnDto[];
	questions: QuestionDto[];
	/** What stops the study from opening; empty when it is ready. */
	problems: { code: string; message: string }[];
}

export interface NewStudy {
	title: LocalizedText;
	slug: string;
	languages: string[];
	statements?: { code?: string; text: LocalizedText; themes?: string[]; inQset?: boolean }[];
	grid?: GridColumnDto[];
	selfEnrolment?: boolean;
}

export interface StudyPatch {
	title?: LocalizedText;
	slug?: string;
	languages?: string[];
	consent?: LocalizedText;
	instructions?: LocalizedText;
	thankYou?: LocalizedText;
	selfEnrolment?: boolean;
	gridForced?: boolean;
}

export interface NewStatementInput {
	code?: string;
	text: LocalizedText;
	themes?: string[];
	inQset?: boolean;
}

export interface QuestionInput {
	key?: string;
	phase: 'pre' | 'post';
	type: QuestionType;
	prompt: LocalizedText;
	options: QuestionOptionDto[];
	required: boolean;
	offerDecline: boolean;
}

const study = (id: string) => `/studies/${encodeURIComponent(id)}`;
const sub = (id: string, path: string, itemId?: string) => `${study(id)}/${path}${itemId ? `/${encodeURIComponent(itemId)}` : ''}`;

export type ExportFormat = 'dat' | 'sta' | 'csv' | 'answers-csv' | 'comments-csv' | 'statements-csv' | 'json' | 'xlsx';
export type ImportFormat = 'dat' | 'csv';

export interface CodeDto {
	code: string;
	status: 'new' | 'in_progress' | 'submitted' | 'withdrawn';
	source: 'invited' | 'self_enrolled' | 'facilitated';
	createdAt: string;
}

export interface StudyStats {
	participants: { invited: number; selfEnrolled: number; facilitated: number; started: number; submitted: number; withdrawn: number };
	sorts: { total: number; included: number; excluded: number; bySource: Partial<Record<SortSource, number>> };
	/** Median of submitted − started over sorts that have both times; null when none has. */
	medianCompletionSeconds: number | null;
	/** Sorts per UTC calendar day of submission, oldest first. */
	completionsPerDay: { date: string; count: number }[];
	withdrawals: number;
}

export type SortSource = 'participant' | 'facilitated' | 'import' | 'manual' | 'demo';

export interface SortDto {
	id: string;
	label: string;
	source: SortSource;
	placements: Record<string, number>;
	answers: Record<string, unknown>;
	comments: Record<string, string>;
	interviewerNotes: { sort?: string; statements?: Record<string, string> };
	respondentNumber: string | null;
	startedAt: string | null;
	submittedAt: string;
	synthetic: boolean;
	excluded: boolean;
	exclusionReason: string | null;
}

/** A dry run of an import: what would be stored, and what is wrong (nothing is stored while `valid` is false). */
export interface ImportPreview {
	valid: boolean;
	format: ImportFormat;
	sortCount: number;
	statementCount: number;
	labels: string[];
	/** Statements the import adds (only into a study without a Q-set). */
	newStatements: { code: string; text: LocalizedText }[];
	/** The grid the import sets (only for a study without a grid). */
	newGrid: GridColumnDto[] | null;
	problems: { sort: string; code: string; message: string }[];
}

export interface ImportRequest {
	format: ImportFormat;
	content: string;
	/** A .STA file with `dat`, a statements CSV with `csv`: needed when the study has no Q-set yet. */
	statements?: string;
}

export const studies = {
	list: () => get<{ studies: StudySummary[] }>('/studies').then((r) => r.studies),
	create: (input: NewStudy) => post<{ id: string; slug: string }>('/studies', input),
	get: (id: string) => get<{ study: StudyDetail }>(study(id)).then((r) => r.study),
	update: (id: string, change: StudyPatch) => patch<{ study: StudyDetail }>(study(id), change),
	remove: (id: string) => del<void>(study(id)),
	setStatus: (id: string, status: Exclude<StudyStatus, 'draft'>) => post<{ status: StudyStatus }>(sub(id, 'status'), { status }),
	addStatements: (id: string, statements: NewStatementInput[]) => post<{ statements: StatementDto[] }>(sub(id, 'statements'), { statements }),
	updateStatement: (id: string, statementId: string, change: Partial<NewStatementInput>) => patch<unknown>(sub(id, 'statements', statementId), change),
	deleteStatement: (id: string, statementId: string) => del<void>(sub(id, 'statements', statementId)),
	reorderStatements: (id: string, ids: string[]) => put<unknown>(sub(id, 'statements/order'), { ids }),
	saveGrid: (id: string, columns: GridColumnDto[], forced: boolean) => put<unknown>(sub(id, 'grid'), { columns, forced }),
	addQuestion: (id: string, question: QuestionInput) => post<unknown>(sub(id, 'questions'), question),
	updateQuestion: (id: string, questionId: string, question: Partial<QuestionInput>) => patch<unknown>(sub(id, 'questions', questionId), question),
	deleteQuestion: (id: string, questionId: string) => del<void>(sub(id, 'questions', questionId)),
	reorderQuestions: (id: string, ids: string[]) => put<unknown>(sub(id, 'questions/order'), { ids }),
	makeCodes: (id: string, count: number) => post<{ codes: string[] }>(sub(id, 'codes'), { count }).then((r) => r.codes),
	listCodes: (id: string) => get<{ codes: CodeDto[] }>(sub(id, 'codes')).then((r) => r.codes),
	downloadCodes: (id: string) => download(apiUrl(sub(id, 'codes'), { format: 'csv' })),
	stats: (id: string) => get<StudyStats>(sub(id, 'stats')),
	sorts: (id: string) => get<{ sorts: SortDto[] }>(sub(id, 'sorts')).then((r) => r.sorts),
	addSort: (id: string, sort: { label: string; placements: Record<string, number> }) =>
		post<{ sort: SortDto }>(sub(id, 'sorts'), sort).then((r) => r.sort),
	setExclusion: (id: string, sortId: string, excluded: boolean, reason?: string) =>
		post<{ sort: SortDto }>(`${sub(id, 'sorts', sortId)}/exclusion`, excluded ? { excluded, reason } : { excluded }).then((r) => r.sort),
	withdraw: (id: string, receipt: string) => post<{ withdrawnAt: string }>(sub(id, 'withdrawals'), { receipt }),
	previewImport: (id: string, request: ImportRequest) => post<ImportPreview>(sub(id, 'import'), { ...request, dryRun: true }),
	runImport: (id: string, request: ImportRequest) => post<{ imported: number }>(sub(id, 'import'), request).then((r) => r.imported),
	exportFile: (id: string, format: ExportFormat) => download(apiUrl(sub(id, 'export'), { format }))
};
