/// <reference lib="webworker" />
// Runs the analysis engine off the main thread, so the workspace never freezes. The study's data is
// sent once ('load'); each 'run' carries only the request. Parallel analysis depends on the data only
// and is cached here.
import { QMethodInputError, validateSorts, type QSortData } from '../qmethod/index.js';
import { engineInput } from './pipeline.js';
import { AnalysisRequestError } from './request.js';
import { parallelAnalysis, type RetentionAids } from './retention.js';
import type { AnalysisData, AnalysisRequest } from './types.js';
import { buildWorkspaceResult } from './workspace-result.js';

export type WorkerRequest =
	{ type: 'load'; data: AnalysisData } | { type: 'run'; id: number; request: AnalysisRequest };
export type WorkerResponse =
	| { type: 'result'; id: number; workspace: ReturnType<typeof buildWorkspaceResult> }
	| { type: 'error'; id: number; code: string; message: string };

let input: QSortData | undefined;
let parallel: RetentionAids['parallel'] | undefined;

function handle(message: WorkerRequest): WorkerResponse | undefined {
	if (message.type === 'load') {
		input = engineInput(message.data);
		parallel = undefined;
		return undefined;
	}
	try {
		if (!input) throw new AnalysisRequestError('NO_DATA', 'the study data is not loaded yet');
		parallel ??= parallelAnalysis(validateSorts(input));
		return { type: 'result', id: message.id, workspace: buildWorkspaceResult(input, message.request, parallel) };
	} catch (error) {
		if (error instanceof AnalysisRequestError)
			return { type: 'error', id: message.id, code: error.code, message: error.message };
		if (error instanceof QMethodInputError)
			return { type: 'error', id: message.id, code: error.code.toUpperCase(), message: error.message };
		return {
			type: 'error',
			id: message.id,
			code: 'ENGINE_FAILED',
			message: error instanceof Error ? error.message : String(error)
		};
	}
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const response = handle(event.data);
	if (response) (self as unknown as { postMessage(message: WorkerResponse): void }).postMessage(response);
};
