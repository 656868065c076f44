import type { Kysely } from 'kysely';
import type { Presentation, PresentationStatement } from '../../src/lib/api/types/interpretations.js';
import { definingSortIndices } from '../../src/lib/dialogue/analysis-result.js';
import type { Database } from '../db/schema.js';
import { loadGrid } from '../studies/grid.js';
import type { LoadedAnalysis } from './access.js';
import { readInterpretations } from './interpretations-read.js';
import { statementTexts, studyTexts } from './texts.js';

/** Everything the slides and the handout show, in one language. Factors without scores are left out. */
export async function buildPresentation(
	db: Kysely<Database>,
	analysis: LoadedAnalysis,
	lang: string | undefined
): Promise<Presentation> {
	const { result } = analysis;
	const texts = await studyTexts(db, analysis.studyId, lang);
	const statementText = await statementTexts(db, analysis.studyId, texts.language);
	const grid = await loadGrid(db, analysis.studyId);
	const interpretations = await readInterpretations(db, analysis.id, result.nFactors);
	const viewpoints: Presentation['viewpoints'] = [];
	for (const interpretation of interpretations) {
		const f = interpretation.factor - 1;
		if (!result.factorArrays.every((row) => typeof row[f] === 'number')) continue;
		const marked = new Set(result.distinguishing[f] ?? []);
		const statements = result.statementCodes.map((code, s): PresentationStatement => {
			const z = result.zScores[s][f] as number;
			const others = result.zScores[s].filter((v, g): v is number => g !== f && typeof v === 'number');
			const mean = others.length ? others.reduce((a, b) => a + b, 0) / others.length : 0;
			return {
				number: s + 1,
				code,
				text: statementText.get(code) ?? code,
				value: result.factorArrays[s][f] as number,
				z,
				distinguishing: marked.has(s + 1) ? (z >= mean ? 'higher' : 'lower') : null
			};
		});
		viewpoints.push({
			...interpretation,
			statements,
			nDefining: definingSortIndices(result, interpretation.factor).length
		});
	}
	return {
		study: { title: texts.title, question: texts.instructions, language: texts.language },
		analysis: { id: analysis.id, name: analysis.name, studyId: analysis.studyId },
		grid,
		viewpoints,
		consensus: result.consensus.map((number) => ({
			number,
			code: result.statementCodes[number - 1],
			text: statementText.get(result.statementCodes[number - 1]) ?? result.statementCodes[number - 1],
			values: result.factorArrays[number - 1].map((v) => v ?? 0)
		}))
	};
}
