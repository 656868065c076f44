import type { LocalizedText } from '../db/schema.js';

/**
 * The four viewpoints the synthetic demo sorts are generated from. Each mirrors a finding of the
 * flagship study (docs/product.md §1). `ideal` gives a statement's preferred score (−4…+4);
 * statements not listed sit at 0. A generated sort is a noisy version of this ranking, forced onto
 * the grid (generate.ts).
 */
export interface Viewpoint {
	key: string;
	name: LocalizedText;
	/** How many of the 70 demo respondents start from this viewpoint. */
	size: number;
	ideal: Record<string, number>;
	/** Chance (0–1) that a respondent calls a more diverse team urgent (4 or 5) per meaning of diversity. */
	urgencyOrigin: number;
	urgencyCompetences: number;
	/** Reasons given for the +4 and −4 cards (Dutch: the demo respondents are Dutch police employees). */
	whyAgree: string[];
	whyDisagree: string[];
	/** Comments on single extreme cards, keyed by statement code. */
	cardComments: Record<string, string[]>;
}

export const VIEWPOINTS: Viewpoint[] = [
	{
		key: 'craft',
		name: { nl: 'Diversiteit als vakmanschap', en: 'Diversity as craftsmanship' },
		size: 20,
		ideal: {
			S16: 4,
			S12: 4,
			S09: 3,
			S13: 3,
			S14: 3,
			S06: 3,
			S10: 2,
			S11: 2,
			S15: 2,
			S38: 2,
			S35: 1,
			S30: 1,
			S23: 1,
			S05: -2,
			S26: -1,
			S02: -3,
			S04: -3,
			S21: -2,
			S36: -4,
			S37: -2,
			S40: -1,
			S32: -2,
			S31: -1,
			S29: -1
		},
		urgencyOrigin: 0.15,
		urgencyCompetences: 1,
		whyAgree: [
			'Een team is net een voetbalelftal: je hebt verdedigers, spitsen en een keeper nodig.',
			'Wat telt is wat iemand meebrengt. Talen en kennis van de wijk maken ons werk beter.',
			'Bij slecht nieuws brengen zie je meteen wie dat kan en wie niet. Dat verschil moet je benutten.',
			'Ondermijning vraagt om rechercheurs die cijfers snappen; daar hebben we er te weinig van.'
		],
		whyDisagree: [
			'Samenwerken met mensen die anders zijn kost mij geen extra energie, het levert juist op.',
			'Ik merk elke dienst dat we iets missen, bijvoorbeeld als niemand de taal van een melder spreekt.',
			'Wachten tot het vanzelf goed komt heeft nog nooit gewerkt.'
		],
		cardComments: {
			S16: [
				'We kunnen niet allemaal keeper zijn, dan win je geen wedstrijd.',
				'Verschillende talenten, daar gaat het om.'
			],
			S12: ['Onze wijkagent kent de jongeren bij naam, dat is goud waard.'],
			S13: ['Vorige week hadden we een tolk nodig en die was er pas na twee uur.'],
			S36: ['Het kost juist minder tijd als je elkaar aanvult.']
		}
	},
	{
		key: 'justice',
		name: { nl: 'Urgent: rechtvaardigheid en herkenbaarheid', en: 'Urgent: justice and representation' },
		size: 16,
		ideal: {
			S01: 4,
			S39: 4,
			S05: 3,
			S22: 3,
			S24: 3,
			S03: 3,
			S23: 2,
			S25: 2,
			S07: 2,
			S33: 2,
			S38: 2,
			S34: 1,
			S28: 1,
			S35: 1,
			S02: -4,
			S21: -4,
			S26: -3,
			S40: -3,
			S04: -3,
			S09: -2,
			S37: -2,
			S08: -1,
			S36: -1,
			S10: -1,
			S15: -1,
			S14: -1
		},
		urgencyOrigin: 0.95,
		urgencyCompetences: 0.9,
		whyAgree: [
			'Als burgers zich niet in ons herkennen, bellen ze ons niet. Dan verliezen we de wijk.',
			'Ik heb gezien hoe een collega werd weggezet om zijn achtergrond. Dat moet nu stoppen.',
			'De stad is al lang divers, het bureau nog niet. Dat is een kwestie van rechtvaardigheid.'
		],
		whyDisagree: [
			'Het komt niet vanzelf; dat hoor ik al twintig jaar.',
			'Diversiteit is geen hobby van de top, het gaat over hoe wij ons werk op straat doen.',
			'Natuurlijk maakt het uit wie er in de auto zit; vraag het maar aan jongeren in de wijk.'
		],
		cardComments: {
			S01: ['Niet over tien jaar, nu.'],
			S39: [
				'Bij een aangifte van huiselijk geweld zag ik het verschil dat een collega met dezelfde achtergrond maakte.'
			],
			S02: ['Dit hoor ik al mijn hele loopbaan.'],
			S21: ['Op de werkvloer merk je het juist het meest.']
		}
	},
	{
		key: 'priorities',
		name: { nl: 'Eerst de basis op orde', en: 'Other priorities first' },
		size: 20,
		ideal: {
			S17: 4,
			S18: 4,
			S19: 3,
			S20: 3,
			S40: 3,
			S06: 2,
			S26: 2,
			S27: 2,
			S21: 1,
			S36: 1,
			S08: 1,
			S02: 1,
			S16: 1,
			S01: -4,
			S32: -3,
			S05: -2,
			S11: -2,
			S31: -2,
			S07: -2,
			S03: -1,
			S30: -1,
			S35: -1,
			S22: -1,
			S29: -1,
			S13: -1
		},
		urgencyOrigin: 0.05,
		urgencyCompetences: 0.5,
		whyAgree: [
			'We draaien diensten met de helft van de bezetting. Eerst mensen, dan pas de vraag wie.',
			"Over vijf jaar is de helft van de ervaren collega's met pensioen. Daar moeten we nu iets mee.",
			'Het rooster klopt nooit en iedereen is moe. Zorg eerst voor de mensen die er zijn.'
		],
		whyDisagree: [
			'Urgent is het niet; we hebben eerst handen nodig, welke dan ook.',
			'Ik vind het niet eerlijk om mensen om hun afkomst voor te trekken.',
			'Ik herken niet dat wij burgers anders behandelen om hun achtergrond.'
		],
		cardComments: {
			S17: ['Zonder mensen geen diversiteit.', "Vorige week stonden we met twee auto's voor het hele district."],
			S18: ['Mijn rooster verandert elke week.'],
			S01: ['Urgent is dat we de diensten rond krijgen.'],
			S22: ['Dat herken ik niet in mijn team.']
		}
	},
	{
		key: 'belonging',
		name: { nl: 'Jezelf kunnen zijn en doorgroeien', en: 'Being yourself and moving up' },
		size: 14,
		ideal: {
			S28: 4,
			S31: 4,
			S32: 3,
			S30: 3,
			S34: 3,
			S33: 2,
			S29: 2,
			S25: 2,
			S24: 1,
			S20: 1,
			S38: 1,
			S23: 1,
			S22: 1,
			S27: -4,
			S02: -3,
			S04: -2,
			S36: -2,
			S40: -2,
			S19: -2,
			S21: -1,
			S17: -1,
			S37: -1,
			S10: -1,
			S15: -1
		},
		urgencyOrigin: 0.6,
		urgencyCompetences: 0.9,
		whyAgree: [
			'Ik pas me al jaren aan om erbij te horen. Dat kost energie die ik liever in mijn werk stop.',
			'Ik heb drie keer gesolliciteerd op een functie en telkens ging iemand uit het netwerk van de chef voor.',
			'Als ik mezelf kan zijn, blijf ik. Anders ben ik weg.'
		],
		whyDisagree: [
			'Helemaal mezelf zijn kan ik hier niet, dat merk ik elke dag.',
			'Het gaat niet vanzelf, anders was het allang gebeurd.',
			'Een divers team kost geen extra energie; je mond moeten houden wel.'
		],
		cardComments: {
			S28: ['Ik lach mee met grappen die ik niet leuk vind.'],
			S31: ['Netwerk telt zwaarder dan kwaliteit.', "Ik ken collega's die daarom zijn vertrokken."],
			S27: ['Thuis ben ik iemand anders dan in de kantine.']
		}
	}
];
