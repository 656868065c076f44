import { defineConfig } from 'vitest/config';

// Three projects: `unit` (engine and front-end logic, no services), `integration` (the server on a
// real database: PGlite, or Postgres when DATABASE_URL is set), `e2e` (the built app in Debian's Chromium).
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					sequence: { groupOrder: 0 },
					globalSetup: ['tests/helpers/server-build.ts'],
					include: [
						'tests/qmethod/**/*.test.ts',
						'tests/lib/**/*.test.ts',
						'tests/cli/**/*.test.ts',
						'tests/lint/**/*.test.ts'
					],
					environment: 'node',
					// Not a speed check (benchmarks do that): room for a busy machine, where the first lint or a
					// bootstrap run can take longer than vitest's 5 s default.
					testTimeout: 30_000
				},
				resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } }
			},
			{
				test: {
					name: 'integration',
					sequence: { groupOrder: 1 },
					globalSetup: ['tests/helpers/server-build.ts', 'tests/helpers/global-setup.ts'],
					include: ['tests/server/**/*.test.ts', 'tests/migrations/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// Each file opens its own database; two at a time fits the 2-core machines.
					maxWorkers: 2
				},
				resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } }
			},
			{
				test: {
					name: 'e2e',
					sequence: { groupOrder: 2 },
					globalSetup: ['tests/helpers/server-build.ts', 'tests/helpers/global-setup.ts'],
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 180_000,
					// expect.poll gives up after 1 s by default: too little for a page that waits on a password hash or a
					// count on a busy machine. A poll still ends as soon as its condition holds.
					expect: { poll: { timeout: 15_000 } },
					maxWorkers: 1,
					fileParallelism: false
				}
			}
		]
	}
});
