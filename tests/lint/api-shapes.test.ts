import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every request and response shape of the API is written once (issue 13.2): a JSON Schema constant in
// src/lib/api/types/ with its type derived by `FromSchema`, which the routes validate and serialize with and the
// client reads. A hand-written interface (or object type) beside it drifts from what the server really sends —
// a property the schema forgets is silently dropped by the serializer while the interface still promises it.
// This fails on such a declaration in the API's shape and client modules.

/** Where the API's shapes live, and the client modules that read them. */
const DIRS = ['src/lib/api', 'src/lib/api/types'];
/** Other modules that declare API shapes (the analysis workspace's shared types). */
const FILES = ['src/lib/analysis/types.ts'];

/** Declarations that may stay hand-written because they are not API shapes, each with its reason. */
const ALLOWED: Record<string, string> = {
	'src/lib/api/client.ts RequestOptions': "the fetch wrapper's own options, never sent or received as JSON",
	'src/lib/api/types/study-requests.ts AsSent': "FromSchema's options (defaulted fields optional as sent), not a shape"
};

function withoutComments(source: string): string {
	return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The names of the interfaces and object-literal types a source declares (exported or not). */
function handWrittenShapes(source: string): string[] {
	const code = withoutComments(source);
	const interfaces = [...code.matchAll(/^\s*(?:export\s+)?(?:declare\s+)?interface\s+(\w+)/gm)].map((m) => m[1]);
	// `type X = { … }`, also with generics or behind `Readonly<`/`Partial<`/`Record<` wrappers of a literal.
	const objectTypes = [...code.matchAll(/^\s*(?:export\s+)?type\s+(\w+)\s*(?:<[^=]*>)?\s*=\s*(?:\w+<\s*)?\{/gm)].map(
		(m) => m[1]
	);
	return [...interfaces, ...objectTypes];
}

function sources(): string[] {
	const inDirs = DIRS.flatMap((dir) =>
		readdirSync(dir, { withFileTypes: true })
			.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
			.map((entry) => join(dir, entry.name).split('\\').join('/'))
	);
	return [...inDirs, ...FILES];
}

const found = sources().flatMap((file) =>
	handWrittenShapes(readFileSync(file, 'utf8')).map((name) => `${file} ${name}`)
);

describe('API shapes are derived from their schemas', () => {
	it('sees interfaces and object types, not derived types, unions or prose', () => {
		expect(handWrittenShapes('export interface StudyDto {\n\tid: string;\n}')).toEqual(['StudyDto']);
		expect(handWrittenShapes('interface Row { id: string }')).toEqual(['Row']);
		expect(handWrittenShapes('export type Answer = {\n\tvalue: string;\n};')).toEqual(['Answer']);
		expect(handWrittenShapes('export type Page<T> = { items: T[] };')).toEqual(['Page']);
		expect(handWrittenShapes('type Open = Readonly<{ at: string }>;')).toEqual(['Open']);
		expect(handWrittenShapes('export type Study = FromSchema<typeof studySchema>;')).toEqual([]);
		expect(handWrittenShapes("export type Role = (typeof ROLES)[number];\ntype A = 'a' | 'b';")).toEqual([]);
		expect(handWrittenShapes('export type Option = Study["options"][number];')).toEqual([]);
		expect(handWrittenShapes('// an interface Foo {\n/** type Bar = { x } */\nconst x = 1;')).toEqual([]);
	});

	it('has no hand-written interface or object type for an API shape', () => {
		const unexpected = found.filter((entry) => !(entry in ALLOWED));
		expect(unexpected, 'derive these from a schema in src/lib/api/types/ (FromSchema)').toEqual([]);
	});

	it('allows nothing that is no longer there (an allowed entry that matches nothing is removed)', () => {
		expect(Object.keys(ALLOWED).filter((entry) => !found.includes(entry))).toEqual([]);
	});
});
