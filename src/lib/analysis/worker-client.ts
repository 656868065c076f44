import type { AnalysisData, AnalysisRequest } from './types.js';
import type { WorkerRequest, WorkerResponse } from './engine.worker.js';
import type { WorkspaceResult } from './workspace-result.js';

export class EngineError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'EngineError';
	}
}

/** Talks to the engine worker: one request at a time in order, each answered by its id. */
export class EngineClient {
	private worker: Worker;
	private nextId = 1;
	private pending = new Map<number, { resolve(value: WorkspaceResult): void; reject(error: Error): void }>();

	constructor(worker?: Worker) {
		this.worker = worker ?? new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
		this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const message = event.data;
			const waiting = this.pending.get(message.id);
			if (!waiting) return;
			this.pending.delete(message.id);
			if (message.type === 'result') waiting.resolve(message.workspace);
			else waiting.reject(new EngineError(message.code, message.message));
		};
		this.worker.onerror = (event) => {
			for (const waiting of this.pending.values())
				waiting.reject(new EngineError('WORKER_FAILED', event.message || 'the analysis worker stopped'));
			this.pending.clear();
		};
	}

	load(data: AnalysisData): void {
		this.worker.postMessage({ type: 'load', data } satisfies WorkerRequest);
	}

	run(request: AnalysisRequest): Promise<WorkspaceResult> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.worker.postMessage({ type: 'run', id, request: $stateSnapshotSafe(request) } satisfies WorkerRequest);
		});
	}

	terminate(): void {
		this.worker.terminate();
		this.pending.clear();
	}
}

/** Svelte state proxies cannot be cloned for postMessage; a JSON round trip gives plain data. */
function $stateSnapshotSafe<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
