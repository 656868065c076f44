// ESLint for Standpunt: the architecture's import rules as errors (so `npm run check` fails on a broken
// boundary), plus a small set of correctness rules. Formatting is Prettier's job (`.prettierrc.json`).
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

/** Where an import specifier points, as a path relative to the project root (or null for a package). */
function target(specifier, filename) {
	if (specifier.startsWith('$lib/') || specifier === '$lib') return specifier.replace(/^\$lib/, 'src/lib');
	if (specifier.startsWith('.')) return relative(root, resolve(dirname(filename), specifier));
	return null;
}

/**
 * The boundaries, one entry per layer: which files it covers and what each import must satisfy.
 * `check` gets { spec, path, typeOnly } and returns an error message, or null when the import is allowed.
 */
const layers = [
	{
		name: 'engine',
		covers: (file) => file.startsWith('src/lib/qmethod/'),
		check: ({ spec, path }) =>
			path === null
				? spec === 'ml-matrix'
					? null
					: `the engine (src/lib/qmethod) imports only ml-matrix and itself, not '${spec}'`
				: path.startsWith('src/lib/qmethod') || path.startsWith('src/lib/rules')
					? null
					: `the engine (src/lib/qmethod) imports nothing outside itself and the shared rules ('${spec}')`
	},
	{
		// The rules both sides share (src/lib/rules): pure, so the server, the pages and the engine can all import them.
		name: 'rules',
		covers: (file) => file.startsWith('src/lib/rules/'),
		check: ({ spec, path }) =>
			path !== null && path.startsWith('src/lib/rules')
				? null
				: `the shared rules (src/lib/rules) import nothing outside themselves ('${spec}')`
	},
	{
		name: 'migrations',
		covers: (file) => file.startsWith('migrations/'),
		check: ({ spec, path }) =>
			(path === null && spec === 'kysely') || (path !== null && path.startsWith('migrations/'))
				? null
				: `migrations are frozen in time and import only kysely ('${spec}')`
	},
	{
		name: 'server',
		covers: (file) => file.startsWith('server/'),
		check: ({ spec, path, typeOnly }) => {
			if (path === null || !path.startsWith('src/')) return null;
			if (path.startsWith('src/routes')) return `the server never imports pages ('${spec}')`;
			if (/\.svelte(\.[jt]s)?$/.test(path)) return `the server never imports Svelte modules ('${spec}')`;
			if (path.startsWith('src/lib/api/types/')) return null;
			if (path.startsWith('src/lib/api/'))
				return typeOnly ? null : `the server imports only types from the client API modules ('${spec}')`;
			if (path.startsWith('src/lib/components/') || path.startsWith('src/lib/browser/'))
				return `the server never imports browser modules ('${spec}')`;
			return null;
		}
	}
];

const boundaries = {
	meta: { type: 'problem', schema: [] },
	create(context) {
		const file = relative(root, context.filename);
		const layer = layers.find((l) => l.covers(file));
		if (!layer) return {};
		const report = (node, spec, typeOnly) => {
			const message = layer.check({ spec, path: target(spec, context.filename), typeOnly });
			if (message) context.report({ node, message });
		};
		return {
			ImportDeclaration(node) {
				const typeOnly =
					node.importKind === 'type' ||
					(node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
				report(node, node.source.value, typeOnly);
			},
			ExportNamedDeclaration(node) {
				if (node.source) report(node, node.source.value, node.exportKind === 'type');
			},
			ExportAllDeclaration(node) {
				report(node, node.source.value, node.exportKind === 'type');
			},
			ImportExpression(node) {
				if (node.source.type === 'Literal') report(node, node.source.value, false);
			}
		};
	}
};

/** Globals a layer must not touch: the engine has no DOM and no Node; pages reach the server only via src/lib/api. */
const browserAndNode = [
	'window',
	'document',
	'navigator',
	'localStorage',
	'sessionStorage',
	'fetch',
	'process',
	'Buffer'
];
const network = [
	{ name: 'fetch', message: 'Pages reach the server only through src/lib/api.' },
	{ name: 'EventSource', message: 'Pages reach the server only through src/lib/api.' },
	{ name: 'XMLHttpRequest', message: 'Pages reach the server only through src/lib/api.' }
];

export default tseslint.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'coverage/', 'dist/']
	},
	...svelte.configs['flat/base'],
	{
		files: ['**/*.{js,mjs,ts}'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } }
	},
	{
		files: ['**/*.{js,mjs,ts}', '**/*.svelte'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		plugins: { standpunt: { rules: { boundaries } }, '@typescript-eslint': tseslint.plugin },
		rules: {
			'standpunt/boundaries': 'error',
			'no-debugger': 'error',
			'no-dupe-keys': 'error',
			'no-duplicate-case': 'error',
			'no-self-assign': 'error',
			'no-unreachable': 'error',
			'no-unsafe-finally': 'error',
			'no-cond-assign': 'error',
			'no-constant-binary-expression': 'error',
			'no-sparse-arrays': 'error',
			'no-var': 'error',
			'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
			'require-yield': 'error',
			eqeqeq: ['error', 'always', { null: 'ignore' }]
		}
	},
	{
		// Svelte 5 declares props and state with `let` (`let { a } = $props()`), which prefer-const misreads.
		files: ['**/*.svelte', '**/*.svelte.ts'],
		rules: { 'prefer-const': 'off' }
	},
	{
		files: ['src/routes/**', 'src/lib/**'],
		ignores: ['src/lib/api/**'],
		rules: { 'no-restricted-globals': ['error', ...network] }
	},
	{
		// After the block above: the engine's list replaces it (it includes fetch) for src/lib/qmethod and src/lib/rules.
		files: ['src/lib/qmethod/**', 'src/lib/rules/**'],
		rules: { 'no-restricted-globals': ['error', ...browserAndNode, 'EventSource', 'XMLHttpRequest'] }
	}
);
