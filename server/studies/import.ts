import { sql, type Kysely } from 'kysely';
import type {
	GridColumn,
	ImportFormat,
	ImportPreview,
	ImportRequest,
	SortProblem
} from '../../src/lib/api/types/studies.js';
import { parseSortsCsv } from '../../src/lib/qmethod/io/csv.js';
import { parseDat, statementCode } from '../../src/lib/qmethod/io/pqmethod.js';
import type { Database, LocalizedText, Study } from '../db/schema.js';
import { AppError } from '../errors.js';
import { writeGridColumns } from './grid.js';
import { assertStatementCodes } from './statements.js';
import { readKadeZip } from './kade.js';
import { importStatements, parsing } from './statement-files.js';
import { loadShape } from './sorts.js';
import { countSorts, insertSorts, takenLabels } from './sorts-repository.js';
import { insertStatements, statementCodes } from './statements-repository.js';
import { sortProblems } from './sort-values.js';

export interface ImportPlan {
	format: ImportFormat;
	/** The sorts found in the file, in file order. */
	sorts: { label: string; placements: Record<string, number> }[];
	/** Statements the import adds (only into a study without a Q-set). */
	newStatements: { code: string; text: LocalizedText }[];
	/** The grid the import sets (only for a study without a grid). */
	newGrid: GridColumn[] | null;
	problems: SortProblem[];
}

/**
 * Caps on what one import may hold, far above any real Q study (dozens of statements, at most a few thousand
 * sorts) and low enough that a crafted file cannot hog the server or the database.
 */
export const MAX_IMPORT_SORTS = 10_000;
export const MAX_IMPORT_STATEMENTS = 1000;

const fileProblem = (message: string): SortProblem => ({ sort: '', code: 'INVALID_FILE', message });

function gridFromValues(values: readonly number[]): GridColumn[] {
	const counts = new Map<number, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts.entries()].sort(([a], [b]) => a - b).map(([value, capacity]) => ({ value, capacity }));
}

/** Reads the file(s) and works out what an import would store and what is wrong with it; stores nothing. */
export async function planImport(db: Kysely<Database>, study: Study, request: ImportRequest): Promise<ImportPlan> {
	const shape = await loadShape(db, study);
	const language = request.language ?? study.languages[0] ?? 'nl';
	// A KADE zip is its sorts.txt read as CSV, its statements.txt as statements and its pattern.txt as the grid.
	const kade = request.format === 'kade-zip' ? await readKadeZip(request.content) : undefined;
	const source = kade
		? { format: 'csv' as const, content: kade.sortsCsv, statements: request.statements ?? kade.statementsCsv }
		: { ...request, format: request.format as 'dat' | 'csv' };
	const parsed = parsing(() => (source.format === 'dat' ? parseDat(source.content) : parseSortsCsv(source.content)));
	const fileDistribution = kade?.distribution ?? parsed.distribution;
	const fileCodes = [...parsed.statementCodes];
	const m = fileCodes.length;
	if (m > MAX_IMPORT_STATEMENTS)
		throw new AppError(
			422,
			'IMPORT_TOO_LARGE',
			`The file has ${m} statements; a study has at most ${MAX_IMPORT_STATEMENTS}.`
		);
	if (parsed.sortIds.length > MAX_IMPORT_SORTS) {
		throw new AppError(
			422,
			'IMPORT_TOO_LARGE',
			`The file has ${parsed.sortIds.length} sorts; one import takes at most ${MAX_IMPORT_SORTS}.`
		);
	}
	const problems: SortProblem[] = [];

	let codes = shape.codes;
	let newStatements: ImportPlan['newStatements'] = [];
	if (shape.codes.length === 0) {
		// A study without a Q-set takes it from the files: the codes of the sorts file, the texts of the statements file.
		if (!source.statements) {
			throw new AppError(
				422,
				'STATEMENTS_REQUIRED',
				`This study has no Q-set yet: send the statement texts too (${source.format === 'dat' ? 'a .STA file' : 'a statements CSV'}).`
			);
		}
		const texts = importStatements(source.format === 'dat' ? 'sta' : 'csv', source.statements, language);
		if (texts.length !== m) {
			throw new AppError(
				422,
				'STATEMENT_COUNT_MISMATCH',
				`The sorts have ${m} values each, but the statements file has ${texts.length} statements.`
			);
		}
		codes = source.format === 'dat' ? fileCodes.map((_, i) => statementCode(i, m)) : fileCodes;
		const concourse = await statementCodes(db, study.id);
		assertStatementCodes([...concourse.map((s) => s.code), ...codes]);
		// Statement texts follow the sorts file's codes where the statements CSV names them all, else its order.
		const byCode = new Map(texts.map((t) => [t.code, t.text]));
		const matchByCode = codes.every((code) => byCode.has(code));
		newStatements = codes.map((code, i) => ({ code, text: matchByCode ? byCode.get(code)! : texts[i]!.text }));
	} else if (source.format === 'dat') {
		if (m !== shape.codes.length) {
			throw new AppError(
				422,
				'STATEMENT_COUNT_MISMATCH',
				`The file has ${m} statements; this study's Q-set has ${shape.codes.length}.`
			);
		}
	} else {
		// CSV columns are matched by statement code; plain numbers 1…m (or S01…) in order are taken as positions.
		const known = new Set(shape.codes);
		const byPosition = fileCodes.every((c, i) => c === String(i + 1) || c === statementCode(i, m));
		if (!fileCodes.every((c) => known.has(c))) {
			if (byPosition && m === shape.codes.length) codes = shape.codes;
			else {
				const unknown = fileCodes.filter((c) => !known.has(c));
				throw new AppError(
					422,
					'UNKNOWN_STATEMENTS',
					`The CSV header names statements this study does not have: ${unknown.join(', ')}.`,
					{ statements: unknown }
				);
			}
		} else codes = fileCodes;
	}

	let grid = shape.grid;
	let newGrid: GridColumn[] | null = null;
	if (grid.length === 0) {
		if (shape.codes.length > 0 && (await countSorts(db, study.id)) > 0) {
			throw new AppError(409, 'STUDY_LOCKED', 'This study has sorts but no grid.');
		}
		const distribution = fileDistribution ?? Array.from(parsed.sorts[0] ?? []);
		grid = newGrid = gridFromValues(distribution);
		if (!study.grid_forced) {
			// A free grid is as wide as the data: every column as high as its fullest use.
			const highest = new Map<number, number>();
			for (const sort of parsed.sorts)
				for (const c of gridFromValues(Array.from(sort)))
					highest.set(c.value, Math.max(highest.get(c.value) ?? 0, c.capacity));
			grid = newGrid = [...highest.entries()]
				.sort(([a], [b]) => a - b)
				.map(([value, capacity]) => ({ value, capacity }));
		}
	} else if (fileDistribution && study.grid_forced) {
		const expected = gridFromValues(fileDistribution);
		if (JSON.stringify(expected) !== JSON.stringify(grid.filter((c) => c.capacity > 0))) {
			problems.push(
				fileProblem("The file's distribution (the .DAT header or KADE's pattern.txt) differs from this study's grid.")
			);
		}
	}

	const seen = new Set<string>();
	const sorts = parsed.sortIds.map((label, i) => {
		const placements: Record<string, number> = {};
		codes.forEach((code, s) => (placements[code] = parsed.sorts[i]![s]!));
		if (seen.has(label))
			problems.push({ sort: label, code: 'DUPLICATE_LABEL', message: 'this label appears more than once in the file' });
		seen.add(label);
		if (label.length > 60)
			problems.push({ sort: label, code: 'LABEL_TOO_LONG', message: 'labels have at most 60 characters' });
		problems.push(...sortProblems(label, placements, codes, grid, study.grid_forced));
		return { label, placements };
	});
	if (sorts.length > 0) {
		const labels = [...seen];
		// In chunks: one bound parameter per label, and Postgres takes at most 65,535 per statement.
		for (let start = 0; start < labels.length; start += 1000) {
			const chunk = labels.slice(start, start + 1000);
			for (const label of await takenLabels(db, study.id, chunk))
				problems.push({ sort: label, code: 'LABEL_TAKEN', message: 'the study already has a sort with this label' });
		}
	} else problems.push(fileProblem('The file holds no sorts.'));
	return { format: request.format, sorts, newStatements, newGrid, problems };
}

export function previewOf(plan: ImportPlan, statementCount: number): ImportPreview {
	return {
		valid: plan.problems.length === 0,
		format: plan.format,
		sortCount: plan.sorts.length,
		statementCount,
		labels: plan.sorts.map((s) => s.label),
		newStatements: plan.newStatements,
		newGrid: plan.newGrid,
		problems: plan.problems
	};
}

/** A dry run: the preview, with a file that cannot be read reported as a problem instead of an error. */
export async function previewImport(
	db: Kysely<Database>,
	study: Study,
	request: ImportRequest
): Promise<ImportPreview> {
	try {
		const plan = await planImport(db, study, request);
		const statementCount = plan.newStatements.length || (await loadShape(db, study)).codes.length;
		return previewOf(plan, statementCount);
	} catch (error) {
		if (!(error instanceof AppError) || error.statusCode !== 422) throw error;
		return {
			valid: false,
			format: request.format,
			sortCount: 0,
			statementCount: 0,
			labels: [],
			newStatements: [],
			newGrid: null,
			problems: [{ sort: '', code: error.code, message: error.message }]
		};
	}
}

/** Imports all sorts or none: any problem → 422 IMPORT_INVALID with every problem listed, nothing stored. */
export async function runImport(
	db: Kysely<Database>,
	study: Study,
	request: ImportRequest
): Promise<{ imported: number }> {
	const plan = await planImport(db, study, request);
	if (plan.problems.length > 0) {
		const first = plan.problems.slice(0, 3).map((p) => (p.sort ? `${p.sort}: ${p.message}` : p.message));
		throw new AppError(
			422,
			'IMPORT_INVALID',
			`Nothing was imported. ${plan.problems.length} problem(s), e.g. ${first.join('; ')}.`,
			{
				problems: plan.problems
			}
		);
	}
	await db.transaction().execute(async (trx) => {
		await insertStatements(
			trx,
			plan.newStatements.map((s, i) => ({
				study_id: study.id,
				code: s.code,
				text: JSON.stringify(s.text),
				position: i + 1,
				in_qset: true
			}))
		);
		if (plan.newGrid) await writeGridColumns(trx, study.id, plan.newGrid);
		for (let start = 0; start < plan.sorts.length; start += 500) {
			await insertSorts(
				trx,
				plan.sorts.slice(start, start + 500).map((s, i) => ({
					study_id: study.id,
					label: s.label,
					source: 'import' as const,
					placements: JSON.stringify(s.placements),
					// One microsecond apart, so that lists and exports keep the file's order of sorts.
					submitted_at: sql<Date>`now() + ${start + i} * interval '1 microsecond'`
				}))
			);
		}
	});
	return { imported: plan.sorts.length };
}
