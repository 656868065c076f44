import ajvCompiler from '@fastify/ajv-compiler';
import serializerCompiler from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

// Fastify compiles every route's request validators (Ajv) and response serializers (fast-json-stringify)
// while the app starts: with this many routes that was about a fifth of a restart, for schemas most of
// which no request needs in the first minutes. These compilers hand Fastify a stand-in for each schema
// that compiles it the first time a request uses it, with Fastify's own default compilers and options.
// Validation and serialization stay exactly as strict; only the moment of compiling moves, and the two
// compiler packages load with the first schema that is used. `compileAllSchemas` compiles whatever is
// left, so that a test finds a schema that does not compile before a request does.

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type RouteSchema = { schema: unknown; httpPart?: string; method?: string; url?: string };
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (data: unknown) => string;
type Factory<F> = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => F;

const compilers = new WeakMap<FastifyInstance, Set<() => void>>();

/**
 * Fastify treats a compiler factory of its own as custom and then passes header schemas on as written,
 * where its default lowercases the header names (Node gives request headers in lower case). Every header
 * schema here names its headers in lower case already; this keeps it so, at start-up.
 */
function checkHeaderNames(schema: unknown, route: RouteSchema): void {
	if (schema === null || typeof schema !== 'object') return;
	const { properties, required } = schema as { properties?: object; required?: unknown };
	const names = [...Object.keys(properties ?? {}), ...(Array.isArray(required) ? required : [])];
	const upper = names.find((name) => typeof name === 'string' && name !== name.toLowerCase());
	if (upper !== undefined) {
		throw new Error(`${route.method} ${route.url}: name the header "${upper}" in lower case in its schema`);
	}
	for (const value of Object.values(schema)) {
		if (value !== null && typeof value === 'object') checkHeaderNames(value, route);
	}
}

/** A function that compiles on its first call and is then the compiled result; listed in `pending` until then. */
function onFirstUse<F>(pending: Set<() => void>, compile: () => F): () => F {
	let compiled: F | undefined;
	const get = () => {
		if (compiled === undefined) {
			compiled = compile();
			pending.delete(get);
		}
		return compiled;
	};
	pending.add(get);
	return get;
}

/** Fastify's `schemaController` option that compiles each schema on first use; see the top of this file. */
export function lazySchemaController(): {
	schemaController: { compilersFactory: CompilersFactory };
	/** Call once with the app built with it, for `compileAllSchemas`. */
	attach(app: FastifyInstance): void;
} {
	const pending = new Set<() => void>();
	let defaultValidator: Factory<Validate> | undefined;
	let defaultSerializer: Factory<Serialize> | undefined;

	const buildValidator: Factory<Validate> = (externalSchemas, options) => {
		let compileRoute: ((route: RouteSchema) => Validate) | undefined;
		return (route) => {
			if (route.httpPart === 'headers') checkHeaderNames(route.schema, route);
			const real = onFirstUse(pending, () => {
				defaultValidator ??= (ajvCompiler as unknown as () => Factory<Validate>)();
				compileRoute ??= defaultValidator(externalSchemas, options);
				return compileRoute(route);
			});
			const validate: Validate = (data, context) => {
				const compiled = real();
				const result = context === undefined ? compiled(data) : compiled(data, context);
				validate.errors = compiled.errors;
				return result;
			};
			// Fastify gives an Ajv validator (which it recognises by this property) the request as parent,
			// so that Ajv can coerce and fill in defaults at the root of the body, query or params.
			validate.schemaEnv = true;
			return validate;
		};
	};

	const buildSerializer: Factory<Serialize> = (externalSchemas, options) => {
		let compileRoute: ((route: RouteSchema) => Serialize) | undefined;
		return (route) => {
			const real = onFirstUse(pending, () => {
				defaultSerializer ??= (serializerCompiler as unknown as () => Factory<Serialize>)();
				compileRoute ??= defaultSerializer(externalSchemas, options);
				return compileRoute(route);
			});
			return (data) => real()(data);
		};
	};

	return {
		schemaController: {
			compilersFactory: { buildValidator, buildSerializer } as unknown as CompilersFactory
		},
		attach: (app) => compilers.set(app, pending)
	};
}

/** Compiles every schema of `app` that no request has used yet; returns how many it compiled. */
export function compileAllSchemas(app: FastifyInstance): number {
	const pending = compilers.get(app);
	if (!pending) throw new Error('this app was not built with lazySchemaController()');
	const left = [...pending];
	for (const compile of left) compile();
	return left.length;
}
