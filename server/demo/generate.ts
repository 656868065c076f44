import type { InterviewerNotes } from '../db/schema.js';
import { SeededRandom } from './random.js';
import { DEMO_STATEMENTS } from './statements.js';
import { DEMO_GRID } from './study.js';
import { VIEWPOINTS, type Viewpoint } from './viewpoints.js';

/** One synthetic respondent: a forced sort plus answers, comments and (sometimes) interviewer notes. */
export interface DemoSort {
	label: string;
	viewpoint: string;
	facilitated: boolean;
	placements: Record<string, number>;
	answers: Record<string, string | null>;
	comments: Record<string, string>;
	interviewerNotes: InterviewerNotes;
	startedAt: Date;
	submittedAt: Date;
}

export const DEMO_SEED = 20_261_123;
export const DEMO_RESPONDENTS = 70;
/** Spread of the noise added to a viewpoint's ideal scores; about 0.7 correlation with the ideal. */
const NOISE = 1.5;

/** The grid as one value per card, highest first: [4, 4, 3, 3, 3, 2, …, −4]. */
export function gridValuesDescending(): number[] {
	const values: number[] = [];
	for (const column of [...DEMO_GRID].sort((a, b) => b.value - a.value)) {
		for (let i = 0; i < column.capacity; i++) values.push(column.value);
	}
	return values;
}

/** Ranks statements by score (highest first) and hands out the grid's values in that order. */
export function forceOntoGrid(scores: Record<string, number>): Record<string, number> {
	const values = gridValuesDescending();
	const codes = Object.keys(scores).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a.localeCompare(b));
	if (codes.length !== values.length) throw new Error(`expected ${values.length} statements, got ${codes.length}`);
	return Object.fromEntries(codes.map((code, i) => [code, values[i] as number]));
}

const INTERVIEWER_NOTES = [
	'Respondent nam ruim de tijd en lichtte veel stellingen hardop toe.',
	'Twijfelde lang over de middelste kolom; wilde meer stellingen bij neutraal leggen dan paste.',
	'Vond de stellingen over afkomst lastig om eerlijk te sorteren, maar deed het wel.',
	'Vertelde over een eerdere periode in een gemengd team in de stad.',
	'Interview op het bureau tijdens een rustige avonddienst, twee keer onderbroken door een melding.',
	'Begon met de stellingen over werkdruk; daar had de respondent het meest over te zeggen.'
];

/** Places respondent numbers so that the four viewpoints are mixed through R01…R70, not in blocks. */
function assignViewpoints(random: SeededRandom): Viewpoint[] {
	const pool = VIEWPOINTS.flatMap((v) => Array.from({ length: v.size }, () => v));
	if (pool.length !== DEMO_RESPONDENTS)
		throw new Error(`viewpoint sizes add up to ${pool.length}, not ${DEMO_RESPONDENTS}`);
	const order = random.shuffle(pool);
	// Respondent 64 is the one quoted about goalkeepers in the flagship study: give that quote a home.
	const craft = order.findIndex((v) => v.key === 'craft');
	if (order[63]?.key !== 'craft' && craft >= 0)
		[order[63], order[craft]] = [order[craft] as Viewpoint, order[63] as Viewpoint];
	return order;
}

/** About a third women (23 of 70), one "anders", two who prefer not to say. */
function assignGenders(random: SeededRandom): (string | null)[] {
	const list: (string | null)[] = [
		...Array<string>(23).fill('vrouw'),
		...Array<string>(44).fill('man'),
		'anders',
		null,
		null
	];
	return random.shuffle(list);
}

function urgencyAnswer(random: SeededRandom, urgentChance: number): string {
	return String(random.chance(urgentChance) ? random.int(4, 5) : random.int(1, 3));
}

function sortScores(
	random: SeededRandom,
	primary: Viewpoint,
	secondary: Viewpoint | undefined
): Record<string, number> {
	const mix = secondary ? 0.2 + random.next() * 0.25 : 0;
	return Object.fromEntries(
		DEMO_STATEMENTS.map((s) => {
			const base = (primary.ideal[s.code] ?? 0) * (1 - mix) + (secondary?.ideal[s.code] ?? 0) * mix;
			return [s.code, base + NOISE * random.normal()];
		})
	);
}

function extremeComments(
	random: SeededRandom,
	viewpoint: Viewpoint,
	placements: Record<string, number>
): Record<string, string> {
	const comments: Record<string, string> = {};
	for (const [code, value] of Object.entries(placements)) {
		const pool = viewpoint.cardComments[code];
		if (Math.abs(value) === 4 && pool && random.chance(0.5)) comments[code] = random.pick(pool);
	}
	return comments;
}

/** The 70 synthetic demo sorts; the same on every run (seeded, no Math.random). */
export function generateDemoSorts(seed = DEMO_SEED): DemoSort[] {
	const random = new SeededRandom(seed);
	const viewpoints = assignViewpoints(random);
	const genders = assignGenders(random);
	const firstDay = Date.UTC(2026, 8, 7, 8, 0); // interviews ran over eight weeks from 7 September 2026

	return viewpoints.map((viewpoint, index) => {
		const label = `R${String(index + 1).padStart(2, '0')}`;
		const others = VIEWPOINTS.filter((v) => v !== viewpoint);
		const secondary = random.chance(0.25) ? random.pick(others) : undefined;
		const placements = forceOntoGrid(sortScores(random, viewpoint, secondary));
		const senior = viewpoint.key === 'priorities';
		const answers: Record<string, string | null> = {
			unit: random.weighted({
				noodhulp: 30,
				recherche: 20,
				wijkagent: 20,
				intake_service: 12,
				operationeel_expert: 12,
				anders: 6
			}),
			area: random.chance(0.55) ? 'stedelijk' : 'landelijk',
			years_of_service: random.weighted(
				senior ? { '0_5': 1, '6_15': 3, '16_25': 4, '26_plus': 4 } : { '0_5': 3, '6_15': 4, '16_25': 3, '26_plus': 2 }
			),
			gender: genders[index] ?? null,
			urgency_origin: urgencyAnswer(random, viewpoint.urgencyOrigin),
			urgency_competences: urgencyAnswer(random, viewpoint.urgencyCompetences)
		};
		if (random.chance(0.85)) answers.why_most_agree = random.pick(viewpoint.whyAgree);
		if (random.chance(0.8)) answers.why_most_disagree = random.pick(viewpoint.whyDisagree);

		// Co-researchers ran about half of the sorts in interviews; those carry notes.
		const facilitated = label === 'R64' || random.chance(0.5);
		const interviewerNotes: InterviewerNotes = {};
		if (facilitated && random.chance(0.6)) interviewerNotes.sort = random.pick(INTERVIEWER_NOTES);
		if (label === 'R64') {
			interviewerNotes.statements = {
				S16: '"We kunnen niet allemaal keeper zijn…" Respondent legde uit dat een team verschillende posities nodig heeft.'
			};
		}

		const submittedAt = new Date(firstDay + random.int(0, 55) * 86_400_000 + random.int(0, 10 * 60) * 60_000);
		const startedAt = new Date(submittedAt.getTime() - random.int(12, 45) * 60_000);
		return {
			label,
			viewpoint: viewpoint.key,
			facilitated,
			placements,
			answers,
			comments: extremeComments(random, viewpoint, placements),
			interviewerNotes,
			startedAt,
			submittedAt
		};
	});
}
