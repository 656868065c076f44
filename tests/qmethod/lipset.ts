import { readFileSync } from 'node:fs';
import { decodeText, parseDat, parseSortsCsv, type QSortData } from '../../src/lib/qmethod/index.js';

/** Test helpers: the Lipset fixtures (tests/fixtures/lipset, from shared/reference/lipset). */
export const fixtureDir = new URL('../fixtures/lipset/', import.meta.url);

export function fixtureText(name: string): string {
	return decodeText(readFileSync(new URL(name, fixtureDir))).text;
}

export function lipsetDat(): QSortData {
	return parseDat(fixtureText('lipset.dat'));
}

export function lipsetCsv(): QSortData {
	return parseSortsCsv(fixtureText('lipset.csv'));
}

export interface ReferenceResult {
	nStatements: number;
	nSorts: number;
	extraction: string;
	rotation: string;
	nFactors: number;
	eigenvalues: number[];
	explainedVariance: number[];
	loadings: number[][];
	flagged: boolean[][];
	zScores: number[][];
	factorArrays: number[][];
	distinguishing: number[][];
	consensus: number[];
	factorCharacteristics: {
		nDefining: number[];
		avgRelCoef: number[];
		compositeReliability: number[];
		seZScores: number[];
	};
	meta: { sortIds: string[]; statementCodes: string[]; distribution: number[]; unrotatedLoadings: number[][] };
}

export function reference(kind: 'pca' | 'centroid'): ReferenceResult {
	return JSON.parse(fixtureText(`expected-${kind}-varimax-3.json`)) as ReferenceResult;
}

/** Lipset, statement × sort (spec §12.1), as sorts (rows = sorts). */
export function lipsetSortsFromSpec(): number[][] {
	const data = lipsetDat();
	return data.sorts.map((sort) => Array.from(sort));
}
