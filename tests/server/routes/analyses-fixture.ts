import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { createResearcher } from '../../../server/auth/accounts.js';
import { SESSION_COOKIE, createSession } from '../../../server/auth/sessions.js';
import type { Database, StudyRole } from '../../../server/db/schema.js';
import { parseSortsCsv, parseStatementsCsv } from '../../../src/lib/qmethod/index.js';

// The Lipset data (Brown 1980; tests/fixtures/lipset, copied from ../shared/reference/lipset): 9 sorts,
// 33 statements, forced grid −4…+4 with heights 2 3 4 5 5 5 4 3 2.
export const lipsetCsv = readFileSync('tests/fixtures/lipset/lipset.csv', 'utf8');
export const lipset = parseSortsCsv(lipsetCsv);
const statements = parseStatementsCsv(readFileSync('tests/fixtures/lipset/statements.csv', 'utf8'));
export const LIPSET_GRID = [2, 3, 4, 5, 5, 5, 4, 3, 2].map((capacity, index) => ({ value: index - 4, capacity }));

/** Pre-sort answers used by the composition tests: region per sort. */
export const REGIONS: Record<string, string> = {
	US1: 'america',
	US2: 'america',
	US3: 'america',
	US4: 'america',
	US8: 'america',
	CA6: 'america',
	JP5: 'asia',
	UK7: 'europe',
	FR9: 'europe'
};

export interface Researcher {
	id: string;
	cookie: string;
}

export async function researcher(db: Kysely<Database>, email: string): Promise<Researcher> {
	const { id } = await createResearcher(db, {
		email,
		password: 'correct horse battery staple',
		displayName: email.split('@')[0]
	});
	const { token } = await createSession(db, id);
	return { id, cookie: `${SESSION_COOKIE.name}=${token}` };
}

/** A study holding the Lipset sorts, with `members` in their roles; returns its id. */
export async function lipsetStudy(
	db: Kysely<Database>,
	slug: string,
	members: [Researcher, StudyRole][]
): Promise<string> {
	const { id } = await db
		.insertInto('studies')
		.values({ slug, title: JSON.stringify({ en: 'Lipset' }), languages: JSON.stringify(['en']) })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('study_members')
		.values(members.map(([r, role]) => ({ study_id: id, researcher_id: r.id, role })))
		.execute();
	await db
		.insertInto('grid_columns')
		.values(LIPSET_GRID.map((c) => ({ study_id: id, ...c })))
		.execute();
	await db
		.insertInto('statements')
		.values(
			lipset.statementCodes.map((code, s) => ({
				study_id: id,
				code,
				text: JSON.stringify({ en: statements[s]?.text ?? code }),
				position: s + 1
			}))
		)
		.execute();
	await db
		.insertInto('questions')
		.values({
			study_id: id,
			key: 'region',
			phase: 'pre',
			type: 'single',
			prompt: JSON.stringify({ en: 'Region' }),
			options: JSON.stringify(['america', 'asia', 'europe'].map((value) => ({ value, label: { en: value } }))),
			position: 1
		})
		.execute();
	const base = Date.parse('2026-01-01T00:00:00Z');
	await db
		.insertInto('sorts')
		.values(
			lipset.sortIds.map((label, i) => ({
				study_id: id,
				label,
				source: 'import' as const,
				placements: JSON.stringify(
					Object.fromEntries(lipset.statementCodes.map((code, s) => [code, Number(lipset.sorts[i][s])]))
				),
				answers: JSON.stringify({ region: REGIONS[label] }),
				comments: JSON.stringify(i === 0 ? { S33: 'I feel strongly about this one' } : {}),
				submitted_at: new Date(base + i * 60_000)
			}))
		)
		.execute();
	return id;
}
