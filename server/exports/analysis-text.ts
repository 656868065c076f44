import { formatTextReport } from '../../src/lib/qmethod/index.js';
import type { ExportSource } from './analysis-source.js';

/**
 * The PQMethod-style text report (the engine's formatter, as the CLI prints it), headed with the
 * version's name and its recorded decisions so the printout can be traced to the saved version.
 */
export function analysisTextReport({ stored, full, texts, correlations }: ExportSource): string {
	const steps = stored.request.rotationSteps.map((step) =>
		'angle' in step
			? `turn F${step.p}/F${step.q} by ${step.angle}°`
			: 'invert' in step
				? `invert F${step.invert}`
				: `split bipolar F${step.split}`
	);
	const head = [
		`Standpunt analysis "${stored.name || '(unnamed)'}", saved ${stored.createdAt}, engine ${stored.engineVersion}`,
		`Rotation steps after ${stored.request.rotation}: ${steps.length ? steps.join('; ') : 'none'}`,
		`Flags: ${stored.request.flags ? 'set by hand' : `automatic (p < ${stored.request.flagLevel})`}`,
		''
	];
	return head.join('\n') + formatTextReport(full, texts, correlations) + '\n';
}
