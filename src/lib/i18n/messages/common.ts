import type { Catalog } from '../types.js';

export const common = {
	nl: {
		'app.name': 'Standpunt',
		'app.skipToContent': 'Naar de inhoud',
		'app.language': 'Taal',
		'app.switchTo': 'English',
		'app.switchToLabel': 'Switch to English',
		'app.home': 'Start',
		'app.researchers': 'Onderzoekers',
		'app.footer': 'Standpunt — Q-methodologie, van stelling tot dialoog.',
		'landing.title': 'Zien hoe collega’s er echt over denken',
		'landing.lead':
			'Standpunt is een platform voor Q-methodologie. Deelnemers sorteren stellingen in een raster; onderzoekers vinden met factoranalyse de gedeelde gezichtspunten; gespreksleiders leggen die gezichtspunten terug voor in dialoogsessies.',
		'landing.code.title': 'Heb je een code?',
		'landing.code.body': 'Op je uitnodiging staat een code. Vul hem in en begin, of ga verder waar je was gebleven.',
		'landing.code.cta': 'Mijn code invullen',
		'landing.join.title': 'Ben je bij een dialoogsessie?',
		'landing.join.body': 'Doe mee met de sessie op je telefoon. De code staat op het scherm in de zaal.',
		'landing.join.cta': 'Meedoen aan een sessie',
		'landing.demo.title': 'Meer diversiteit in het politieteam',
		'landing.demo.body':
			'Probeer de demostudie: sorteer 40 stellingen over diversiteit in politieteams. Het duurt ongeveer 15 minuten en is anoniem.',
		'landing.demo.cta': 'Doe mee met de demostudie',
		'landing.researcher.title': 'Voor onderzoekers',
		'landing.researcher.body':
			'Ontwerp een studie, verzamel sorteringen en analyseer ze: correlaties, centroïde of PCA, varimax of handmatige rotatie, factorarrays, onderscheidende en consensusstellingen.',
		'landing.researcher.cta': 'Naar het onderzoekersgedeelte',
		'landing.steps.title': 'Hoe het werkt',
		'landing.steps.sort':
			'Sorteren: deelnemers leggen stellingen in een raster, van oneens tot eens — op telefoon, pc of samen met een interviewer.',
		'landing.steps.analyse':
			'Analyseren: by-person factoranalyse die cijfer voor cijfer overeenkomt met PQMethod, KADE en qmethod.',
		'landing.steps.dialogue':
			'In gesprek: de gezichtspunten terug naar de werkvloer, met live reacties van de aanwezigen.',
		'landing.privacy': 'Anoniem: geen namen, geen IP-adressen. Alles blijft in de eigen database.',
		'notFound.title': 'Pagina niet gevonden',
		'notFound.body': 'Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de start.',
		'error.title': 'Er ging iets mis',
		comingSoon: 'Dit deel is nog in aanbouw.'
	},
	en: {
		'app.name': 'Standpunt',
		'app.skipToContent': 'Skip to content',
		'app.language': 'Language',
		'app.switchTo': 'Nederlands',
		'app.switchToLabel': 'Schakel naar Nederlands',
		'app.home': 'Home',
		'app.researchers': 'Researchers',
		'app.footer': 'Standpunt — Q methodology, from statement to dialogue.',
		'landing.title': 'See how colleagues really think',
		'landing.lead':
			'Standpunt is a Q-methodology platform. Participants sort statements into a grid; researchers find the shared viewpoints with by-person factor analysis; facilitators bring those viewpoints back in dialogue sessions.',
		'landing.code.title': 'Do you have a code?',
		'landing.code.body': 'Your invitation has a code on it. Enter it to start, or to continue where you left off.',
		'landing.code.cta': 'Enter my code',
		'landing.join.title': 'At a dialogue session?',
		'landing.join.body': 'Take part in the session on your phone. The code is on the screen in the room.',
		'landing.join.cta': 'Join a session',
		'landing.demo.title': 'More diversity in the police team',
		'landing.demo.body':
			'Try the demo study: sort 40 statements about diversity in police teams. It takes about 15 minutes and is anonymous.',
		'landing.demo.cta': 'Take part in the demo study',
		'landing.researcher.title': 'For researchers',
		'landing.researcher.body':
			'Design a study, collect sorts and analyse them: correlations, centroid or PCA, varimax or hand rotation, factor arrays, distinguishing and consensus statements.',
		'landing.researcher.cta': 'Go to the researcher area',
		'landing.steps.title': 'How it works',
		'landing.steps.sort':
			'Sort: participants place statements in a grid from disagree to agree — on a phone, a PC or beside an interviewer.',
		'landing.steps.analyse':
			'Analyse: by-person factor analysis that matches PQMethod, KADE and qmethod number for number.',
		'landing.steps.dialogue': 'Discuss: take the viewpoints back to the workplace and collect live reactions.',
		'landing.privacy': 'Anonymous: no names, no IP addresses. Everything stays in your own database.',
		'notFound.title': 'Page not found',
		'notFound.body': 'This page does not exist (any more). Check the address or go back to the start.',
		'error.title': 'Something went wrong',
		comingSoon: 'This part is still being built.'
	}
} satisfies Catalog;
