// `analyze` run in-process through the CLI's own entry function (the same argument parsing, output and
// exit codes as `node dist/cli.js analyze …`; tests/cli/entry.test.ts runs the built file itself).
// Expected values: qmethod 1.8.4 (tests/fixtures/lipset/README.md), loadings and z within 0.005 after
// matching factors up to order and sign; flags, arrays, distinguishing, consensus exact.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/main.js';
import {
	bootstrap,
	parseSortsCsv,
	toBootstrapJson,
	type AnalysisJson,
	type BootstrapJson
} from '../../src/lib/qmethod/index.js';
import { expectMatchesReference } from '../qmethod/compare-reference.js';
import { fixtureText, reference } from '../qmethod/lipset.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'tests/fixtures/lipset', name);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(['analyze', ...args], {
		stdout: { write: (text) => (stdout += text) },
		stderr: { write: (text) => (stderr += text) }
	});
	return { code, stdout, stderr };
}

const JSON_FIELDS = [
	'nStatements',
	'nSorts',
	'extraction',
	'rotation',
	'nFactors',
	'sortIds',
	'statementCodes',
	'eigenvalues',
	'explainedVariance',
	'loadings',
	'flagged',
	'zScores',
	'factorArrays',
	'distinguishing',
	'consensus',
	'factorCharacteristics',
	'warnings'
];

describe('cli analyze', () => {
	it.each([
		['pca', 'lipset.dat'],
		['pca', 'lipset.csv'],
		['centroid', 'lipset.dat'],
		['centroid', 'lipset.csv']
	] as const)('prints JSON matching qmethod (%s, %s)', async (extraction, file) => {
		const { code, stdout, stderr } = await cli(
			fixture(file),
			'--extraction',
			extraction,
			'--factors',
			'3',
			'--rotation',
			'varimax',
			'--format',
			'json'
		);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout.trim().split('\n')).toHaveLength(1);
		const result = JSON.parse(stdout) as AnalysisJson;
		expect(Object.keys(result).sort()).toEqual(
			[...JSON_FIELDS, ...(extraction === 'centroid' ? ['centroidVariant'] : [])].sort()
		);
		expect(Object.keys(result.factorCharacteristics).sort()).toEqual([
			'avgRelCoef',
			'compositeReliability',
			'nDefining',
			'seZScores'
		]);
		expect(result.extraction).toBe(extraction);
		expectMatchesReference(result, reference(extraction));
	});

	it('runs the PQMethod/KADE centroid variant on request and records it', async () => {
		const { code, stdout } = await cli(
			fixture('lipset.dat'),
			'--extraction',
			'centroid',
			'--centroid-variant',
			'pqmethod',
			'--factors',
			'7'
		);
		expect(code).toBe(0);
		const result = JSON.parse(stdout) as AnalysisJson;
		expect(result.centroidVariant).toBe('pqmethod');
		// Sums of squares of KADE's Brown centroid on Lipset (shared/docs/qmethod-analysis.md §12.7), 4 decimals.
		expect(result.eigenvalues.map((v) => Number(v.toFixed(4)))).toEqual([
			1.6155, 1.4113, 0.8401, 0.5535, 0.3844, 0.1831, 0.2783
		]);
	});

	it('adds the bootstrap summary to the JSON, equal to the engine’s for the same seed', async () => {
		const sorts = join(root, '../shared/reference/bootstrap/sorts.csv');
		const { code, stdout } = await cli(
			sorts,
			'--bootstrap',
			'20',
			'--seed',
			'5',
			'--bootstrap-alignment',
			'procrustes'
		);
		expect(code).toBe(0);
		const result = JSON.parse(stdout) as AnalysisJson & { bootstrap: BootstrapJson };
		const expected = toBootstrapJson(
			bootstrap(parseSortsCsv(readFileSync(sorts, 'utf8')), {
				factors: 3,
				resamples: 20,
				seed: 5,
				alignment: 'procrustes'
			}),
			3
		);
		expect(result.bootstrap).toEqual(JSON.parse(JSON.stringify(expected)));
		expect(Object.keys(result.bootstrap).sort()).toEqual([
			'alignment',
			'flagFrequency',
			'loadingSE',
			'resamples',
			'resamplesNotAligned',
			'seed',
			'zScoreSE'
		]);
		expect([
			result.bootstrap.zScoreSE.length,
			result.bootstrap.loadingSE.length,
			result.bootstrap.flagFrequency[0].length
		]).toEqual([40, 40, 3]);
	});

	it('prints a text report with the PQMethod sections and the statement texts', async () => {
		const { code, stdout } = await cli(
			fixture('lipset.dat'),
			'--statements',
			fixture('statements.csv'),
			'--format',
			'text'
		);
		expect(code).toBe(0);
		for (const heading of [
			'Correlation matrix between sorts',
			'Unrotated factor matrix',
			'Factor matrix with an X indicating a defining sort',
			'Correlations between factor scores',
			'Factor scores for factor 1',
			'Descending array of differences between factors 1 and 2',
			'Factor arrays',
			'Factor characteristics',
			'Standard errors for differences',
			'Distinguishing statements for factor 3',
			'Consensus statements'
		]) {
			expect(stdout).toContain(heading);
		}
		expect(stdout).toContain('We accept improvements in the status and power of the lower');
		expect(stdout).toMatch(/US1\s+0\.7658X/);
	});

	it('accepts a .STA statements file', async () => {
		const { code, stdout } = await cli(
			fixture('lipset.dat'),
			'--statements',
			fixture('lipset.sta'),
			'--format',
			'text',
			'--flag-level',
			'0.01'
		);
		expect(code).toBe(0);
		expect(stdout).toContain('1We accept improvements in status and power of lower class');
		expect(stdout).toContain('flagging p < 0.01');
	});

	const dir = mkdtempSync(join(tmpdir(), 'standpunt-analyze-'));
	const broken = join(dir, 'broken.csv');
	writeFileSync(broken, fixtureText('lipset.csv').replace('US2,-1,0,-1,-3', 'US2,-1,0,-1,-4'));
	const duplicate = join(dir, 'duplicate.csv');
	writeFileSync(duplicate, fixtureText('lipset.csv').replace('US2,', 'US1,'));
	const oneViewpoint = join(dir, 'one-viewpoint.csv');
	writeFileSync(oneViewpoint, 'sort,S1,S2,S3,S4,S5\nA,-1,0,1,0,0\nB,-1,0,1,0,0\nC,1,0,-1,0,0\nD,-1,0,1,0,0\n');
	const shortStatements = join(dir, 'short.sta');
	writeFileSync(shortStatements, 'one\r\ntwo\r\n');

	it.each([
		['a missing file', [join(dir, 'nope.dat')], /cannot read .*no such file/],
		['an unknown extension', [join(dir, 'sorts.txt')], /expected a \.dat or \.csv file/],
		['an unknown option', [fixture('lipset.dat'), '--bogus', '1'], /unknown option --bogus/],
		['a bad extraction', [fixture('lipset.dat'), '--extraction', 'ml'], /--extraction must be one of pca, centroid/],
		['too few resamples', [fixture('lipset.dat'), '--bootstrap', '1'], /--bootstrap must be a whole number from 2/],
		[
			'a bootstrap of a centroid solution',
			[fixture('lipset.dat'), '--bootstrap', '10', '--extraction', 'centroid'],
			/use it with --extraction pca/
		],
		[
			'a bad centroid variant',
			[fixture('lipset.dat'), '--centroid-variant', 'kade'],
			/--centroid-variant must be one of qmethod, pqmethod/
		],
		[
			'a collapsed centroid factor',
			[oneViewpoint, '--extraction', 'centroid', '--factors', '2'],
			/factor 2 .*extract at most 1 \[collapsed_factor\]/
		],
		['too many factors', [fixture('lipset.dat'), '--factors', '9'], /invalid_option/],
		['a non-numeric factor count', [fixture('lipset.dat'), '--factors', 'three'], /--factors must be a whole number/],
		['a sort breaking the forced distribution', [broken], /US2.*distribution_mismatch/],
		['duplicate sort ids', [duplicate], /duplicate_sort_id/],
		[
			'a statements file of the wrong length',
			[fixture('lipset.dat'), '--statements', shortStatements],
			/has 2 statements/
		],
		['no file at all', [], /expected one Q-sort file/]
	])('rejects %s with one line on stderr, exit 2, empty stdout', async (_label, args, message) => {
		const { code, stdout, stderr } = await cli(...args);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(message);
	});
});
