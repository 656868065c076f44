import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/schema.js';
import { type Caller, createStudyResearchers } from '../../helpers/members.js';
import { insertNumberedStatements } from '../../helpers/study-rows.js';

/**
 * A small hand-made saved analysis for the dialogue tests: 12 statements on a −2…+2 grid (1,3,4,3,1),
 * 8 sorts, 2 factors. Not computed by the engine (these tests are about sessions, not numbers); it has
 * exactly the CLI's JSON shape that the analyses table stores.
 */
export const CODES = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08', 'S09', 'S10', 'S11', 'S12'];
// Factor 1 agrees with S01 and rejects S12; factor 2 is the mirror image, with a different middle.
const ARRAY_1 = [2, 1, 1, 1, 0, 0, 0, 0, -1, -1, -1, -2];
const ARRAY_2 = [-2, -1, 0, -1, 1, 0, 0, 0, 1, -1, 1, 2];

export const RESULT = {
	nStatements: 12,
	nSorts: 8,
	extraction: 'pca',
	rotation: 'varimax',
	nFactors: 2,
	sortIds: ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08'],
	statementCodes: CODES,
	eigenvalues: [3.1, 2.2],
	explainedVariance: [35, 25],
	loadings: [
		[0.8, 0.1],
		[0.75, 0.2],
		[0.7, -0.1],
		[0.1, 0.8],
		[0.2, 0.7],
		[-0.1, 0.75],
		[0.3, 0.3],
		[0.4, 0.35]
	],
	flagged: [
		[true, false],
		[true, false],
		[true, false],
		[false, true],
		[false, true],
		[false, true],
		[false, false],
		[false, false]
	],
	zScores: CODES.map((_, i) => [ARRAY_1[i] * 0.8 - i * 0.01, ARRAY_2[i] * 0.8 + i * 0.01]),
	factorArrays: CODES.map((_, i) => [ARRAY_1[i], ARRAY_2[i]]),
	distinguishing: [
		[1, 12],
		[5, 9]
	],
	consensus: [6, 7],
	factorCharacteristics: {
		nDefining: [3, 3],
		avgRelCoef: [0.8, 0.8],
		compositeReliability: [0.92, 0.92],
		seZScores: [0.28, 0.28]
	},
	warnings: []
};

export interface Fixture {
	studyId: string;
	analysisId: string;
	/** Cookie headers of researchers by role, plus one who is not a member. */
	cookies: Record<Caller, string>;
}

/** A study with members of every role, statements, a grid, sorts with comments and notes, and the analysis. */
export async function createDialogueFixture(db: Kysely<Database>, slug = 'dialoog-test'): Promise<Fixture> {
	const study = await db
		.insertInto('studies')
		.values({
			slug,
			title: JSON.stringify({ nl: 'Diversiteit in het team', en: 'Diversity in the team' }),
			languages: JSON.stringify(['nl', 'en'])
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const cookies = await createStudyResearchers(db, study.id, slug);
	await insertNumberedStatements(db, study.id, CODES);
	await db
		.insertInto('grid_columns')
		.values(
			[
				[-2, 1],
				[-1, 3],
				[0, 4],
				[1, 3],
				[2, 1]
			].map(([value, capacity]) => ({ study_id: study.id, value, capacity }))
		)
		.execute();
	for (const [index, label] of RESULT.sortIds.entries()) {
		await db
			.insertInto('sorts')
			.values({
				study_id: study.id,
				label,
				source: 'facilitated',
				placements: JSON.stringify(
					Object.fromEntries(CODES.map((code, i) => [code, RESULT.factorArrays[i][index < 4 ? 0 : 1]]))
				),
				comments: JSON.stringify(index === 0 ? { S01: 'We kunnen niet allemaal keeper zijn.' } : {}),
				interviewer_notes: JSON.stringify(index === 3 ? { sort: 'Vertelt over de eerste weken op het bureau.' } : {}),
				respondent_number: String(60 + index)
			})
			.execute();
	}
	const analysis = await db
		.insertInto('analyses')
		.values({
			study_id: study.id,
			name: 'Voorlopige perspectieven',
			request: JSON.stringify({ extraction: 'pca', factors: 2, rotation: 'varimax' }),
			result: JSON.stringify(RESULT),
			engine_version: 'fixture'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { studyId: study.id, analysisId: analysis.id, cookies };
}

/** Headers for a researcher's state-changing request. */
export function as(cookie: string): Record<string, string> {
	return { cookie, 'x-standpunt-csrf': '1' };
}
