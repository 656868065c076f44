import type { LocalizedText, Question, Statement, Study, StudyRole, StudyStatus } from '../db/schema.js';

export interface StatementDto {
	id: string;
	code: string;
	text: LocalizedText;
	position: number;
	themes: string[];
	inQset: boolean;
}

export interface QuestionDto {
	id: string;
	key: string;
	phase: 'pre' | 'post';
	type: Question['type'];
	prompt: LocalizedText;
	options: Question['options'];
	required: boolean;
	offerDecline: boolean;
	position: number;
}

export interface StudySummaryDto {
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

const iso = (value: Date | string) => new Date(value).toISOString();

export function statementRowToDto(row: Statement): StatementDto {
	return { id: row.id, code: row.code, text: row.text, position: row.position, themes: row.themes, inQset: row.in_qset };
}

export function questionRowToDto(row: Question): QuestionDto {
	return {
		id: row.id,
		key: row.key,
		phase: row.phase,
		type: row.type,
		prompt: row.prompt,
		options: row.options,
		required: row.required,
		offerDecline: row.offer_decline,
		position: row.position
	};
}

export function studyRowToSummary(row: Study, role: StudyRole, sortCount: number): StudySummaryDto {
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		languages: row.languages,
		status: row.status,
		role,
		isDemo: row.is_demo,
		sortCount,
		createdAt: iso(row.created_at),
		updatedAt: iso(row.updated_at)
	};
}
