import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	api,
	demoAnalysis,
	demoStudyId,
	FIRST_ACCOUNT,
	firstResearcher,
	logInByApi
} from '../../helpers/researcher.js';
import type { GridColumn } from '../../../src/lib/api/types/common.js';
import { createServerDatabase, serverUrl } from '../../helpers/db.js';
import { type RunningServer, startServer } from '../../helpers/e2e.js';
import { CLI_ENTRY } from '../../helpers/entries.js';

// README "When one machine is not enough", step by step with the built server and CLI: a laptop server on the
// embedded database, `backup` while it runs, `restore` into an empty PostgreSQL database, two app processes on
// that database, then a sort and a live dialogue session across the two. Runs only where DATABASE_URL is set, as
// tests/e2e/dialogue-two-servers.test.ts does: the helpers take the Postgres server from the run's DATABASE_URL
// (createServerDatabase) and the embedded run has none. The laptop side is embedded in every run, so the
// Postgres run covers the whole path; running it twice would test the same thing twice.
const EMBEDDED = { DATABASE_URL: '' };
const CSRF = { 'x-standpunt-csrf': '1' };
const work = mkdtempSync(join(tmpdir(), 'standpunt-move-'));
const running: RunningServer[] = [];
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const server of running) await server.stop({ signal: 'SIGKILL' });
	for (const step of cleanup) await step();
	rmSync(work, { recursive: true, force: true });
});

function cli(env: Record<string, string>, ...args: string[]) {
	return spawnSync(process.execPath, [CLI_ENTRY, ...args], {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: 120_000
	});
}

async function sortTotal(server: RunningServer, cookie: string, studyId: string): Promise<number> {
	return (await api<{ sorts: { total: number } }>(server, cookie, 'GET', `/studies/${studyId}/stats`)).sorts.total;
}

/** Reads the presenter's event stream until a state matches, or fails after `ms`. */
async function waitForState(url: string, cookie: string, predicate: (state: any) => boolean, ms = 5000): Promise<any> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), ms);
	const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
	expect(response.status).toBe(200);
	let buffer = '';
	const decoder = new TextDecoder();
	try {
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
			buffer += decoder.decode(chunk, { stream: true });
			for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = block.split('\n').find((line) => line.startsWith('data: '));
				if (block.startsWith('event: state') && data && predicate(JSON.parse(data.slice(6))))
					return JSON.parse(data.slice(6));
			}
		}
	} catch {
		// aborted: the deadline passed
	} finally {
		clearTimeout(timer);
		controller.abort();
	}
	throw new Error(`no matching presenter state within ${ms} ms`);
}

describe.runIf(serverUrl)(
	'moving from the embedded database to PostgreSQL with two app processes (needs DATABASE_URL)',
	() => {
		it(
			'backs up the running laptop, restores into an empty Postgres database, and serves a sort and a dialogue across two processes',
			{ timeout: 300_000 },
			async () => {
				// The laptop: embedded database with the demo study and a researcher account.
				const laptop = await startServer({ env: EMBEDDED });
				running.push(laptop);
				const { cookie: laptopCookie } = await firstResearcher(laptop);
				const demoId = await demoStudyId(laptop, laptopCookie);
				const sortsBefore = await sortTotal(laptop, laptopCookie, demoId);
				expect(sortsBefore).toBe(70);

				// `node dist/cli.js backup standpunt.gz` while the server runs; then stop it.
				const file = join(work, 'standpunt.gz');
				const backup = cli({ ...EMBEDDED, STANDPUNT_DATA_DIR: laptop.dataDir }, 'backup', file);
				expect(backup.stderr).toBe('');
				expect(backup.status).toBe(0);
				expect(await laptop.stop()).toBe(0);

				// An empty database on the PostgreSQL server (`createdb`), and `restore` into it.
				const target = await createServerDatabase();
				cleanup.push(target.drop);
				const restore = cli({ DATABASE_URL: target.url, STANDPUNT_DATA_DIR: join(work, 'unused') }, 'restore', file);
				expect(restore.stderr).toBe('');
				expect(restore.status).toBe(0);

				// Two app processes on that database; no demo seeding, so everything they serve came from the file.
				const env = { DATABASE_URL: target.url, STANDPUNT_SEED_DEMO: 'false', STANDPUNT_TRUST_PROXY: 'true' };
				const a = await startServer({ env });
				running.push(a);
				const b = await startServer({ env });
				running.push(b);
				for (const server of [a, b]) expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);

				// The account came across: log in with its password on A; the session works on B too.
				const { cookie } = await logInByApi(a, FIRST_ACCOUNT);
				expect(await sortTotal(a, cookie, demoId)).toBe(sortsBefore);
				expect(await sortTotal(b, cookie, demoId)).toBe(sortsBefore);

				// A participant enrols, saves a draft and submits on A; B counts the sort.
				const enrolled = await fetch(`${a.url}/api/studies/by-slug/politie-diversiteit/participants`, {
					method: 'POST',
					headers: { ...CSRF, 'content-type': 'application/json' },
					body: '{}'
				});
				expect(enrolled.status).toBe(201);
				const { code } = (await enrolled.json()) as { code: string };
				const participation = (await (await fetch(`${a.url}/api/participate/${code}`)).json()) as {
					study: { statements: { code: string }[]; grid: GridColumn[] };
				};
				const { statements, grid } = participation.study;
				const values = grid.flatMap((column) => Array.from({ length: column.capacity }, () => column.value));
				const placements = statements.map((s, i) => ({ statement: s.code, value: values[i] }));
				const draft = await fetch(`${a.url}/api/participate/${code}/draft`, {
					method: 'PUT',
					headers: { ...CSRF, 'content-type': 'application/json' },
					body: JSON.stringify({ step: 'sort', placements })
				});
				expect(draft.status).toBe(204);
				const submitted = await fetch(`${a.url}/api/participate/${code}/submission`, {
					method: 'POST',
					headers: { ...CSRF, 'content-type': 'application/json' },
					body: JSON.stringify({ placements })
				});
				expect(submitted.status).toBe(201);
				expect(await sortTotal(b, cookie, demoId)).toBe(sortsBefore + 1);

				// A live dialogue session: the facilitator runs it on A, five attendees answer on B, A's stream shows the tally.
				const { analysisId } = await demoAnalysis(a, cookie);
				const session = await api<{ id: string; joinCode: string }>(
					a,
					cookie,
					'POST',
					`/analyses/${analysisId}/dialogue-sessions`,
					{ name: 'Na de verhuizing' }
				);
				await api(a, cookie, 'PATCH', `/dialogue/sessions/${session.id}`, { currentQuestion: 'best-fit' });
				const tally = waitForState(
					`${a.url}/api/dialogue/sessions/${session.id}/events`,
					cookie,
					(s) => s.tallies?.find((x: { questionKey: string }) => x.questionKey === 'best-fit')?.total === 5
				);
				for (let i = 0; i < 5; i++) {
					const joined = await fetch(`${b.url}/api/dialogue/join`, {
						method: 'POST',
						headers: { ...CSRF, 'content-type': 'application/json' },
						body: JSON.stringify({ code: session.joinCode })
					});
					expect(joined.ok).toBe(true);
					const attendee = (joined.headers.get('set-cookie') ?? '').split(';')[0];
					const answered = await fetch(`${b.url}/api/dialogue/attend/${session.joinCode}/answers/best-fit`, {
						method: 'PUT',
						headers: { ...CSRF, cookie: attendee, 'content-type': 'application/json' },
						body: JSON.stringify({ value: 'factor-2' })
					});
					expect(answered.status).toBe(200);
				}
				expect((await tally).attendees).toBe(5);
			}
		);
	}
);
