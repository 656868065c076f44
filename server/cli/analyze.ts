import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
	analyze,
	bootstrap,
	toBootstrapJson,
	correlationMatrix,
	decodeText,
	formatTextReport,
	parseDat,
	parseSortsCsv,
	parseSta,
	parseStatementsCsv,
	QMethodInputError,
	toAnalysisJson,
	type AnalysisOptions,
	type QSortData
} from '../../src/lib/qmethod/index.js';
import { BOOTSTRAP_ALIGNMENTS, type BootstrapAlignment } from '../../src/lib/qmethod/bootstrap-alignment.js';
import {
	CENTROID_VARIANTS,
	CORRELATION_METHODS,
	EXTRACTION_METHODS,
	FLAG_LEVELS,
	ROTATION_METHODS
} from '../../src/lib/qmethod/types.js';
import { CliError, type CliCommand } from './command.js';

const USAGE =
	'analyze <sorts.dat|sorts.csv> [--statements <file.sta|file.csv>] [--extraction pca|centroid] [--centroid-variant qmethod|pqmethod] [--factors K] ' +
	'[--rotation varimax|none] [--flag-level 0.05|0.01] [--correlation pearson|spearman] [--format json|text] ' +
	'[--bootstrap B [--seed S] [--bootstrap-alignment qindtest|procrustes]]';

const CHOICES: Record<string, readonly string[]> = {
	extraction: EXTRACTION_METHODS,
	'centroid-variant': CENTROID_VARIANTS,
	rotation: ROTATION_METHODS,
	'flag-level': FLAG_LEVELS.map(String),
	correlation: CORRELATION_METHODS,
	format: ['json', 'text'],
	'bootstrap-alignment': BOOTSTRAP_ALIGNMENTS
};
/** Options whose value is a whole number, with their range. */
const COUNTS: Record<string, [number, number]> = {
	factors: [0, Number.MAX_SAFE_INTEGER],
	bootstrap: [2, 100_000],
	seed: [0, 4_294_967_295]
};

/**
 * `node dist/cli.js analyze …`: runs the analysis engine on a PQMethod .DAT or a Q-sort CSV and
 * prints the result as one JSON object (the schema of runAnalysis) or a PQMethod-style text
 * report. Bad input: one line on stderr, exit code 2, nothing on stdout.
 */
export const analyzeCommand: CliCommand = {
	summary: 'factor-analyse Q-sorts from a .DAT or CSV file (JSON or text report)',
	async run(args, io) {
		const { file, options } = parseArguments(args);
		const input = await readSorts(file);
		const statementTexts = options.statements ? await readStatements(options.statements, input) : undefined;
		const analysisOptions: AnalysisOptions = {
			factors: options.factors,
			extraction: options.extraction as AnalysisOptions['extraction'],
			centroidVariant: options['centroid-variant'] as AnalysisOptions['centroidVariant'],
			rotation: options.rotation as AnalysisOptions['rotation'],
			correlation: options.correlation as AnalysisOptions['correlation'],
			flagLevel: Number(options['flag-level']) as AnalysisOptions['flagLevel']
		};
		let output: string;
		try {
			const analysis = analyze(input, analysisOptions);
			const resampled =
				options.bootstrap === undefined
					? undefined
					: toBootstrapJson(
							bootstrap(input, {
								factors: options.factors,
								resamples: options.bootstrap,
								seed: options.seed,
								alignment: options['bootstrap-alignment'] as BootstrapAlignment,
								flagLevel: analysisOptions.flagLevel,
								correlation: analysisOptions.correlation
							}),
							options.factors
						);
			output =
				options.format === 'text'
					? formatTextReport(
							analysis,
							statementTexts,
							analysis.data.nSorts <= 40
								? correlationMatrix(analysis.data, analysisOptions.correlation).data
								: undefined
						)
					: JSON.stringify(
							resampled ? { ...toAnalysisJson(analysis), bootstrap: resampled } : toAnalysisJson(analysis)
						) + '\n';
		} catch (error) {
			throw asCliError(error);
		}
		io.stdout.write(output);
		return 0;
	}
};

interface ParsedOptions {
	statements?: string;
	extraction: string;
	'centroid-variant': string;
	rotation: string;
	correlation: string;
	'flag-level': string;
	format: string;
	factors: number;
	bootstrap?: number;
	seed?: number;
	'bootstrap-alignment': string;
}

function parseArguments(args: string[]): { file: string; options: ParsedOptions } {
	const values: Record<string, string> = {
		extraction: 'pca',
		'centroid-variant': 'qmethod',
		'bootstrap-alignment': 'qindtest',
		rotation: 'varimax',
		correlation: 'pearson',
		'flag-level': '0.05',
		format: 'json',
		factors: '3'
	};
	const files: string[] = [];
	const explicit: Record<string, true> = {};
	for (let index = 0; index < args.length; index++) {
		const arg = args[index];
		if (!arg.startsWith('--')) {
			files.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (!(name in CHOICES) && !(name in COUNTS) && name !== 'statements')
			throw new CliError(`analyze: unknown option --${name}; usage: ${USAGE}`);
		const value = inline ?? args[++index];
		if (value === undefined) throw new CliError(`analyze: --${name} needs a value`);
		if (CHOICES[name] && !CHOICES[name].includes(value))
			throw new CliError(`analyze: --${name} must be one of ${CHOICES[name].join(', ')}, got "${value}"`);
		values[name] = value;
		explicit[name] = true;
	}
	if (files.length !== 1) throw new CliError(`analyze: expected one Q-sort file; usage: ${USAGE}`);
	if (!/^\d+$/.test(values.factors))
		throw new CliError(`analyze: --factors must be a whole number from 1 to 8, got "${values.factors}"`);
	for (const name of ['bootstrap', 'seed']) {
		const [low, high] = COUNTS[name];
		if (
			values[name] !== undefined &&
			!(/^\d+$/.test(values[name]) && Number(values[name]) >= low && Number(values[name]) <= high)
		) {
			throw new CliError(`analyze: --${name} must be a whole number from ${low} to ${high}, got "${values[name]}"`);
		}
	}
	if (values.bootstrap === undefined && (values.seed !== undefined || 'bootstrap-alignment' in explicit))
		throw new CliError('analyze: --seed and --bootstrap-alignment need --bootstrap B');
	if (
		values.bootstrap !== undefined &&
		(values.extraction !== 'pca' || values.rotation !== 'varimax' || values.format !== 'json')
	) {
		throw new CliError(
			'analyze: --bootstrap resamples a PCA + varimax solution into the JSON output: use it with --extraction pca --rotation varimax --format json'
		);
	}
	const count = (name: string) => (values[name] === undefined ? undefined : Number(values[name]));
	return {
		file: files[0],
		options: {
			...(values as unknown as ParsedOptions),
			factors: Number(values.factors),
			bootstrap: count('bootstrap'),
			seed: count('seed')
		}
	};
}

async function readText(file: string): Promise<string> {
	try {
		return decodeText(await readFile(file)).text;
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
		throw new CliError(`analyze: cannot read ${file}: ${reason}`);
	}
}

async function readSorts(file: string): Promise<QSortData> {
	const extension = extname(file).toLowerCase();
	if (extension !== '.dat' && extension !== '.csv')
		throw new CliError(`analyze: ${file}: expected a .dat or .csv file`);
	const text = await readText(file);
	try {
		return extension === '.dat' ? parseDat(text) : parseSortsCsv(text);
	} catch (error) {
		throw asCliError(error, file);
	}
}

async function readStatements(file: string, input: QSortData): Promise<string[]> {
	const extension = extname(file).toLowerCase();
	if (extension !== '.sta' && extension !== '.csv')
		throw new CliError(`analyze: ${file}: statements must be a .sta or .csv file`);
	const text = await readText(file);
	let texts: string[];
	try {
		if (extension === '.sta') texts = parseSta(text);
		else {
			const records = parseStatementsCsv(text);
			const byCode = new Map(records.map((record) => [record.code, record.text]));
			const missing = input.statementCodes.filter((code) => !byCode.has(code));
			if (missing.length) throw new CliError(`analyze: ${file} has no text for statement ${missing[0]}`);
			texts = input.statementCodes.map((code) => byCode.get(code)!);
		}
	} catch (error) {
		throw asCliError(error, file);
	}
	if (texts.length !== input.statementCodes.length) {
		throw new CliError(
			`analyze: ${file} has ${texts.length} statements, the Q-sorts have ${input.statementCodes.length}`
		);
	}
	return texts;
}

function asCliError(error: unknown, file?: string): Error {
	if (error instanceof QMethodInputError)
		return new CliError(`analyze: ${file ? `${file}: ` : ''}${error.message} [${error.code}]`);
	return error as Error;
}
