import type { Catalog } from '../types.js';

/** The interviewer's texts (facilitated mode): the /interview page, the notes in the sort, the next respondent. */
export const interview = {
	nl: {
		'interview.title': 'Interview afnemen',
		'interview.intro':
			'Neem de sortering samen met de deelnemer af op dit apparaat. Je kunt per stelling en voor de hele sortering notities maken; die worden als interviewernotities bij de sortering bewaard.',
		'interview.researchersOnly':
			'Interviews worden afgenomen door de onderzoekers van een studie: de eigenaar of een co-onderzoeker. Log in als onderzoeker; daarna kom je terug op deze pagina.',
		'interview.login': 'Inloggen als onderzoeker',
		'interview.loading': 'Even laden…',
		'interview.loggedInAs': 'Ingelogd als {email}.',
		'interview.studyHint': 'Geopende studies waarvan je eigenaar of co-onderzoeker bent.',
		'interview.noStudies':
			'Er is geen geopende studie waarvoor je interviews kunt afnemen. Open eerst een studie, of vraag de eigenaar om je co-onderzoeker te maken.',
		'interview.toStudies': 'Naar mijn studies',
		'interview.roleTooLow':
			'Als facilitator van deze studie kun je geen interviews afnemen; dat kan de eigenaar of een co-onderzoeker.',
		'interview.notOpen': 'Deze studie is nog een concept: open de studie eerst.',
		'interview.study': 'Studie',
		'interview.respondent': 'Respondentnummer',
		'interview.respondentHelp':
			'Cijfers en letters, zonder namen. Het nummer verschijnt precies zo in Voortgang en bij citaten.',
		'interview.respondentInvalid': 'Gebruik alleen cijfers, letters, - en _ (hoogstens 40 tekens).',
		'interview.start': 'Interview starten',
		'interview.badge': 'Interview · respondent {number}',
		'interview.note': 'Interviewernotitie bij stelling {n}',
		'interview.noteHelp': 'Wordt vanzelf bewaard.',
		'interview.sortNote': 'Interviewernotitie bij de hele sortering',
		'interview.notFound': 'Deze studie bestaat niet (meer), of je bent er geen onderzoeker van.',
		'interview.next': 'Volgende respondent',
		'interview.nextHelp':
			'Maakt dit apparaat leeg (niets van deze sortering blijft op het scherm) en begint een nieuw interview voor dezelfde studie.',
		'interview.run': 'Interview afnemen'
	},
	en: {
		'interview.title': 'Run an interview',
		'interview.intro':
			'Run the sort together with the participant on this device. You can take notes per statement and for the whole sort; they are stored with the sort as interviewer notes.',
		'interview.researchersOnly':
			'Interviews are run by the researchers of a study: its owner or a co-researcher. Log in as a researcher; you will come back to this page afterwards.',
		'interview.login': 'Log in as a researcher',
		'interview.loading': 'Loading…',
		'interview.loggedInAs': 'Logged in as {email}.',
		'interview.studyHint': 'Open studies of which you are the owner or a co-researcher.',
		'interview.noStudies':
			'There is no open study you can run interviews for. Open a study first, or ask its owner to make you a co-researcher.',
		'interview.toStudies': 'Go to my studies',
		'interview.roleTooLow': 'As facilitator of this study you cannot run interviews; its owner or a co-researcher can.',
		'interview.notOpen': 'This study is still a draft: open it first.',
		'interview.study': 'Study',
		'interview.respondent': 'Respondent number',
		'interview.respondentHelp':
			'Digits and letters, no names. The number appears exactly like this in Progress and with quotes.',
		'interview.respondentInvalid': 'Use only digits, letters, - and _ (at most 40 characters).',
		'interview.start': 'Start the interview',
		'interview.badge': 'Interview · respondent {number}',
		'interview.note': 'Interviewer note on statement {n}',
		'interview.noteHelp': 'Saved as you type.',
		'interview.sortNote': 'Interviewer note on the whole sort',
		'interview.notFound': 'This study does not exist (any more), or you are not one of its researchers.',
		'interview.next': 'Next respondent',
		'interview.nextHelp':
			'Clears this device (nothing of this sort stays on screen) and starts a new interview for the same study.',
		'interview.run': 'Run an interview'
	}
} satisfies Catalog;
