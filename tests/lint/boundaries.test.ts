import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import rules live in eslint.config.js; `npm run check` runs ESLint, so a file that
// breaks one fails CI. These cases lint made-up sources under real paths and expect the rule to fire.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
	it('keeps the engine free of the server, the DOM, Node and other packages', async () => {
		expect(
			await problems('src/lib/qmethod/x.ts', "import { x } from '../../../server/config.js';\nexport const y = x;\n")
		).toEqual([expect.stringContaining('standpunt/boundaries')]);
		expect(
			await problems('src/lib/qmethod/x.ts', "import { Matrix } from 'ml-matrix';\nexport const y = Matrix;\n")
		).toEqual([]);
		expect(
			await problems(
				'src/lib/qmethod/x.ts',
				"import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n"
			)
		).toEqual([expect.stringContaining('standpunt/boundaries')]);
		expect(await problems('src/lib/qmethod/x.ts', 'export const y = () => document.title;\n')).toEqual([
			expect.stringContaining('no-restricted-globals')
		]);
	});

	it('keeps the shared rules pure, and lets the engine, the server and the pages use them', async () => {
		const grid = "import { GRID_MIN } from '../rules/grid.js';\nexport const y = GRID_MIN;\n";
		expect(await problems('src/lib/qmethod/x.ts', grid)).toEqual([]);
		expect(await problems('src/lib/sort/x.ts', grid)).toEqual([]);
		expect(
			await problems(
				'server/x.ts',
				"import { GRID_MIN } from '../src/lib/rules/grid.js';\nexport const y = GRID_MIN;\n"
			)
		).toEqual([]);
		expect(
			await problems('src/lib/rules/x.ts', "import { Matrix } from 'ml-matrix';\nexport const y = Matrix;\n")
		).toEqual([expect.stringContaining('standpunt/boundaries')]);
		expect(
			await problems(
				'src/lib/rules/x.ts',
				"import { fillDays } from '../researcher/data-helpers.js';\nexport const y = fillDays;\n"
			)
		).toEqual([expect.stringContaining('standpunt/boundaries')]);
		expect(await problems('src/lib/rules/x.ts', 'export const y = () => window.name;\n')).toEqual([
			expect.stringContaining('no-restricted-globals')
		]);
	});

	it('lets the server import types from the client API, never pages or Svelte modules', async () => {
		expect(
			await problems(
				'server/x.ts',
				"import type { SubmissionBody } from '../src/lib/api/participate.js';\nexport type Y = SubmissionBody;\n"
			)
		).toEqual([]);
		expect(
			await problems(
				'server/x.ts',
				"import { submit } from '../src/lib/api/participate.js';\nexport const y = submit;\n"
			)
		).toEqual([expect.stringContaining('only types')]);
		expect(
			await problems('server/x.ts', "import Page from '../src/routes/+page.svelte';\nexport const y = Page;\n")
		).toEqual([expect.stringContaining('never imports pages')]);
		expect(
			await problems(
				'server/x.ts',
				"import { runAnalysis } from '../src/lib/qmethod/index.js';\nexport const y = runAnalysis;\n"
			)
		).toEqual([]);
	});

	it('keeps migrations to kysely alone', async () => {
		expect(await problems('migrations/x.ts', "import { sql } from 'kysely';\nexport const y = sql;\n")).toEqual([]);
		expect(
			await problems('migrations/x.ts', "import { AppError } from '../server/errors.js';\nexport const y = AppError;\n")
		).toEqual([expect.stringContaining('standpunt/boundaries')]);
	});

	it('sends pages to the server only through src/lib/api', async () => {
		expect(await problems('src/routes/x/+page.ts', "export const load = () => fetch('/api/health');\n")).toEqual([
			expect.stringContaining('only through src/lib/api')
		]);
		expect(await problems('src/lib/api/x.ts', "export const load = () => fetch('/api/health');\n")).toEqual([]);
	});
});
