import { ApiError } from '$lib/api/client';
import { analysesApi } from '$lib/api/analyses';
import { numberDifferences, type FieldDifference } from './number-diff.js';
import type {
	AnalysisData,
	AnalysisRequest,
	AnalysisSummary,
	CentroidVariant,
	Extraction,
	FactorComposition,
	FlagLevel,
	Rotation,
	RotationStepRequest,
	StoredAnalysis
} from './types.js';
import { EngineClient, EngineError } from './worker-client.js';
import type { WorkspaceResult } from './workspace-result.js';

interface Snapshot {
	steps: RotationStepRequest[];
	flags: boolean[][] | null;
}

/**
 * The analysis workspace of one study: settings, the recorded decisions (rotation steps, flags) with
 * undo, the latest engine result from the worker, saved versions and the composition from the API.
 */
export class AnalysisWorkspace {
	studyId: string;
	loadState = $state<'loading' | 'ready' | 'failed'>('loading');
	loadError = $state<unknown>(null);
	data = $state.raw<AnalysisData | null>(null);

	extraction = $state<Extraction>('centroid');
	centroidVariant = $state<CentroidVariant>('qmethod');
	factors = $state(4);
	rotation = $state<Rotation>('varimax');
	flagLevel = $state<FlagLevel>(0.05);
	steps = $state.raw<RotationStepRequest[]>([]);
	flags = $state.raw<boolean[][] | null>(null);
	history = $state.raw<Snapshot[]>([]);

	workspace = $state.raw<WorkspaceResult | null>(null);
	running = $state(false);
	runError = $state<{ code: string; message: string } | null>(null);
	composition = $state.raw<FactorComposition[] | null>(null);

	versions = $state.raw<AnalysisSummary[]>([]);
	/** The saved version the settings came from, and whether today's numbers equal the stored ones. */
	/** The version on screen; `differences` from the browser's own numbers (null until the browser has them, [] = the same). */
	opened = $state.raw<{ analysis: StoredAnalysis; differences: FieldDifference[] | null } | null>(null);
	saving = $state(false);
	notice = $state('');

	private engine: EngineClient | undefined;
	private sequence = 0;
	private compositionTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(studyId: string) {
		this.studyId = studyId;
	}

	get request(): AnalysisRequest {
		return {
			extraction: this.extraction,
			...(this.extraction === 'centroid' ? { centroidVariant: this.centroidVariant } : {}),
			factors: this.factors,
			rotation: this.rotation,
			flagLevel: this.flagLevel,
			rotationSteps: this.steps,
			flags: this.flags
		};
	}

	async load(): Promise<void> {
		try {
			const [data, versions] = await Promise.all([analysesApi.data(this.studyId), analysesApi.list(this.studyId)]);
			this.data = data;
			this.versions = versions;
			this.factors = Math.max(1, Math.min(this.factors, data.sorts.length));
			this.engine = new EngineClient();
			this.engine.load(data);
			this.loadState = 'ready';
			if (data.sorts.length >= 2) await this.run();
		} catch (error) {
			this.loadError = error;
			this.loadState = 'failed';
		}
	}

	destroy(): void {
		this.engine?.terminate();
		clearTimeout(this.compositionTimer);
	}

	/** Runs the current request in the worker; an older answer arriving late is ignored. */
	async run(): Promise<void> {
		if (!this.engine) return;
		const id = ++this.sequence;
		this.running = true;
		try {
			const workspace = await this.engine.run(this.request);
			if (id !== this.sequence) return;
			this.workspace = workspace;
			this.runError = null;
			this.scheduleComposition();
			if (this.opened && this.opened.differences === null)
				this.opened = { ...this.opened, differences: numberDifferences(this.opened.analysis.result, workspace.result) };
		} catch (error) {
			if (id !== this.sequence) return;
			this.runError =
				error instanceof EngineError
					? { code: error.code, message: error.message }
					: { code: 'ENGINE_FAILED', message: String(error) };
		} finally {
			if (id === this.sequence) this.running = false;
		}
	}

	private scheduleComposition(): void {
		clearTimeout(this.compositionTimer);
		if (!this.workspace?.result) return;
		const request = this.request;
		this.compositionTimer = setTimeout(async () => {
			try {
				this.composition = await analysesApi.composition(this.studyId, request);
			} catch {
				this.composition = null;
			}
		}, 250);
	}

	/** New extraction settings start a fresh solution: recorded steps and flags are cleared (and can be undone). */
	setExtraction(settings: {
		extraction?: Extraction;
		centroidVariant?: CentroidVariant;
		factors?: number;
		rotation?: Rotation;
		flagLevel?: FlagLevel;
	}): void {
		this.remember();
		if (settings.extraction) this.extraction = settings.extraction;
		if (settings.centroidVariant) this.centroidVariant = settings.centroidVariant;
		if (settings.factors) this.factors = settings.factors;
		if (settings.rotation) this.rotation = settings.rotation;
		if (settings.flagLevel) this.flagLevel = settings.flagLevel;
		const flagsOnly = settings.flagLevel !== undefined && Object.keys(settings).length === 1;
		if (!flagsOnly) this.steps = [];
		this.flags = null;
		this.opened = null;
		void this.run();
	}

	private remember(): void {
		this.history = [...this.history, { steps: this.steps, flags: this.flags }].slice(-200);
	}

	/** Records a step. A new rotation changes the loadings, so flags return to automatic (undo restores them). */
	addStep(step: RotationStepRequest): void {
		this.remember();
		this.steps = [...this.steps, step];
		this.flags = null;
		void this.run();
	}

	turn(p: number, q: number, angle: number): void {
		if (!Number.isFinite(angle) || angle === 0 || p === q) return;
		this.addStep({ p, q, angle: Math.round(angle * 1000) / 1000 });
	}

	undo(): void {
		const previous = this.history.at(-1);
		if (!previous) return;
		this.history = this.history.slice(0, -1);
		this.steps = previous.steps;
		this.flags = previous.flags;
		void this.run();
	}

	get hasSplit(): boolean {
		return this.steps.some((step) => 'split' in step);
	}

	toggleFlag(sort: number, factor: number): void {
		const base = this.flags ?? this.workspace?.result.flagged;
		if (!base) return;
		this.remember();
		this.flags = base.map((row, i) => (i === sort ? row.map((flag, f) => (f === factor ? !flag : flag)) : [...row]));
		void this.run();
	}

	resetFlags(): void {
		if (!this.flags) return;
		this.remember();
		this.flags = null;
		void this.run();
	}

	async refreshVersions(): Promise<void> {
		this.versions = await analysesApi.list(this.studyId);
	}

	/** Saves the current decisions under a name; the server recomputes from the stored sorts. */
	async save(name: string): Promise<StoredAnalysis | undefined> {
		this.saving = true;
		try {
			const stored = await analysesApi.create(this.studyId, { ...this.request, name });
			// While a run is under way the browser's numbers are not yet those of this request: run() compares them.
			const differences =
				this.workspace && !this.running ? numberDifferences(stored.result, this.workspace.result) : null;
			this.opened = { analysis: stored, differences };
			await this.refreshVersions();
			return stored;
		} catch (error) {
			this.runError =
				error instanceof ApiError
					? { code: error.code, message: error.message }
					: { code: 'SAVE_FAILED', message: String(error) };
			return undefined;
		} finally {
			this.saving = false;
		}
	}

	/** Opens a saved version: its settings and decisions come back and are re-run in the browser. */
	async open(id: string): Promise<void> {
		const analysis = await analysesApi.get(id);
		this.remember();
		this.extraction = analysis.request.extraction;
		this.centroidVariant = analysis.request.centroidVariant ?? 'qmethod';
		this.factors = analysis.request.factors;
		this.rotation = analysis.request.rotation;
		this.flagLevel = analysis.request.flagLevel;
		this.steps = analysis.request.rotationSteps;
		this.flags = analysis.request.flags;
		this.opened = { analysis, differences: null };
		await this.run();
	}
}
