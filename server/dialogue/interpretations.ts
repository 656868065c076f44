import type { Kysely } from 'kysely';
import type { Interpretation, InterpretationInput, Quote } from '../../src/lib/api/types/interpretations.js';
import { type AnalysisResultLike, definingSortIndices } from '../../src/lib/dialogue/analysis-result.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { sortCommentRows } from '../studies/sorts-repository.js';
import type { LoadedAnalysis } from './access.js';
import { readInterpretations } from './interpretations-read.js';
import { upsertInterpretation } from './interpretations-repository.js';

function requireFactor(result: AnalysisResultLike, factor: number): void {
	if (!Number.isInteger(factor) || factor < 1 || factor > result.nFactors) {
		throw new AppError(404, 'FACTOR_NOT_FOUND', `This analysis has factors 1 to ${result.nFactors}.`);
	}
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every post-sort comment and interviewer note of a factor's defining sorts, labelled with the
 * respondent number as typed (or, without one, the sort's label as Voortgang lists it): never a name.
 */
export async function quoteCandidates(
	db: Kysely<Database>,
	analysis: LoadedAnalysis,
	factor: number
): Promise<Quote[]> {
	const { result } = analysis;
	requireFactor(result, factor);
	const indices = definingSortIndices(result, factor);
	if (indices.length === 0) return [];
	const labels = indices.map((i) => result.sortIds[i]);
	const rows = await sortCommentRows(db, analysis.studyId, labels);
	const codes = new Set(result.statementCodes);
	const candidates: Quote[] = [];
	for (const index of indices) {
		const sortId = result.sortIds[index];
		const row = rows.find((r) => r.label === sortId);
		if (!row) continue;
		const respondent = row.respondent_number?.trim() || row.label;
		for (const [key, text] of Object.entries(row.comments ?? {})) {
			if (typeof text === 'string' && text.trim()) {
				candidates.push({
					sortId,
					respondent,
					text: squash(text),
					source: 'comment',
					...(codes.has(key) ? { statement: key } : {})
				});
			}
		}
		const notes = row.interviewer_notes ?? {};
		if (typeof notes.sort === 'string' && notes.sort.trim())
			candidates.push({ sortId, respondent, text: squash(notes.sort), source: 'interviewer_note' });
		for (const [code, text] of Object.entries(notes.statements ?? {})) {
			if (typeof text === 'string' && text.trim()) {
				candidates.push({ sortId, respondent, text: squash(text), source: 'interviewer_note', statement: code });
			}
		}
	}
	return candidates;
}

/**
 * Saves a factor's name, narrative and quotes. A quote must come from a comment or note of one of the
 * factor's defining sorts (it may be shortened to a part of it); its respondent number is taken from
 * the server's data, so no name can be typed in as a label.
 */
export async function saveInterpretation(
	db: Kysely<Database>,
	analysis: LoadedAnalysis,
	factor: number,
	researcherId: string,
	input: InterpretationInput
): Promise<Interpretation> {
	const candidates = await quoteCandidates(db, analysis, factor);
	const quotes: Quote[] = input.quotes.map((quote, i) => {
		const text = squash(quote.text);
		const source = candidates.find(
			(c) =>
				c.sortId === quote.sortId &&
				c.source === quote.source &&
				(quote.statement ?? null) === (c.statement ?? null) &&
				text &&
				c.text.includes(text)
		);
		if (!source) {
			throw new AppError(
				422,
				'QUOTE_NOT_FOUND',
				`Quote ${i + 1} is not (part of) a comment or note of a defining sort of factor ${factor}.`
			);
		}
		return { ...source, text };
	});
	await upsertInterpretation(db, {
		analysisId: analysis.id,
		factor,
		name: input.name.trim(),
		narrative: input.narrative.trim(),
		quotes,
		updatedBy: researcherId
	});
	const all = await readInterpretations(db, analysis.id, analysis.result.nFactors);
	return all[factor - 1];
}
