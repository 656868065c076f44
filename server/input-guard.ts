import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

// One gate for every request's input, before any route's schema or handler sees it. Postgres cannot store
// a NUL character in text or jsonb, a lone UTF-16 surrogate has no UTF-8 encoding, and thousands of levels of
// nesting overflow a recursive reader further down: each of these used to surface as a 500 from the database
// or the validator. Here they are a 400 with the field's place named, and nothing is read or written.

/** Deepest nesting of arrays and objects any request needs (drafts are the deepest, at well under 10). */
export const MAX_INPUT_DEPTH = 32;

type Problem = { code: 'INVALID_CHARACTERS' | 'INPUT_TOO_DEEP'; where: string };

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): boolean {
	return BAD_TEXT.test(text);
}

/** The first NUL, lone surrogate or too-deep nesting in a parsed value, walked without recursion. */
export function findInputProblem(value: unknown, root: string): Problem | undefined {
	const stack: Array<{ value: unknown; where: string; depth: number }> = [{ value, where: root, depth: 0 }];
	while (stack.length > 0) {
		const { value: current, where, depth } = stack.pop()!;
		if (typeof current === 'string') {
			if (textProblem(current)) return { code: 'INVALID_CHARACTERS', where };
			continue;
		}
		if (current === null || typeof current !== 'object') continue;
		if (depth >= MAX_INPUT_DEPTH) return { code: 'INPUT_TOO_DEEP', where };
		if (Array.isArray(current)) {
			current.forEach((item, i) => stack.push({ value: item, where: `${where}[${i}]`, depth: depth + 1 }));
			continue;
		}
		for (const [key, item] of Object.entries(current)) {
			if (textProblem(key)) return { code: 'INVALID_CHARACTERS', where: `${where} (a property name)` };
			stack.push({ value: item, where: `${where}.${key}`, depth: depth + 1 });
		}
	}
	return undefined;
}

function refuse(problem: Problem): AppError {
	return problem.code === 'INPUT_TOO_DEEP'
		? new AppError(
				400,
				'INPUT_TOO_DEEP',
				`The request is nested more than ${MAX_INPUT_DEPTH} levels deep (at ${problem.where}).`
			)
		: new AppError(
				400,
				'INVALID_CHARACTERS',
				`The request contains a NUL character or broken Unicode (a lone surrogate) in ${problem.where}.`
			);
}

/** Throws the 400 for the request's first bad parameter, query value or body field. */
export function assertCleanInput(request: FastifyRequest): void {
	const problem =
		findInputProblem(request.params, 'the path') ??
		findInputProblem(request.query, 'the query string') ??
		findInputProblem(request.body, 'body');
	if (problem) throw refuse(problem);
}

/**
 * A PATCH must change something. Unknown properties are dropped by the schemas (Fastify's default), so
 * `{"foo":1}` arrives as `{}`: refused here for every PATCH route at once, after validation.
 */
export function assertSomethingToChange(request: FastifyRequest): void {
	const body = request.body;
	if (request.method !== 'PATCH' || body === null || typeof body !== 'object' || Array.isArray(body)) return;
	if (Object.keys(body).length === 0)
		throw new AppError(400, 'NOTHING_TO_CHANGE', 'The request names no field this route can change.');
}

/** Registers the gate on every route (call before the route plugins are registered). */
export function registerInputGuard(app: FastifyInstance): void {
	app.addHook('preValidation', async (request) => assertCleanInput(request));
	app.addHook('preHandler', async (request) => assertSomethingToChange(request));
}
