import type { GridColumn, LocalizedText, QuestionOption, QuestionPhase, QuestionType } from '../db/schema.js';

/** The demo study's fixed content (apart from its statements, see statements.ts). */
export const DEMO_SLUG = 'politie-diversiteit';

export const DEMO_STUDY = {
	slug: DEMO_SLUG,
	languages: ['nl', 'en'],
	title: { nl: 'Meer diversiteit in het politieteam', en: 'More diversity in the police team' },
	consent: {
		nl: [
			'Dit is een demostudie van Standpunt. De sorteringen die je hier ziet, zijn gemaakte demodata. Het zijn geen echte antwoorden.',
			'Het onderzoeksteam dat deze Standpunt beheert, is verantwoordelijk voor dit onderzoek. Met vragen kun je bij hen terecht.',
			'Meedoen is vrijwillig. Je kunt altijd stoppen. Je hoeft niet te zeggen waarom.',
			'Je antwoorden zijn anoniem. We vragen niet naar je naam en we bewaren geen IP-adressen. Groepen van minder dan vijf mensen laten we nooit apart zien.',
			'We bewaren de gegevens tot het einde van het onderzoek. Uiterlijk twee jaar daarna worden ze gewist.',
			'Na het insturen krijg je een ontvangstcode. Met die code kun je later je deelname intrekken. Je sortering wordt dan gewist.'
		].join('\n\n'),
		en: [
			'This is a demonstration study of Standpunt. The completed sorts you see here are generated demo data, not real answers.',
			'The research team that runs this Standpunt installation is responsible for this study; you can put your questions to them.',
			'Taking part is voluntary. You can stop at any moment without giving a reason.',
			'Your answers are anonymous: we do not ask for your name and do not store IP addresses. Groups of fewer than five people are never shown separately.',
			'The data is kept until the end of the study and deleted no later than two years after that.',
			'After submitting you receive a receipt code. With that code you can withdraw later; your sort is then deleted.'
		].join('\n\n')
	},
	instructions: {
		nl: 'Sorteer de stellingen naar hoe eens je het ermee bent. Leg eerst elke stelling op een van drie stapels: oneens, neutraal of eens. Zet ze daarna in het schema, van −4 (het meest oneens) tot +4 (het meest eens). Er zijn geen goede of foute antwoorden. Het gaat om hoe jij het ziet.',
		en: 'Sort the statements by how much you agree with them. First put each statement on one of three piles: disagree, neutral or agree. Then place them in the grid, from −4 (most disagree) to +4 (most agree). There are no right or wrong answers: it is your own view that counts.'
	},
	thankYou: {
		nl: 'Bedankt voor je sortering. De uitkomsten bespreken we in dialoogsessies op de bureaus waar de interviews zijn gehouden.',
		en: 'Thank you for your sort. The results will be discussed in dialogue sessions at the stations where the interviews took place.'
	},
	contact: {
		nl: 'Dit is een demostudie. Bij een echte studie staat hier hoe je de onderzoekers bereikt, bijvoorbeeld een e-mailadres. Hier regelt de beheerder van deze Standpunt het intrekken.',
		en: 'This is a demo study. A real study says here how to reach its researchers, for example an e-mail address. Here the administrator of this Standpunt handles withdrawals.'
	}
} satisfies {
	slug: string;
	languages: string[];
	title: LocalizedText;
	consent: LocalizedText;
	instructions: LocalizedText;
	thankYou: LocalizedText;
	contact: LocalizedText;
};

/** Column value → number of cards: −4…+4, forced, 40 cards in all. */
export const DEMO_GRID: GridColumn[] = [
	{ value: -4, capacity: 2 },
	{ value: -3, capacity: 3 },
	{ value: -2, capacity: 4 },
	{ value: -1, capacity: 6 },
	{ value: 0, capacity: 10 },
	{ value: 1, capacity: 6 },
	{ value: 2, capacity: 4 },
	{ value: 3, capacity: 3 },
	{ value: 4, capacity: 2 }
];

export interface DemoQuestion {
	key: string;
	phase: QuestionPhase;
	type: QuestionType;
	prompt: LocalizedText;
	options: QuestionOption[];
	required: boolean;
	offerDecline: boolean;
}

const option = (value: string, nl: string, en: string): QuestionOption => ({ value, label: { nl, en } });

const URGENCY_SCALE: QuestionOption[] = [
	option('1', 'Helemaal niet urgent', 'Not urgent at all'),
	option('2', 'Niet zo urgent', 'Not very urgent'),
	option('3', 'Neutraal', 'Neutral'),
	option('4', 'Urgent', 'Urgent'),
	option('5', 'Zeer urgent', 'Very urgent')
];

/**
 * Pre- and post-sort questions. A declined answer ("zeg ik liever niet") is stored as `null` under the
 * question's key; an unanswered optional question is simply absent.
 */
export const DEMO_QUESTIONS: DemoQuestion[] = [
	{
		key: 'unit',
		phase: 'pre',
		type: 'single',
		prompt: { nl: 'In welk onderdeel werk je?', en: 'Which unit do you work in?' },
		options: [
			option('noodhulp', 'Noodhulp', 'Emergency response'),
			option('recherche', 'Recherche', 'Criminal investigation'),
			option('wijkagent', 'Wijkagent', 'Community officer'),
			option('intake_service', 'Intake & service', 'Intake & service'),
			option('operationeel_expert', 'Operationeel expert', 'Operational expert'),
			option('anders', 'Anders', 'Other')
		],
		required: false,
		offerDecline: true
	},
	{
		key: 'area',
		phase: 'pre',
		type: 'single',
		prompt: {
			nl: 'Werk je vooral in een stad of op het platteland?',
			en: 'Do you mainly work in an urban or a rural area?'
		},
		options: [option('stedelijk', 'Stedelijk', 'Urban'), option('landelijk', 'Landelijk', 'Rural')],
		required: false,
		offerDecline: true
	},
	{
		key: 'years_of_service',
		phase: 'pre',
		type: 'single',
		prompt: { nl: 'Hoeveel jaar werk je bij de politie?', en: 'How many years have you worked for the police?' },
		options: [
			option('0_5', '0 tot 5 jaar', '0 to 5 years'),
			option('6_15', '6 tot 15 jaar', '6 to 15 years'),
			option('16_25', '16 tot 25 jaar', '16 to 25 years'),
			option('26_plus', '26 jaar of langer', '26 years or more')
		],
		required: false,
		offerDecline: true
	},
	{
		key: 'gender',
		phase: 'pre',
		type: 'single',
		prompt: { nl: 'Wat is je gender?', en: 'What is your gender?' },
		options: [option('vrouw', 'Vrouw', 'Woman'), option('man', 'Man', 'Man'), option('anders', 'Anders', 'Other')],
		required: false,
		offerDecline: true
	},
	{
		key: 'why_most_agree',
		phase: 'post',
		type: 'long_text',
		prompt: {
			nl: 'Waarom heb je juist deze stellingen bij +4 (het meest eens) gelegd?',
			en: 'Why did you put these statements at +4 (most agree)?'
		},
		options: [],
		required: false,
		offerDecline: false
	},
	{
		key: 'why_most_disagree',
		phase: 'post',
		type: 'long_text',
		prompt: {
			nl: 'Waarom heb je juist deze stellingen bij −4 (het meest oneens) gelegd?',
			en: 'Why did you put these statements at −4 (most disagree)?'
		},
		options: [],
		required: false,
		offerDecline: false
	},
	{
		key: 'urgency_origin',
		phase: 'post',
		type: 'scale',
		prompt: {
			nl: 'Hoe urgent vind je een diverser team, als diversiteit gaat over afkomst, huidskleur, geaardheid of geloof?',
			en: 'How urgent is a more diverse team for you, if diversity is about origin, skin colour, orientation or belief?'
		},
		options: URGENCY_SCALE,
		required: false,
		offerDecline: true
	},
	{
		key: 'urgency_competences',
		phase: 'post',
		type: 'scale',
		prompt: {
			nl: 'Hoe urgent vind je een diverser team, als diversiteit gaat over een brede mix van competenties (analytisch vermogen, social media, kennis van doelgroepen, talen, slecht nieuws brengen, financieel inzicht)?',
			en: 'How urgent is a more diverse team for you, if diversity is about a broad mix of competences (analytical ability, social media, knowledge of target groups, languages, delivering bad news, financial insight)?'
		},
		options: URGENCY_SCALE,
		required: false,
		offerDecline: true
	}
];
