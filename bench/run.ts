import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchModule } from './types.js';

/**
 * `npm run bench [-- <module> …]`: runs benchmark modules and prints one table. Every case runs
 * in its own child process so that its peak memory (max RSS) is its own; the time is the median
 * of the case's timed runs after its warm-up, excluding start-up and input preparation. The
 * CPU column (user + system time of the process) shows the work itself when the machine is
 * shared; targets are checked against wall-clock ms.
 * To add a module: one line in `modules` below.
 */
const modules: Record<string, () => Promise<BenchModule>> = {
	engine: () => import('./engine.js'),
	participant: () => import('./participant.js'),
	startup: () => import('./startup.js')
};

interface Measurement {
	ms: number;
	cpuMs: number;
	peakMb: number;
	baseMb: number;
	/** Median of `run` ÷ median of the case's baseline, for cases with one. */
	ratio?: number;
}

async function child(moduleName: string, caseName: string): Promise<void> {
	const module = await modules[moduleName]();
	const benchCase = module.cases.find((c) => c.name === caseName);
	if (!benchCase) throw new Error(`no case ${caseName} in ${moduleName}`);
	const prepared = benchCase.prepare();
	for (let w = 0; w < (benchCase.warmup ?? 0); w++) {
		await benchCase.run(prepared);
		await benchCase.baseline?.run(prepared);
	}
	const baseMb = process.memoryUsage().rss / 2 ** 20;
	const times: number[] = [];
	const cpuTimes: number[] = [];
	const baselineTimes: number[] = [];
	for (let r = 0; r < (benchCase.repeat ?? 1); r++) {
		if (benchCase.baseline) {
			const start = performance.now();
			await benchCase.baseline.run(prepared);
			baselineTimes.push(performance.now() - start);
		}
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		await benchCase.run(prepared);
		times.push(performance.now() - start);
		const cpu = process.cpuUsage(cpuStart);
		cpuTimes.push((cpu.user + cpu.system) / 1000);
	}
	const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
	const measurement: Measurement = {
		ms: median(times),
		cpuMs: median(cpuTimes),
		peakMb: process.resourceUsage().maxRSS / 1024,
		baseMb
	};
	if (benchCase.baseline) measurement.ratio = measurement.ms / median(baselineTimes);
	process.stdout.write(JSON.stringify(measurement));
}

async function main(argv: string[]): Promise<void> {
	if (argv[0] === '--child') return child(argv[1], argv[2]);
	const unknown = argv.filter((name) => !(name in modules));
	if (unknown.length) {
		process.stderr.write(`bench: unknown module ${unknown.join(', ')}; known: ${Object.keys(modules).join(', ')}\n`);
		process.exit(2);
	}
	const selected = argv.length ? argv : Object.keys(modules);
	const script = fileURLToPath(import.meta.url);
	const header = ['module', 'case', 'size', 'ms', 'CPU ms', 'peak RSS MB', 'RSS before MB', 'target', 'result'];
	const rows: string[][] = [];
	let misses = 0;
	for (const moduleName of selected) {
		const module = await modules[moduleName]();
		for (const benchCase of module.cases) {
			const output = execFileSync(
				process.execPath,
				['--import', 'tsx', script, '--child', moduleName, benchCase.name],
				{ encoding: 'utf8', maxBuffer: 1 << 20 }
			);
			const { ms, cpuMs, peakMb, baseMb, ratio } = JSON.parse(output) as Measurement;
			const baseline = benchCase.baseline;
			const targets = [
				benchCase.targetMs ? `≤ ${benchCase.targetMs} ms` : '',
				benchCase.targetMb ? `≤ ${benchCase.targetMb} MB` : '',
				baseline ? `≤ ${baseline.targetRatio}× ${baseline.label}` : ''
			]
				.filter(Boolean)
				.join(', ');
			const ok =
				(!benchCase.targetMs || ms <= benchCase.targetMs) &&
				(!benchCase.targetMb || peakMb <= benchCase.targetMb) &&
				(!baseline || (ratio !== undefined && ratio <= baseline.targetRatio));
			if (!ok) misses++;
			const result = targets ? `${ok ? 'ok' : 'MISS'}${ratio !== undefined ? ` (${ratio.toFixed(2)}×)` : ''}` : '';
			rows.push([
				moduleName,
				benchCase.name,
				benchCase.size,
				ms.toFixed(1),
				cpuMs.toFixed(1),
				peakMb.toFixed(0),
				baseMb.toFixed(0),
				targets || '—',
				result
			]);
			process.stderr.write(`${moduleName}/${benchCase.name}: ${ms.toFixed(1)} ms\n`);
		}
	}
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
	const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
	process.stdout.write([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n');
	if (misses) process.stdout.write(`${misses} case(s) missed their target\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
	process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
