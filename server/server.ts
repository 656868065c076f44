import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/lock.js';
import { openAndMigrate } from './startup.js';

async function main(): Promise<void> {
	const started = performance.now();
	const config = loadConfig();
	// The database opens first, and the rest of the server loads while it does: the embedded database's
	// WebAssembly compiles on another thread and its files are read in the meantime. Only what the start
	// needs is imported before: configuration, the data-folder lock and the database.
	const opening = openAndMigrate(config);
	const loading = Promise.all([
		import('./app.js'),
		import('./demo/seed.js'),
		import('./backup/admin.js'),
		import('./log-format.js'),
		import('./studies/retention.js')
	]);
	const [database, modules] = await Promise.all([
		opening,
		loading.catch(async (error: unknown) => {
			await (await opening.catch(() => undefined))?.close();
			throw error;
		})
	]);
	const [{ buildApp }, { seedDemoIfEmpty }, { newAdminToken, writeAdminFile }, { readableLogStream }, retention] =
		modules;
	const { scheduleDraftRetention } = retention;
	const logger = { level: config.logLevel, ...(config.logFormat === 'pretty' ? { stream: readableLogStream() } : {}) };
	// On the embedded database the data folder is ours alone: the CLI's backup asks this process for it.
	const adminToken = database.kind === 'embedded' ? newAdminToken() : undefined;
	const app = await buildApp({ config, database, logger, adminToken });
	let stopRetention: (() => Promise<void>) | undefined;
	let removeAdminFile: (() => void) | undefined;
	app.addHook('onClose', async () => {
		removeAdminFile?.();
		await stopRetention?.();
		await database.close();
	});

	let closing = false;
	const shutdown = (signal: string) => {
		if (closing) return;
		closing = true;
		app.log.info({ signal }, 'shutting down');
		// A second signal, or a hung close, must not keep the process alive for ever.
		setTimeout(() => process.exit(1), 10_000).unref();
		app.close().then(
			() => process.exit(0),
			(error) => {
				app.log.error({ err: error }, 'error while shutting down');
				process.exit(1);
			}
		);
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	try {
		if (config.seedDemo) {
			const seeded = await seedDemoIfEmpty(database.db);
			if (seeded) app.log.info('created the demo study "politie-diversiteit" (synthetic demo data)');
		}
		const address = await app.listen({ port: config.port, host: config.host });
		// Drafts never submitted are removed after their study's retention period, checked every hour.
		stopRetention = scheduleDraftRetention(database.db, app.log);
		const bound = app.server.address();
		if (adminToken && bound && typeof bound === 'object') {
			removeAdminFile = writeAdminFile(config.dataDir, { pid: process.pid, port: bound.port, token: adminToken });
		}
		app.log.info(
			{ database: database.kind, startupMs: Math.round(performance.now() - started) },
			`Standpunt is running at ${address.replace('127.0.0.1', 'localhost')}`
		);
	} catch (error) {
		await app.close();
		throw error;
	}
}

main().catch((error: unknown) => {
	if (error instanceof ConfigError || error instanceof DataDirLockedError) {
		process.stderr.write(`standpunt: ${error.message}\n`);
	} else {
		process.stderr.write(`standpunt: could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
	}
	process.exit(1);
});
