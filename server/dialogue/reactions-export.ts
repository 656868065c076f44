import type { Tally } from '../../src/lib/dialogue/tally.js';
import type { AnalysisReactions } from '../../src/lib/api/types/dialogue.js';
import { newWorkbook } from '../exports/workbook.js';

const HIDDEN = '< 5';

const QUESTION_TEXT: Record<string, string> = {
	recognise: 'Herken ik dit? (1–5)',
	relevant: 'Relevant voor de praktijk? (1–5)',
	'best-fit': 'Welk perspectief past het best bij mij?',
	missing: 'Wat missen we?',
	'mini-sort': 'Mini-sort: dichtstbijzijnde perspectief'
};

function questionText(key: string, viewpoints: { factor: number; name: string }[]): string {
	const match = /^(recognise|relevant)-(\d+)$/.exec(key);
	if (!match) return QUESTION_TEXT[key] ?? key;
	const factor = Number(match[2]);
	const name = viewpoints.find((v) => v.factor === factor)?.name;
	return `${QUESTION_TEXT[match[1]]} — perspectief ${factor}${name ? `: ${name}` : ''}`;
}

function answerText(value: string, viewpoints: { factor: number; name: string }[]): string {
	const match = /^factor-(\d+)$/.exec(value);
	if (!match) return value === 'mix' ? 'een mix' : value === 'none' ? 'geen' : value;
	const name = viewpoints.find((v) => v.factor === Number(match[1]))?.name;
	return `perspectief ${match[1]}${name ? `: ${name}` : ''}`;
}

export const TALLY_COLUMNS = [
	'analysis',
	'session',
	'place',
	'date',
	'question',
	'question_text',
	'answer',
	'count',
	'total',
	'mean',
	'note'
];
const PARTIAL_NOTE = 'zonder de sessies met minder dan 5 antwoorden op deze vraag';
export const TEXT_COLUMNS = ['analysis', 'session', 'place', 'date', 'moderation', 'answered_at', 'text'];

type Cell = string | number;

/**
 * One row per question and answer option, per session and for all sessions. A question with fewer than 5
 * answers shows "< 5" in every count and its total, and no mean (the rule of src/lib/dialogue/tally.ts).
 */
export function tallyRows(report: AnalysisReactions[]): Cell[][] {
	const rows: Cell[][] = [];
	for (const analysis of report) {
		const groups = [
			...analysis.sessions.map((s) => ({
				session: s.name,
				place: s.place,
				date: s.date ?? '',
				tallies: [...s.tallies, s.miniSortTally]
			})),
			{
				session: 'alle sessies',
				place: '',
				date: '',
				tallies: [...analysis.combined.tallies, analysis.combined.miniSortTally]
			}
		];
		for (const group of groups) {
			for (const tally of group.tallies) {
				const base = [
					analysis.name,
					group.session,
					group.place,
					group.date,
					tally.questionKey,
					questionText(tally.questionKey, analysis.viewpoints)
				];
				const total = tally.total ?? HIDDEN;
				const mean = tally.mean === null ? '' : Math.round(tally.mean * 100) / 100;
				const note = tally.partial ? PARTIAL_NOTE : '';
				if (tally.options.length === 0) rows.push([...base, '(vrije tekst)', total, total, '', note]);
				for (const option of tally.options)
					rows.push([
						...base,
						answerText(option.value, analysis.viewpoints),
						option.count ?? HIDDEN,
						total,
						mean,
						note
					]);
			}
		}
	}
	return rows;
}

export function textRows(report: AnalysisReactions[]): Cell[][] {
	return report.flatMap((analysis) =>
		analysis.freeTexts.map((text) => {
			const session = analysis.sessions.find((s) => s.id === text.sessionId);
			return [
				analysis.name,
				session?.name ?? '',
				session?.place ?? '',
				session?.date ?? '',
				text.moderation,
				text.answeredAt,
				text.text
			];
		})
	);
}

/** The workbook: the tallies, the free texts, and a sheet that states the small-group rule. */
export async function toWorkbook(report: AnalysisReactions[]): Promise<Buffer> {
	const workbook = await newWorkbook();
	const tallies = workbook.addWorksheet('Reacties');
	tallies.addRow(TALLY_COLUMNS);
	for (const row of tallyRows(report)) tallies.addRow(row);
	const texts = workbook.addWorksheet('Wat missen we');
	texts.addRow(TEXT_COLUMNS);
	for (const row of textRows(report)) texts.addRow(row);
	const about = workbook.addWorksheet('Toelichting');
	about.addRow([
		'Een vraag met minder dan 5 antwoorden toont niets: geen aantallen ("< 5"), geen totaal en geen gemiddelde. Vanaf 5 antwoorden staat de hele verdeling er.'
	]);
	about.addRow([
		`"alle sessies" telt sessies met minder dan 5 antwoorden alleen mee als ze samen minstens 5 antwoorden hebben; anders staat er "${PARTIAL_NOTE}".`
	]);
	about.addRow(['Deelnemers zijn anoniem: geen namen, geen IP-adressen. De mini-sort is alleen als telling bewaard.']);
	for (const sheet of [tallies, texts]) sheet.getRow(1).font = { bold: true };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type { Tally };
