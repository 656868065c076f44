import type { QuestionDto, StatementDto, StudySummary } from '../../src/lib/api/types/studies.js';
import type { Question, Statement, Study, StudyRole } from '../db/schema.js';

const iso = (value: Date | string) => new Date(value).toISOString();

export function statementRowToDto(row: Statement): StatementDto {
	return {
		id: row.id,
		code: row.code,
		text: row.text,
		position: row.position,
		themes: row.themes,
		inQset: row.in_qset
	};
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

export function studyRowToSummary(row: Study, role: StudyRole, sortCount: number): StudySummary {
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
