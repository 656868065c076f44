import type { LocalizedText, QuestionOption, QuestionPhase, QuestionType } from '../db/schema.js';

/** The demo study's fixed content (apart from its statements, see statements.ts). */
export const DEMO_SLUG = 'politie-diversiteit';

export const DEMO_STUDY = {
	slug: DEMO_SLUG,
	languages: ['nl', 'en'],
	title: { nl: 'Meer diversiteit in het politieteam', en: 'More diversity in the police team' },
	consent: {
		nl: [
			'Dit is een demonstratiestudie van Standpunt. De ingevulde sorteringen die u hier ziet zijn gegenereerde demodata, geen echte antwoorden.',
			'Verantwoordelijk voor dit onderzoek is het onderzoeksteam dat Standpunt beheert; vragen kunt u aan hen stellen.',
			'Meedoen is vrijwillig. U kunt op elk moment stoppen zonder opgaaf van reden.',
			'Uw antwoorden zijn anoniem: we vragen niet naar uw naam en slaan geen IP-adressen op. Groepen kleiner dan vijf personen worden nooit apart getoond.',
			'De gegevens worden bewaard tot het einde van het onderzoek en uiterlijk twee jaar daarna verwijderd.',
			'Na het insturen krijgt u een ontvangstcode. Met die code kunt u uw deelname later intrekken; uw sortering wordt dan verwijderd.'
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
		nl: 'Sorteer de stellingen naar de mate waarin u het ermee eens bent. Leg eerst elke stelling op een van drie stapels: oneens, neutraal of eens. Zet ze daarna in het schema, van −4 (het meest oneens) tot +4 (het meest eens). Er zijn geen goede of foute antwoorden: het gaat om uw eigen kijk.',
		en: 'Sort the statements by how much you agree with them. First put each statement on one of three piles: disagree, neutral or agree. Then place them in the grid, from −4 (most disagree) to +4 (most agree). There are no right or wrong answers: it is your own view that counts.'
	},
	thankYou: {
		nl: 'Dank u wel voor uw sortering. Bewaar uw ontvangstcode goed: daarmee kunt u uw deelname later intrekken. De uitkomsten worden besproken in dialoogsessies op de bureaus waar de interviews zijn gehouden.',
		en: 'Thank you for your sort. Keep your receipt code safe: you can use it to withdraw later. The results will be discussed in dialogue sessions at the stations where the interviews took place.'
	}
} satisfies {
	slug: string;
	languages: string[];
	title: LocalizedText;
	consent: LocalizedText;
	instructions: LocalizedText;
	thankYou: LocalizedText;
};

/** Column value → number of cards: −4…+4, forced, 40 cards in all. */
export const DEMO_GRID: { value: number; capacity: number }[] = [
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
		prompt: { nl: 'In welk onderdeel werkt u?', en: 'Which unit do you work in?' },
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
		prompt: { nl: 'Werkt u vooral in een stedelijk of een landelijk gebied?', en: 'Do you mainly work in an urban or a rural area?' },
		options: [option('stedelijk', 'Stedelijk', 'Urban'), option('landelijk', 'Landelijk', 'Rural')],
		required: false,
		offerDecline: true
	},
	{
		key: 'years_of_service',
		phase: 'pre',
		type: 'single',
		prompt: { nl: 'Hoeveel jaar werkt u bij de politie?', en: 'How many years have you worked for the police?' },
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
		prompt: { nl: 'Wat is uw gender?', en: 'What is your gender?' },
		options: [option('vrouw', 'Vrouw', 'Woman'), option('man', 'Man', 'Man'), option('anders', 'Anders', 'Other')],
		required: false,
		offerDecline: true
	},
	{
		key: 'why_most_agree',
		phase: 'post',
		type: 'long_text',
		prompt: {
			nl: 'Waarom heeft u juist deze stellingen bij +4 (het meest eens) gelegd?',
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
			nl: 'Waarom heeft u juist deze stellingen bij −4 (het meest oneens) gelegd?',
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
			nl: 'Hoe urgent vindt u een diverser team, als diversiteit gaat over afkomst, huidskleur, geaardheid of geloof?',
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
			nl: 'Hoe urgent vindt u een diverser team, als diversiteit gaat over een brede mix van competenties (analytisch vermogen, social media, kennis van doelgroepen, talen, slecht nieuws brengen, financieel inzicht)?',
			en: 'How urgent is a more diverse team for you, if diversity is about a broad mix of competences (analytical ability, social media, knowledge of target groups, languages, delivering bad news, financial insight)?'
		},
		options: URGENCY_SCALE,
		required: false,
		offerDecline: true
	}
];
