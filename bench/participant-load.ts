// Load generator for bench/participant.ts, run as its own process: `prepare <url> <n> <file>` enrols n
// participants of the demo study and writes their codes and a valid sort to <file>; `submit <url> <file>
// <concurrency>` posts every sort once, keep-alive, and prints {ok, errors, ms} as JSON.
import { readFileSync, writeFileSync } from 'node:fs';

const HEADERS = { 'content-type': 'application/json', 'x-standpunt-csrf': '1' };

async function prepare(url: string, n: number, file: string): Promise<void> {
	const codes: string[] = [];
	const queue = Array.from({ length: n }, (_, i) => i);
	await Promise.all(
		Array.from({ length: 16 }, async () => {
			while (queue.pop() !== undefined) {
				const response = await fetch(`${url}/api/studies/by-slug/politie-diversiteit/participants`, {
					method: 'POST',
					headers: HEADERS,
					body: '{}'
				});
				if (response.status !== 201) throw new Error(`enrol answered ${response.status}: ${await response.text()}`);
				codes.push(((await response.json()) as { code: string }).code);
			}
		})
	);
	const view = (await (await fetch(`${url}/api/participate/${codes[0]}`)).json()) as {
		study: { statements: { code: string }[]; grid: { value: number; capacity: number }[] };
	};
	const placements: { statement: string; value: number }[] = [];
	let next = 0;
	for (const column of view.study.grid)
		for (let i = 0; i < column.capacity; i++)
			placements.push({ statement: view.study.statements[next++].code, value: column.value });
	const body = {
		placements,
		answers: { unit: 'noodhulp', area: null },
		comments: { [placements[0].statement]: 'Belangrijk voor het team.' }
	};
	writeFileSync(file, JSON.stringify({ codes, body }));
}

async function submit(url: string, file: string, concurrency: number): Promise<void> {
	const { codes, body } = JSON.parse(readFileSync(file, 'utf8')) as { codes: string[]; body: unknown };
	const payload = JSON.stringify(body);
	const queue = [...codes];
	let ok = 0;
	const errors: string[] = [];
	const start = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			for (let code = queue.pop(); code !== undefined; code = queue.pop()) {
				try {
					const response = await fetch(`${url}/api/participate/${code}/submission`, {
						method: 'POST',
						headers: HEADERS,
						body: payload
					});
					await response.arrayBuffer();
					if (response.status === 201) ok++;
					else errors.push(`${response.status}`);
				} catch (error) {
					errors.push(error instanceof Error ? error.message : String(error));
				}
			}
		})
	);
	process.stdout.write(
		JSON.stringify({ ok, errors: errors.length, firstErrors: errors.slice(0, 5), ms: performance.now() - start })
	);
}

const [command, url, a, b] = process.argv.slice(2);
const done = command === 'prepare' ? prepare(url, Number(a), b) : submit(url, a, Number(b));
done.catch((error: unknown) => {
	process.stderr.write(`participant-load: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
