// Compiles the server and the CLI (TypeScript in server/, migrations/ and src/lib/) to plain JavaScript in
// dist/, so `npm start` and `node dist/cli.js` transpile nothing at run time. The packages they use are bundled
// in as well: resolving and reading some 900 files of node_modules one by one was a fifth of a server start.
// The result is one file per entry plus shared chunks, and each dynamic import() stays a chunk of its own
// that loads only when it is needed (a CLI command, an analysis).
// Left as imports from node_modules: packages that read files beside their own code at run time (PGlite's
// WebAssembly and data, Swagger UI's pages), the optional native driver `pg` may look for, and esbuild itself;
// and CommonJS packages the code loads with import() only when needed (exceljs for an export, the password
// checker's word lists): a bundled CommonJS chunk would offer them as `default` only, where Node gives
// their named exports.
// `npm run build:server` runs this file; scripts/ensure-build.mjs calls buildServer() when dist/ is stale.
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');

export async function buildServer() {
	const startedAt = new Date();
	const result = await build({
		absWorkingDir: root,
		entryPoints: { server: 'server/server.ts', cli: 'server/cli.ts' },
		outdir,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20.19',
		external: [
			'@electric-sql/pglite',
			'pg',
			'pg-native',
			'@fastify/swagger-ui',
			'exceljs',
			'@zxcvbn-ts/core',
			'@zxcvbn-ts/language-common',
			'esbuild'
		],
		// Bundled CommonJS packages call require() for Node's own modules; an ES module has none of its own.
		banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
		chunkNames: 'chunks/[name]-[hash]',
		sourcemap: 'linked',
		metafile: true,
		logLevel: 'warning'
	});
	// Chunks are named by content hash. Old ones stay for ten minutes, for a running server that has
	// not yet loaded a lazy chunk of the build it started from; older unused ones are removed.
	const current = new Set(Object.keys(result.metafile.outputs).map((path) => resolve(root, path)));
	const chunks = join(outdir, 'chunks');
	for (const name of readdirSync(chunks)) {
		const path = join(chunks, name);
		if (!current.has(path) && Date.now() - statSync(path).mtimeMs > 600_000) rmSync(path, { force: true });
	}
	// The mark scripts/ensure-build.mjs compares with the sources, dated by when the build started: a
	// source saved during the build is then newer, and the next run builds again.
	const marker = join(outdir, '.built');
	writeFileSync(marker, '');
	utimesSync(marker, startedAt, startedAt);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
