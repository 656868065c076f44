import fc from 'fast-check';

// Values the fuzzer mixes into every field, parameter and header: the ones that once gave a 500 (issue 11
// item 7), spreadsheet formulas, injection classics, numbers at and past every sensible limit.

/** JSON nested `depth` levels deep, built without recursion (5,000 levels once gave a 500). */
export function deepJson(depth: number): string {
	return '['.repeat(depth) + ']'.repeat(depth);
}

export const HOSTILE_TEXT = [
	'\u0000',
	'vóór\u0000na',
	'\ud800',
	'a\udc00b',
	'\ud83d',
	'=HYPERLINK("https://example.org/?"&A1,"klik")',
	'+31 6 1234',
	'-1+1',
	'@SUM(A1:A9)',
	'\t=1+1',
	'\r=1',
	'',
	' ',
	'x'.repeat(5000),
	'../../../etc/passwd',
	'<img src=x onerror=alert(1)>',
	"'; drop table sorts; --",
	'%00',
	'%ud800',
	'4294967296',
	'-9007199254740993',
	'1e309',
	'NaN',
	'null',
	'true',
	'__proto__',
	'constructor',
	'😀👩🏽‍🚒',
	'\u202egnirts',
	'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
	'0123456789abcdef-0123456789abcdef---',
	'00000000-0000-0000-0000-000000000000',
	'ABCD-EFGH-JKMN'
];

export const HOSTILE_NUMBERS = [
	4294967296,
	30_000_000,
	-1,
	0,
	-0,
	0.5,
	1e308,
	-1e308,
	Number.MAX_SAFE_INTEGER + 2,
	2 ** 31,
	-(2 ** 31) - 1
];

const hostileText = fc.constantFrom(...HOSTILE_TEXT);
const plainText = fc.string({ maxLength: 24 });
/** Text that can never be stored: a NUL or a lone surrogate, alone or inside ordinary text. */
const poisonText = fc
	.tuple(plainText, fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d'), plainText)
	.map(([a, bad, b]) => `${a}${bad}${b}`);

/** A string for a field: mostly ordinary, often hostile. */
export const anyText = fc.oneof({ arbitrary: plainText, weight: 5 }, { arbitrary: hostileText, weight: 1 });

type Text = fc.Arbitrary<string>;

/** Any JSON value, hostile strings and numbers included. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
	fc.jsonValue({ maxDepth: 3 }),
	hostileText,
	fc.constantFrom(...HOSTILE_NUMBERS),
	fc.constant(null)
);

type Schema = {
	type?: string | string[];
	enum?: unknown[];
	anyOf?: Schema[];
	oneOf?: Schema[];
	properties?: Record<string, Schema>;
	required?: string[];
	additionalProperties?: boolean | Schema;
	items?: Schema;
	minimum?: number;
	maximum?: number;
	maxItems?: number;
	maxLength?: number;
	default?: unknown;
};

function fromType(type: string, schema: Schema, depth: number, text: Text): fc.Arbitrary<unknown> {
	switch (type) {
		case 'string':
			return text;
		case 'integer': {
			const min = schema.minimum ?? -1000;
			const max = schema.maximum ?? 1000;
			return fc.oneof(
				{ arbitrary: fc.integer({ min, max }), weight: 4 },
				{ arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 1 }
			);
		}
		case 'number':
			return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...HOSTILE_NUMBERS));
		case 'boolean':
			return fc.boolean();
		case 'null':
			return fc.constant(null);
		case 'array':
			return fc.array(depth > 4 ? anyJson : fromSchema(schema.items ?? {}, depth + 1, text), {
				maxLength: Math.min(schema.maxItems ?? 6, 6)
			});
		case 'object':
			return objectOf(schema, depth, text);
		default:
			return anyJson;
	}
}

function objectOf(schema: Schema, depth: number, text: Text): fc.Arbitrary<unknown> {
	const properties = schema.properties ?? {};
	const required = new Set(schema.required ?? []);
	const keys = Object.keys(properties);
	const known = fc.record(
		Object.fromEntries(keys.map((key) => [key, depth > 4 ? anyJson : fromSchema(properties[key], depth + 1, text)])),
		{ requiredKeys: keys.filter((key) => required.has(key)) }
	);
	const extra =
		typeof schema.additionalProperties === 'object'
			? fc.dictionary(
					fc.oneof(fc.string({ maxLength: 8 }), hostileText),
					fromSchema(schema.additionalProperties, depth + 1, text),
					{ maxKeys: 4 }
				)
			: fc.constant({});
	return fc.tuple(known, extra).map(([a, b]) => ({ ...b, ...a }));
}

/** A value that follows `schema` in shape, with `text` for its strings and hostile numbers among its numbers. */
export function fromSchema(schema: Schema, depth = 0, text: Text = anyText): fc.Arbitrary<unknown> {
	if (schema.enum)
		return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 5 }, { arbitrary: hostileText, weight: 1 });
	const choices = schema.anyOf ?? schema.oneOf;
	if (choices) return fc.oneof(...choices.map((choice) => fromSchema(choice, depth + 1, text)));
	if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => fromType(type, schema, depth, text)));
	if (schema.type) return fromType(schema.type, schema, depth, text);
	if (schema.properties) return objectOf(schema, depth, text);
	return anyJson;
}

/** A request body: the schema's shape most of the time, else one of the classic ways to break a parser. */
export function bodyFor(schema: Schema | undefined): fc.Arbitrary<{ payload?: string; contentType?: string }> {
	const json = (arb: fc.Arbitrary<unknown>) =>
		arb.map((value) => ({ payload: JSON.stringify(value), contentType: 'application/json' }));
	const shaped = schema ? json(fromSchema(schema)) : json(anyJson);
	// Every string of an otherwise well-formed body poisoned: reaches each field's storage path.
	const poisoned = schema
		? json(fromSchema(schema, 0, poisonText))
		: json(fc.dictionary(poisonText, poisonText, { maxKeys: 3 }));
	return fc.oneof(
		{ arbitrary: shaped, weight: 6 },
		{ arbitrary: poisoned, weight: 3 },
		{ arbitrary: json(fc.constantFrom({}, { foo: 1 }, [], null, 'text', 4294967296)), weight: 1 },
		{
			arbitrary: fc
				.constantFrom(2, 64, 5000)
				.map((depth) => ({ payload: deepJson(depth), contentType: 'application/json' })),
			weight: 1
		},
		{
			arbitrary: fc
				.constantFrom('{"a":', '\u0000', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"__proto__":{"x":1}}')
				.map((payload) => ({ payload, contentType: 'application/json' })),
			weight: 1
		},
		{
			arbitrary: fc.constantFrom(
				{ payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
				{ payload: 'plain \u0000 text', contentType: 'text/plain' },
				{ payload: '<x/>', contentType: 'application/xml' },
				{ payload: '{}', contentType: 'application/json; charset=utf-16' },
				{ payload: undefined, contentType: 'application/json' }
			),
			weight: 1
		}
	);
}

/** A path parameter: an existing id of the world most of the time, else something that is not one. */
export function paramFor(existing: string[]): fc.Arbitrary<string> {
	const hostile = fc.oneof(
		{ arbitrary: hostileText, weight: 4 },
		{ arbitrary: fc.uuid(), weight: 2 },
		{ arbitrary: fc.string({ minLength: 1, maxLength: 12 }), weight: 2 },
		{ arbitrary: fc.constant('x'.repeat(300)), weight: 1 }
	);
	const value =
		existing.length > 0
			? fc.oneof({ arbitrary: fc.constantFrom(...existing), weight: 4 }, { arbitrary: hostile, weight: 1 })
			: hostile;
	// An empty segment would address another route; the router's own 404 is tested elsewhere.
	return value.map((v) => (v === '' ? ' ' : v));
}

/** Extra headers: mostly just the CSRF header (so that writes get past it), sometimes hostile ones. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
	{ arbitrary: fc.constant({ 'x-standpunt-csrf': '1' }), weight: 4 },
	{
		arbitrary: fc.record(
			{
				'x-standpunt-csrf': fc.constantFrom('1', '', '0', 'x'.repeat(200)),
				origin: fc.constantFrom('https://evil.example', 'null', 'not a url'),
				'accept-language': fc.constantFrom('xx', '*', 'en;q=abc'),
				'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage'),
				'x-forwarded-proto': fc.constantFrom('https', 'gopher'),
				cookie: fc.constantFrom('standpunt_session=forged', 'standpunt_attendee=\u00e9', '=;;=')
			},
			{ requiredKeys: ['x-standpunt-csrf'] }
		),
		weight: 1
	}
);
