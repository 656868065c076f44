import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// How guessable a password is, estimated by zxcvbn-ts (a maintained TypeScript port of Dropbox's zxcvbn)
// with its common-language package: lists of the most used passwords and common names, keyboard
// patterns, repeats ("aaaaaaaaaaaa", "abcabcabcabc"), sequences ("123456789", "abcdefghijkl") and dates.
// All of it ships inside the package; nothing is fetched. The word lists load with the first password
// checked, not with the server: reading them was a twentieth of every start. Guidance (NIST SP 800-63B §3.1.1.2) asks to refuse
// passwords that are common, expected or compromised, and to say why; composition rules it advises against.
// Score 0–4 is zxcvbn's estimate of the guesses needed (3: more than 10^8, "safely unguessable" for an
// online attack that our login limits slow down further). We refuse scores below 3.
export const MIN_SCORE = 3;

export type GuessableReason = 'common' | 'repeat' | 'sequence' | 'personal' | 'pattern';

let estimator: Promise<ZxcvbnFactory> | undefined;

async function loadEstimator(): Promise<ZxcvbnFactory> {
	const [{ ZxcvbnFactory }, { adjacencyGraphs, dictionary }] = await Promise.all([
		import('@zxcvbn-ts/core'),
		import('@zxcvbn-ts/language-common')
	]);
	return new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
}

/** Why a password is too easy to guess, or undefined when it is not. `personal`: e-mail address, name. */
export async function guessableReason(
	password: string,
	personal: readonly string[] = []
): Promise<GuessableReason | undefined> {
	estimator ??= loadEstimator().catch((error: unknown) => {
		estimator = undefined;
		throw error;
	});
	const words = personal.flatMap((text) => [text, ...text.split(/[@.\s_-]+/)]).filter((w) => w.length >= 3);
	const result = (await estimator).check(password, [...words, 'standpunt', 'qmethode', 'q-methode']);
	// zxcvbn counts a known word as cheap but not free; a password that is mostly the account's own
	// address or name is refused even when the rest lifts its score.
	const personalLength = result.sequence
		.filter(
			(part) => part.pattern === 'dictionary' && (part as { dictionaryName?: string }).dictionaryName === 'userInputs'
		)
		.reduce((sum, part) => sum + [...part.token].length, 0);
	if (personalLength * 2 >= [...password].length) return 'personal';
	if (result.score >= MIN_SCORE) return undefined;
	switch (result.feedback.warning) {
		case 'simpleRepeat':
		case 'extendedRepeat':
			return 'repeat';
		case 'sequences':
			return 'sequence';
		case 'topTen':
		case 'topHundred':
		case 'common':
		case 'similarToCommon':
		case 'commonNames':
		case 'namesByThemselves':
		case 'wordByItself':
			return 'common';
		default:
			return 'pattern';
	}
}
