import type { LocalizedText } from '../db/schema.js';

/**
 * Theme keys of the demo Q-set, after the findings of the flagship study (docs/product.md §1).
 * Stored in `statements.themes`; a statement may carry more than one.
 */
export const DEMO_THEMES = [
	'urgency',
	'diversity_origin',
	'diversity_competences',
	'other_priorities',
	'justice',
	'be_yourself',
	'career',
	'experience',
	'capability_trust'
] as const;

export type DemoTheme = (typeof DEMO_THEMES)[number];

/** What the researcher sees: the demo study is Dutch first, so its themes are stored under these Dutch names. */
export const DEMO_THEME_NAMES: Record<DemoTheme, string> = {
	urgency: 'urgentie',
	diversity_origin: 'diversiteit als afkomst',
	diversity_competences: 'diversiteit als mix van competenties',
	other_priorities: 'eerst andere prioriteiten',
	justice: 'rechtvaardigheid',
	be_yourself: 'jezelf kunnen zijn',
	career: 'loopbaan',
	experience: 'ervaring met diverse teams',
	capability_trust: 'slagkracht en vertrouwen'
};

export interface DemoStatement {
	code: string;
	text: LocalizedText;
	themes: DemoTheme[];
}

/**
 * The demo Q-set: 40 statements in the voice of police employees. Written for Standpunt's demo study;
 * they echo the themes of the flagship study but are not its original statements.
 */
export const DEMO_STATEMENTS: DemoStatement[] = [
	{
		code: 'S01',
		themes: ['urgency'],
		text: {
			nl: 'Een diverser team is voor mij urgent: dat moet nu gebeuren, niet over tien jaar.',
			en: 'A more diverse team is urgent to me: it has to happen now, not in ten years.'
		}
	},
	{
		code: 'S02',
		themes: ['urgency'],
		text: {
			nl: 'Diversiteit komt vanzelf wel; daar hoeven we geen haast mee te maken.',
			en: 'Diversity will come by itself; there is no need to rush it.'
		}
	},
	{
		code: 'S03',
		themes: ['urgency'],
		text: {
			nl: 'Zolang de wijk verandert en wij niet, lopen we achter de feiten aan.',
			en: 'As long as the neighbourhood changes and we do not, we will always be one step behind.'
		}
	},
	{
		code: 'S04',
		themes: ['urgency', 'experience'],
		text: {
			nl: 'In mijn dagelijkse werk merk ik niet dat we iets missen door een eenzijdig samengesteld team.',
			en: 'In my daily work I do not notice that we miss anything because our team is one-sided.'
		}
	},
	{
		code: 'S05',
		themes: ['diversity_origin'],
		text: {
			nl: "We hebben meer collega's met een niet-westerse achtergrond nodig.",
			en: 'We need more colleagues with a non-western background.'
		}
	},
	{
		code: 'S06',
		themes: ['diversity_origin'],
		text: {
			nl: 'Huidskleur of afkomst zegt niets over hoe goed iemand politiewerk doet.',
			en: 'Skin colour or origin says nothing about how well someone does police work.'
		}
	},
	{
		code: 'S07',
		themes: ['diversity_origin', 'capability_trust'],
		text: {
			nl: 'Een collega die openlijk homo of lesbisch is, maakt het voor mensen uit die groep makkelijker om aangifte te doen.',
			en: 'A colleague who is openly gay or lesbian makes it easier for people from that group to report a crime.'
		}
	},
	{
		code: 'S08',
		themes: ['diversity_origin'],
		text: {
			nl: 'Iemands geloof is privé; op het werk hoort het geen rol te spelen.',
			en: "Someone's belief is private; it should play no part at work."
		}
	},
	{
		code: 'S09',
		themes: ['diversity_origin', 'diversity_competences'],
		text: {
			nl: 'Bij diversiteit denkt iedereen meteen aan afkomst, en dat vind ik te smal.',
			en: 'When people hear "diversity" they think of origin straight away, and I find that too narrow.'
		}
	},
	{
		code: 'S10',
		themes: ['diversity_competences'],
		text: {
			nl: 'Elk team heeft iemand nodig die sterk analytisch is en patronen ziet in de cijfers.',
			en: 'Every team needs someone with strong analytical ability who sees patterns in the figures.'
		}
	},
	{
		code: 'S11',
		themes: ['diversity_competences'],
		text: {
			nl: "We hebben collega's nodig die social media begrijpen en er zelf online zichtbaar zijn.",
			en: 'We need colleagues who understand social media and are visible there themselves.'
		}
	},
	{
		code: 'S12',
		themes: ['diversity_competences'],
		text: {
			nl: 'Kennis van doelgroepen in de wijk, zoals jongeren of nieuwkomers, telt minstens zo zwaar als afkomst.',
			en: 'Knowledge of target groups in the neighbourhood, such as young people or newcomers, counts at least as much as origin.'
		}
	},
	{
		code: 'S13',
		themes: ['diversity_competences'],
		text: {
			nl: 'Een collega die de taal van de burger spreekt, zoals Arabisch, Turks, Pools of Papiaments, opent deuren die voor ons dicht blijven.',
			en: "A colleague who speaks the citizen's language, such as Arabic, Turkish, Polish or Papiamento, opens doors that stay shut for us."
		}
	},
	{
		code: 'S14',
		themes: ['diversity_competences'],
		text: {
			nl: 'Niet iedereen kan een slechtnieuwsgesprek goed voeren; in elk team moet iemand zitten die dat wel kan.',
			en: 'Not everyone can deliver bad news well; every team needs someone who can.'
		}
	},
	{
		code: 'S15',
		themes: ['diversity_competences'],
		text: {
			nl: 'Voor ondermijning en fraude hebben we mensen met financieel inzicht nodig, niet nog meer van hetzelfde.',
			en: 'For organised crime and fraud we need people with financial insight, not more of the same.'
		}
	},
	{
		code: 'S16',
		themes: ['diversity_competences', 'capability_trust'],
		text: {
			nl: 'We kunnen niet allemaal keeper zijn: een goed team heeft verschillende talenten nodig.',
			en: 'We cannot all be goalkeepers: a good team needs different talents.'
		}
	},
	{
		code: 'S17',
		themes: ['other_priorities'],
		text: {
			nl: 'Eerst moet het capaciteitstekort worden opgelost; daarna kunnen we het over diversiteit hebben.',
			en: 'First the capacity shortage has to be solved; after that we can talk about diversity.'
		}
	},
	{
		code: 'S18',
		themes: ['other_priorities'],
		text: {
			nl: 'De roosters en de werkdruk zijn op dit moment het echte probleem in mijn team.',
			en: 'Rosters and workload are the real problem in my team at the moment.'
		}
	},
	{
		code: 'S19',
		themes: ['other_priorities'],
		text: {
			nl: 'Door de vergrijzing verdwijnt veel ervaring uit het korps; daar moeten we eerst iets mee.',
			en: 'With an ageing workforce a lot of experience is leaving the force; we have to deal with that first.'
		}
	},
	{
		code: 'S20',
		themes: ['other_priorities'],
		text: {
			nl: "Goede zorg voor de mensen die we al hebben gaat voor het werven van nieuwe collega's.",
			en: 'Taking good care of the people we already have comes before recruiting new colleagues.'
		}
	},
	{
		code: 'S21',
		themes: ['other_priorities', 'urgency'],
		text: {
			nl: 'Diversiteit is een stokpaardje van de top; op de werkvloer hebben we andere zorgen.',
			en: 'Diversity is a hobby-horse of senior management; on the work floor we have other worries.'
		}
	},
	{
		code: 'S22',
		themes: ['justice'],
		text: {
			nl: 'Etnisch profileren komt voor, en daar moeten we binnen de politie eerlijk over zijn.',
			en: 'Ethnic profiling happens, and we have to be honest about it within the police.'
		}
	},
	{
		code: 'S23',
		themes: ['justice'],
		text: {
			nl: 'Iedereen moet gelijk behandeld worden, op straat en op het bureau.',
			en: 'Everyone must be treated equally, on the street and in the station.'
		}
	},
	{
		code: 'S24',
		themes: ['justice', 'be_yourself'],
		text: {
			nl: 'Grappen over afkomst of geaardheid in de auto of de kantine worden te vaak weggelachen.',
			en: 'Jokes about origin or sexual orientation in the patrol car or the canteen are laughed off too often.'
		}
	},
	{
		code: 'S25',
		themes: ['justice'],
		text: {
			nl: 'Wie ziet dat een collega oneerlijk wordt behandeld, moet dat kunnen melden zonder er zelf last van te krijgen.',
			en: 'Anyone who sees a colleague being treated unfairly must be able to report it without suffering for it.'
		}
	},
	{
		code: 'S26',
		themes: ['justice', 'diversity_origin'],
		text: {
			nl: 'Kandidaten voorrang geven vanwege hun afkomst vind ik oneerlijk tegenover anderen.',
			en: 'Giving candidates priority because of their origin is unfair to others.'
		}
	},
	{
		code: 'S27',
		themes: ['be_yourself'],
		text: {
			nl: 'Op mijn werk kan ik helemaal mezelf zijn.',
			en: 'At work I can be entirely myself.'
		}
	},
	{
		code: 'S28',
		themes: ['be_yourself'],
		text: {
			nl: 'Wie anders is, moet zich bij ons nog te vaak aanpassen om erbij te horen.',
			en: 'Anyone who is different still too often has to adapt to fit in with us.'
		}
	},
	{
		code: 'S29',
		themes: ['be_yourself'],
		text: {
			nl: 'In de politiecultuur is weinig ruimte voor twijfel of emotie.',
			en: 'Police culture leaves little room for doubt or emotion.'
		}
	},
	{
		code: 'S30',
		themes: ['be_yourself'],
		text: {
			nl: 'Als ik mezelf kan zijn, werk ik beter en blijf ik langer.',
			en: 'When I can be myself, I work better and stay longer.'
		}
	},
	{
		code: 'S31',
		themes: ['career'],
		text: {
			nl: 'Doorgroeien hangt hier meer af van wie je kent dan van wat je kunt.',
			en: 'Moving up here depends more on who you know than on what you can do.'
		}
	},
	{
		code: 'S32',
		themes: ['career'],
		text: {
			nl: 'Ik ben gefrustreerd over mijn loopbaanmogelijkheden bij de politie.',
			en: 'I am frustrated about my career opportunities in the police.'
		}
	},
	{
		code: 'S33',
		themes: ['career', 'diversity_origin'],
		text: {
			nl: "Collega's met een migratieachtergrond vertrekken sneller, omdat ze niet verder komen.",
			en: 'Colleagues with a migration background leave sooner because they cannot move up.'
		}
	},
	{
		code: 'S34',
		themes: ['career', 'justice'],
		text: {
			nl: 'Leidinggevenden kiezen onbewust voor mensen die op henzelf lijken.',
			en: 'Managers unconsciously choose people who resemble themselves.'
		}
	},
	{
		code: 'S35',
		themes: ['experience'],
		text: {
			nl: 'Sinds ik in een gemengd team werk, zie ik wat het oplevert.',
			en: 'Since I started working in a mixed team, I see what it brings.'
		}
	},
	{
		code: 'S36',
		themes: ['experience'],
		text: {
			nl: 'In een divers team kost samenwerken meer tijd en energie.',
			en: 'In a diverse team, working together takes more time and energy.'
		}
	},
	{
		code: 'S37',
		themes: ['experience'],
		text: {
			nl: "Ik heb weinig ervaring met collega's die heel anders zijn dan ik.",
			en: 'I have little experience with colleagues who are very different from me.'
		}
	},
	{
		code: 'S38',
		themes: ['capability_trust'],
		text: {
			nl: 'Een gevarieerd team maakt de politie slagvaardiger.',
			en: 'A varied team makes the police more capable.'
		}
	},
	{
		code: 'S39',
		themes: ['capability_trust', 'justice'],
		text: {
			nl: 'Burgers vertrouwen de politie meer als ze zichzelf terugzien in het team.',
			en: 'Citizens trust the police more when they see themselves reflected in the team.'
		}
	},
	{
		code: 'S40',
		themes: ['capability_trust'],
		text: {
			nl: 'Voor het vertrouwen van burgers maakt het niet uit wie er in de auto zit, als het werk maar goed gebeurt.',
			en: "For citizens' trust it does not matter who is in the car, as long as the job is done well."
		}
	}
];
