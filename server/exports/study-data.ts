import type { Kysely } from 'kysely';
import type { Database, Study, StudyRole } from '../db/schema.js';
import { getStudyDetail, type StudyDetailDto } from '../studies/studies.js';
import { listSorts, type SortDto } from '../studies/monitoring.js';

export interface ExportData {
	study: StudyDetailDto;
	/** Q-set statements in statement order: the column order of every sorts file. */
	qset: StudyDetailDto['statements'];
	sorts: SortDto[];
	/** The language the single-language files (.STA, .DAT title) are written in. */
	language: string;
}

export async function loadExportData(
	db: Kysely<Database>,
	study: Study,
	role: StudyRole,
	language?: string
): Promise<ExportData> {
	const detail = await getStudyDetail(db, study, role);
	return {
		study: detail,
		qset: detail.statements.filter((s) => s.inQset),
		sorts: await listSorts(db, study.id),
		language: detail.languages.find((l) => l === language) ?? detail.languages[0] ?? 'nl'
	};
}

/** PQMethod runs in a DOS code page: accents are dropped (é → e), anything else non-ASCII becomes "?". */
export function toAscii(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[‘’]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/[–—]/g, '-')
		.replace(/[^\x20-\x7e]/g, '?');
}

/**
 * Sort ids for a .DAT file: at most 8 characters and unique. Longer labels are cut, and a cut label
 * that clashes gets a number at its end (e.g. "respon~2"), as KADE does on export.
 */
export function datIds(labels: readonly string[]): string[] {
	const used = new Set<string>();
	return labels.map((label) => {
		let id = toAscii(label).replace(/\s+/g, '_').slice(0, 8);
		for (let n = 2; used.has(id) || id === ''; n++) {
			const suffix = `~${n}`;
			id =
				toAscii(label)
					.replace(/\s+/g, '_')
					.slice(0, 8 - suffix.length) + suffix;
		}
		used.add(id);
		return id;
	});
}
